using System.Globalization;
using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Xml;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CalfCoach.Formats.Tests.Fuzz;

/// <summary>Tests that measure a thread's allocations and times: run alone, so other tests do not slow them down.</summary>
[CollectionDefinition(nameof(DecoderFuzz), DisableParallelization = true)]
public sealed class DecoderFuzz;

/// <summary>
/// An in-process mutation fuzz of the FIT, GPX and TCX decoders, for a bounded time per decoder: inputs are generated
/// files covering every feature (and the real files of <c>../shared/data/real</c> when present), mutated by truncating,
/// flipping bytes, splicing in a chunk of another file and duplicating a chunk, one to three at a time. A decoder may
/// keep what it can and report, or throw its own documented exception (<see cref="FitFormatException"/>,
/// <see cref="XmlActivityFormatException"/>); it fails on any other exception, more than 2 s or more than 64 MB
/// allocated for one input, or a hang.
/// </summary>
/// <remarks>
/// About 3 s per decoder by default and 60 s with <c>CI=true</c> (<c>.ci/run</c>); <c>CALFCOACH_FUZZ_SECONDS</c> overrides
/// both. The seed is printed (and appended to <c>artifacts/fuzz/decoder-fuzz.txt</c>); <c>CALFCOACH_FUZZ_SEED=N</c> replays
/// a run. A failure names the seed, iteration, mutations and corpus file, and writes the input to <c>artifacts/fuzz</c>.
/// </remarks>
[Collection(nameof(DecoderFuzz))]
public sealed partial class DecoderFuzzTests
{
    private static readonly TimeSpan MaxDecodeTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;

