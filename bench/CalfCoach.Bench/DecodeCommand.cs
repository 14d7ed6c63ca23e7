using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Bench;

/// <summary>
/// Command-line throughput modes, outside BenchmarkDotNet so the figure can be compared line by line with other
/// decoders on the same files:
/// <c>decode [--warmup K] REPEAT FILE|DIR...</c> and <c>generate DIR COUNT</c>.
/// </summary>
/// <remarks>
/// decode: K untimed passes (default: as many as fit in about two seconds, at least one), then REPEAT timed passes of
/// <see cref="FitActivityDecoder.Decode(ReadOnlySpan{byte})"/> over every file on one thread. Files are read (and
/// .gz decompressed) into memory first, untimed. bytes, records, hr_sum and with_pos are per pass.
/// </remarks>
internal static class DecodeCommand
{
    private const string Usage = "usage: decode [--warmup K] REPEAT FILE|DIR...  |  generate DIR COUNT";

    private static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(2);

    /// <summary>Runs a command mode, or returns null when <paramref name="args"/> is not one (BenchmarkDotNet's turn).</summary>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        try
        {
            return args[0] switch
            {
                "decode" => Decode(args.AsSpan(1)),
                "generate" => Generate(args.AsSpan(1)),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or FitFormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Decode(ReadOnlySpan<string> args)
    {
        // Without --warmup, warm up for about two seconds: the JIT only reaches its final code for the hot loops
        // after tiering up, which a few short passes over a small corpus do not give it time to do.
        int? warmup = null;
        if (args.Length >= 2 && args[0] == "--warmup")
        {
            warmup = int.Parse(args[1], CultureInfo.InvariantCulture);
            ArgumentOutOfRangeException.ThrowIfNegative(warmup.Value);
            args = args[2..];
        }

        if (args.Length < 2)
        {
            throw new ArgumentException("decode needs REPEAT and at least one FILE or DIR");
        }

        var repeat = int.Parse(args[0], CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeat);
        var files = Load(args[1..]);
        if (files.Count == 0)
        {
            throw new ArgumentException("no *.fit, *.FIT or *.fit.gz file found");
        }

        long bytes = 0;
        foreach (var file in files)
        {
            bytes += file.Length;
        }

        var decoder = new FitActivityDecoder();
        var pass = default(PassResult);
        var warming = Stopwatch.StartNew();
        for (var i = 0; warmup is { } passes ? i < passes : i == 0 || warming.Elapsed < DefaultWarmup; i++)
        {
            pass = Pass(decoder, files);
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            pass = Pass(decoder, files);
        }

        stopwatch.Stop();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var megabytesPerSecond = bytes * (double)repeat / 1e6 / seconds;
        var recordsPerSecond = pass.Records * (double)repeat / seconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"files={files.Count} bytes={bytes} repeat={repeat} records={pass.Records} seconds={seconds:F3} " +
            $"MB/s={megabytesPerSecond:F1} records/s={recordsPerSecond:F0} hr_sum={pass.HeartRateSum} with_pos={pass.WithPosition}"));
        return 0;
    }

    private static PassResult Pass(FitActivityDecoder decoder, List<byte[]> files)
    {
        var result = default(PassResult);
        foreach (var file in files)
        {
            var records = decoder.Decode(file).Records;
            result.Records += records.Count;
            foreach (var heartRate in records.HeartRateBpm.Span)
            {
                if (!double.IsNaN(heartRate))
                {
                    result.HeartRateSum += (long)heartRate;
                }
            }

            foreach (var latitude in records.LatitudeDegrees.Span)
            {
                // Latitude is NaN unless both latitude and longitude were valid.
                if (!double.IsNaN(latitude))
                {
                    result.WithPosition++;
                }
            }
        }

        return result;
    }

    /// <summary>Every FIT file named or found under a named directory, in a stable order, decompressed into memory.</summary>
    private static List<byte[]> Load(ReadOnlySpan<string> paths)
    {
        var names = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsFit).ToList();
                found.Sort(StringComparer.Ordinal);
                names.AddRange(found);
            }
            else if (File.Exists(path))
            {
                names.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {path}", path);
            }
        }

        var files = new List<byte[]>(names.Count);
        foreach (var name in names)
        {
            if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var gzip = new GZipStream(File.OpenRead(name), CompressionMode.Decompress);
                using var memory = new MemoryStream();
                gzip.CopyTo(memory);
                files.Add(memory.ToArray());
            }
            else
            {
                files.Add(File.ReadAllBytes(name));
            }
        }

        return files;
    }

    private static bool IsFit(string path) =>
        path.EndsWith(".fit", StringComparison.Ordinal) ||
        path.EndsWith(".FIT", StringComparison.Ordinal) ||
        path.EndsWith(".fit.gz", StringComparison.Ordinal);

    private static int Generate(ReadOnlySpan<string> args)
    {
        if (args.Length != 2)
        {
            throw new ArgumentException("generate needs DIR and COUNT");
        }

        var directory = args[0];
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Directory.CreateDirectory(directory);
        long bytes = 0;
        for (var seed = 1; seed <= count; seed++)
        {
            // Deterministic variety: 5 to 25 km, 4:30 to 6:00 per km, one run a day.
            var distanceKm = 5 + (((seed * 7919) % 2001) / 100.0);
            var pace = 270 + ((seed * 37) % 91);
            var start = new DateTimeOffset(2025, 1, 1, 7, 0, 0, TimeSpan.Zero).AddDays(seed);
            var run = SyntheticRun.Generate(new SyntheticRunSpec(start, distanceKm, pace, 164 + (seed % 12), Intervals: seed % 4), seed);
            var fit = FitActivityWriter.Write(run);
            File.WriteAllBytes(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"generated-{seed:D4}.fit")), fit);
            bytes += fit.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} files, {bytes} bytes, to {directory}"));
        return 0;
    }

    private struct PassResult
    {
        public long Records;
        public long HeartRateSum;
        public long WithPosition;
    }
}
