using System.Globalization;
using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Tests.Fit;
using CalfCoach.Formats.Xml;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CalfCoach.Formats.Tests.Fuzz;

/// <summary>
/// Damaged inputs, three ways (truncated, bytes flipped, chunks shuffled), over real device files and
/// generated ones: a decoder may only keep what it can and report, or throw its own documented
/// exception; it never throws anything else, never hangs, and allocates in proportion to its input.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Mutations = 48;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static TheoryData<string> RealFiles()
    {
        var data = new TheoryData<string>();
        if (RealData.Folder is { } folder)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = path.ToUpperInvariant();
                if (name.EndsWith(".FIT", StringComparison.Ordinal) || name.EndsWith(".FIT.GZ", StringComparison.Ordinal)
                    || name.EndsWith(".GPX", StringComparison.Ordinal) || name.EndsWith(".TCX", StringComparison.Ordinal)
                    || name.EndsWith(".GPX.GZ", StringComparison.Ordinal) || name.EndsWith(".TCX.GZ", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(folder, path));
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add(RealData.MissingSentinel);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Damaged_real_files_give_only_the_documented_error(string relativePath)
    {
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);
        var bytes = TestPaths.ReadCorpusFile(relativePath);
        var format = relativePath.ToUpperInvariant().Contains(".FIT", StringComparison.Ordinal) ? "fit"
            : relativePath.ToUpperInvariant().Contains(".GPX", StringComparison.Ordinal) ? "gpx" : "tcx";

        FuzzAll(format, bytes, seed: relativePath.Length);
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("gpx")]
    [InlineData("tcx")]
    public void Damaged_generated_files_give_only_the_documented_error(string format)
    {
        var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero), 3, 330, 166, Intervals: 3), seed: 11);
        var bytes = format switch
        {
            "fit" => FitActivityWriter.Write(run),
            "gpx" => Gpx(run),
            _ => Tcx(run),
        };

        FuzzAll(format, bytes, seed: 5);
    }

    private static void FuzzAll(string format, byte[] original, int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Mutations; i++)
        {
            DecodeDamaged(format, Truncate(original, random), "truncated");
            DecodeDamaged(format, Flip(original, random), "flipped");
            DecodeDamaged(format, Shuffle(original, random), "shuffled");
            Assert.True(clock.Elapsed < HangGuard, $"decoding damaged {format} files took over {HangGuard.TotalSeconds} s: a loop that does not advance?");
        }
    }

    private static void DecodeDamaged(string format, byte[] bytes, string how)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Record.Exception(() =>
        {
            IReadOnlyList<Activity> activities = format == "fit"
                ? FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(bytes), Source(format))
                : Xml(format, bytes);
            foreach (var activity in activities)
            {
                // A sample needs at least a byte of input: output can never outgrow the file.
                Assert.InRange(activity.Streams.Count, 0, bytes.Length);
            }
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        if (ex is not null)
        {
            var documented = format == "fit" ? ex is FitFormatException : ex is XmlActivityFormatException;
            Assert.True(documented, $"{how} {format}: {ex.GetType().Name}: {ex.Message}");
        }

        // Columns of at most one sample per input byte, plus fixed overhead: never unbounded.
        Assert.InRange(allocated, 0, (200L * bytes.Length) + (64L << 20));
    }

    private static IReadOnlyList<Activity> Xml(string format, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return format == "gpx" ? GpxReader.Read(stream, Source(format)) : TcxReader.Read(stream, Source(format));
    }

    private static ActivitySource Source(string format) => new(format, "fuzz." + format, "fuzz");

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(bytes.Length)];

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static byte[] Shuffle(byte[] bytes, Random random)
    {
        const int Chunks = 8;
        var size = Math.Max(1, bytes.Length / Chunks);
        var chunks = bytes.Chunk(size).ToArray();
        random.Shuffle(chunks);
        return [.. chunks.SelectMany(c => c)];
    }

    private static byte[] Gpx(Activity run)
    {
        var text = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
        var s = run.Streams;
        for (var i = 0; i < s.Count; i += 3)
        {
            text.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{s.LatitudeDegrees[i]:F6}\" lon=\"{s.LongitudeDegrees[i]:F6}\"><ele>{s.AltitudeMeters[i]:F1}</ele><time>{run.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</trkseg></trk></gpx>").ToString());
    }

    private static byte[] Tcx(Activity run)
    {
        var text = new StringBuilder("<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\">");
        text.Append(CultureInfo.InvariantCulture, $"<Id>{run.StartUtc.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Id><Lap StartTime=\"{run.StartUtc.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\"><TotalTimeSeconds>{run.ElapsedSeconds}</TotalTimeSeconds><DistanceMeters>{run.DistanceMeters}</DistanceMeters><Track>");
        var s = run.Streams;
        for (var i = 0; i < s.Count; i += 3)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Trackpoint><Time>{run.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Time><Position><LatitudeDegrees>{s.LatitudeDegrees[i]:F6}</LatitudeDegrees><LongitudeDegrees>{s.LongitudeDegrees[i]:F6}</LongitudeDegrees></Position><DistanceMeters>{s.DistanceMeters[i]:F1}</DistanceMeters><HeartRateBpm><Value>{s.HeartRateBpm[i]:F0}</Value></HeartRateBpm><Cadence>{s.Cadence[i] / 2:F0}</Cadence></Trackpoint>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").ToString());
    }
}