    [Theory]
    [InlineData("fit")]
    [InlineData("gpx")]
    [InlineData("tcx")]
    public async Task Mutated_inputs_give_only_the_decoders_own_error_quickly_and_in_bounded_memory(string format)
    {
        var baseSeed = int.TryParse(Environment.GetEnvironmentVariable("CALFCOACH_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("CALFCOACH_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 60 : 3;

        // Each decoder draws from its own stream of the one seed, so one printed number replays all three.
        var seed = baseSeed + format switch { "fit" => 0, "gpx" => 1, _ => 2 };
        var corpus = Corpus(format);
        var banner = $"decoder fuzz {format}: seed {baseSeed} for {seconds} s over {corpus.Count} files (replay with CALFCOACH_FUZZ_SEED={baseSeed})"
            + (TestPaths.RealCorpus is null ? "; the real-file corpus ../shared/data/real is absent, so only generated files are mutated" : "");
        Report(banner);

        // Warm-up, unmeasured and unmutated: the first decode of each shape compiles its code (JIT), once.
        foreach (var (name, bytes) in corpus)
        {
            var warm = Decode(format, bytes);
            Assert.True(warm.Error is null || IsDocumented(format, warm.Error), $"{format} {name} unmutated: {warm.Error}");
        }

        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var iterations = 0;
        var slowest = TimeSpan.Zero;
        var mostAllocated = 0L;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            iterations++;
            var (name, original) = corpus[random.Next(corpus.Count)];
            var input = Mutate(random, original, corpus, out var how);
            var where = $"{format} fuzz, seed {baseSeed}, iteration {iterations}, {name} {how} ({input.Length} bytes)";

            // On a thread of its own, so a decoder that never returns fails the test instead of hanging it.
            var run = Task.Run(() => Decode(format, input), TestContext.Current.CancellationToken);
            if (await Task.WhenAny(run, Task.Delay(HangLimit, TestContext.Current.CancellationToken)) != run)
            {
                Fail(where, input, $"still decoding after {HangLimit.TotalSeconds} s: a loop that does not advance?");
            }

            var result = await run;
            if (result.Error is { } error && !IsDocumented(format, error))
            {
                Fail(where, input, $"{error.GetType().Name}: {error.Message}\n{error.StackTrace}");
            }

            if (result.Elapsed > MaxDecodeTime)
            {
                Fail(where, input, $"took {result.Elapsed.TotalSeconds:0.00} s");
            }

            if (result.AllocatedBytes > MaxAllocatedBytes)
            {
                Fail(where, input, $"allocated {result.AllocatedBytes / (1024.0 * 1024):0} MB");
            }

            slowest = result.Elapsed > slowest ? result.Elapsed : slowest;
            mostAllocated = Math.Max(mostAllocated, result.AllocatedBytes);
        }

        // The margins, so a limit creeping closer shows before it fails.
        Report($"decoder fuzz {format}: seed {baseSeed}: {iterations} inputs, none failed (slowest {slowest.TotalMilliseconds:0} ms, most allocated {mostAllocated / (1024.0 * 1024):0.0} MB)");
        Assert.True(iterations > 0);
    }

    private readonly record struct DecodeResult(Exception? Error, TimeSpan Elapsed, long AllocatedBytes);

    /// <summary>Decodes on the calling thread, measuring that thread's time and allocations, as the importer's stage 2 does.</summary>
    private static DecodeResult Decode(string format, byte[] bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            IReadOnlyList<Activity> activities = format == "fit"
                ? FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(bytes), Source(format))
                : Xml(format, bytes);
            foreach (var activity in activities)
            {
                // What the importer does next with every activity: it must not throw either.
                ActivityPlausibility.Mark(activity);
                if (activity.Streams.Count > bytes.Length)
                {
                    throw new InvalidOperationException($"{activity.Streams.Count} samples from {bytes.Length} bytes: output outgrew the input");
                }

                // Issue 12's message class: a problem names its byte offset once, never "byte N: byte N:".
                if (activity.Problems.FirstOrDefault(p => RepeatedOffset().IsMatch(p)) is { } repeated)
                {
                    throw new InvalidOperationException($"a problem repeats its offset: {repeated}");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex;
        }

        return new DecodeResult(error, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static bool IsDocumented(string format, Exception error) =>
        format == "fit" ? error is FitFormatException : error is XmlActivityFormatException;

    private static IReadOnlyList<Activity> Xml(string format, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return format == "gpx" ? GpxReader.Read(stream, Source(format)) : TcxReader.Read(stream, Source(format));
    }

    private static ActivitySource Source(string format) => new(format, "fuzz." + format, "fuzz");

    /// <summary>One to three mutations stacked; <paramref name="how"/> names them, for the failure message.</summary>
    internal static byte[] Mutate(Random random, byte[] original, IReadOnlyList<(string Name, byte[] Bytes)> corpus, out string how)
    {
        var bytes = original;
        var steps = new List<string>();
        for (var n = random.Next(1, 4); n > 0 && bytes.Length > 0; n--)
        {
            switch (random.Next(4))
            {
                case 0:
                    var keep = random.Next(bytes.Length);
                    steps.Add($"truncated to {keep}");
                    bytes = bytes[..keep];
                    break;
                case 1:
                    bytes = (byte[])bytes.Clone();
                    var flips = random.Next(1, 9);
                    for (var k = 0; k < flips; k++)
                    {
                        bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                    }

                    steps.Add($"{flips} bytes flipped");
                    break;
                case 2:
                    var (donorName, donor) = corpus[random.Next(corpus.Count)];
                    var from = random.Next(donor.Length);
                    var length = Math.Min(donor.Length - from, random.Next(1, 4096));
                    var at = random.Next(bytes.Length + 1);
                    bytes = [.. bytes.AsSpan(0, at), .. donor.AsSpan(from, length), .. bytes.AsSpan(at)];
                    steps.Add($"spliced {length} bytes of {donorName} at {at}");
                    break;
                default:
                    var start = random.Next(bytes.Length);
                    var count = Math.Min(bytes.Length - start, random.Next(1, 2048));
                    var times = random.Next(1, 5);
                    var insertAt = random.Next(bytes.Length + 1);
                    var copies = new List<byte>(count * times);
                    for (var t = 0; t < times; t++)
                    {
                        copies.AddRange(bytes.AsSpan(start, count));
                    }

                    bytes = [.. bytes.AsSpan(0, insertAt), .. copies, .. bytes.AsSpan(insertAt)];
                    steps.Add($"{count} bytes at {start} duplicated {times}× at {insertAt}");
                    break;
            }
        }

        how = string.Join(", ", steps);
        return bytes;
    }

    /// <summary>Generated files covering each decoder's features, then the real files of that format when present.</summary>
    internal static List<(string Name, byte[] Bytes)> Corpus(string format)
    {
        var start = new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero);
        var run = SyntheticRun.Generate(new SyntheticRunSpec(start, 3, 330, 166, Intervals: 3, HillAmplitudeMeters: 6, TemperatureCelsius: 21), seed: 11);
        var ride = SyntheticRun.Generate(new SyntheticRunSpec(start, 6, 150, 88), seed: 12) with { Sport = Sport.Cycling, SubSport = SubSport.Generic };
        var corpus = new List<(string, byte[])>();
        switch (format)
        {
            case "fit":
                corpus.Add(("generated run.fit", FitActivityWriter.Write(run)));
                corpus.Add(("generated run with hr messages.fit", FitActivityWriter.Write(run, new FitActivityWriterOptions(HeartRateInHrMessages: true))));
                corpus.Add(("generated ride.fit", FitActivityWriter.Write(ride)));
                corpus.AddRange(FuzzRegressionTests.FitCrashClasses());
                break;
            case "gpx":
                corpus.Add(("generated run.gpx", Gpx(run, "running")));
                corpus.Add(("generated ride.gpx", Gpx(ride, "cycling")));
                corpus.AddRange(FuzzRegressionTests.XmlCrashClasses(format));
                break;
            default:
                corpus.Add(("generated run.tcx", Tcx(run, "Running")));
                corpus.Add(("generated ride.tcx", Tcx(ride, "Biking")));
                corpus.AddRange(FuzzRegressionTests.XmlCrashClasses(format));
                break;
        }

        if (TestPaths.RealCorpus is { } folder)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = path.ToUpperInvariant();
                if (name.EndsWith("." + format.ToUpperInvariant(), StringComparison.Ordinal) || name.EndsWith($".{format.ToUpperInvariant()}.GZ", StringComparison.Ordinal))
                {
                    var relative = Path.GetRelativePath(folder, path);
                    corpus.Add((relative, TestPaths.ReadCorpusFile(relative)));
                }
            }
        }

        return corpus;
    }

    private static void Fail(string where, byte[] input, string what)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts", "fuzz")).FullName;
        var file = Path.Combine(folder, $"failing-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, input);
        Assert.Fail($"{where}: {what} (input saved as {file})");
    }

    private static void Report(string line)
    {
        Console.Error.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);

        // Also kept in a file: a passing test's output is not always shown, and a seed is worth having after a run.
        var folder = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts", "fuzz")).FullName;
        File.AppendAllText(Path.Combine(folder, "decoder-fuzz.txt"), $"{DateTimeOffset.UtcNow:O} {line}{Environment.NewLine}");
    }

    private static byte[] Gpx(Activity activity, string type)
    {
        var text = new StringBuilder($"<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><metadata><name>fuzz</name></metadata><trk><name>{type}</name><type>{type}</type><trkseg>");
        var s = activity.Streams;
        for (var i = 0; i < s.Count; i += 3)
        {
            if (i == s.Count / 2)
            {
                text.Append("</trkseg><trkseg>");
            }

            text.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{s.LatitudeDegrees[i]:F6}\" lon=\"{s.LongitudeDegrees[i]:F6}\"><ele>{s.AltitudeMeters[i]:F1}</ele><time>{activity.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</time>");
            text.Append(CultureInfo.InvariantCulture, $"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{s.HeartRateBpm[i]:F0}</gpxtpx:hr><gpxtpx:cad>{s.Cadence[i] / 2:F0}</gpxtpx:cad><gpxtpx:atemp>{s.TemperatureCelsius[i]:F0}</gpxtpx:atemp></gpxtpx:TrackPointExtension><power>{s.PowerWatts[i]:F0}</power></extensions></trkpt>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</trkseg></trk></gpx>").ToString());
    }

    private static byte[] Tcx(Activity activity, string sport)
    {
        var text = new StringBuilder("<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Activities>");
        text.Append(CultureInfo.InvariantCulture, $"<Activity Sport=\"{sport}\"><Id>{activity.StartUtc.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Id>");
        var s = activity.Streams;
        var half = s.Count / 2;
        foreach (var (from, to) in new[] { (0, half), (half, s.Count) })
        {
            var lapStart = activity.StartUtc.AddSeconds(s.ElapsedSeconds[from]);
            text.Append(CultureInfo.InvariantCulture, $"<Lap StartTime=\"{lapStart.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\"><TotalTimeSeconds>{s.ElapsedSeconds[to - 1] - s.ElapsedSeconds[from]}</TotalTimeSeconds><DistanceMeters>{s.DistanceMeters[to - 1] - s.DistanceMeters[from]}</DistanceMeters><Cadence>85</Cadence><Track>");
            for (var i = from; i < to; i += 3)
            {
                text.Append(CultureInfo.InvariantCulture, $"<Trackpoint><Time>{activity.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Time><Position><LatitudeDegrees>{s.LatitudeDegrees[i]:F6}</LatitudeDegrees><LongitudeDegrees>{s.LongitudeDegrees[i]:F6}</LongitudeDegrees></Position><AltitudeMeters>{s.AltitudeMeters[i]:F1}</AltitudeMeters><DistanceMeters>{s.DistanceMeters[i]:F1}</DistanceMeters><HeartRateBpm><Value>{s.HeartRateBpm[i]:F0}</Value></HeartRateBpm><Cadence>{s.Cadence[i] / 2:F0}</Cadence><Extensions><ns3:TPX><ns3:Speed>{s.SpeedMetersPerSecond[i]:F2}</ns3:Speed><ns3:Watts>{s.PowerWatts[i]:F0}</ns3:Watts></ns3:TPX></Extensions></Trackpoint>");
            }

            text.Append("</Track><Extensions><ns3:LX><ns3:AvgSpeed>3.0</ns3:AvgSpeed></ns3:LX></Extensions></Lap>");
        }

        text.Append("<Creator><Name>Forerunner</Name></Creator></Activity></Activities></TrainingCenterDatabase>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"byte [0-9]+: byte [0-9]+:", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RepeatedOffset();
}
