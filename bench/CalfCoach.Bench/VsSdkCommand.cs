using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Bench;

/// <summary>
/// The CalfCoach half of <c>bench/fit-vs-sdk.sh</c>:
/// <c>generate-varied DIR PER_KIND</c> writes the generated files (<see cref="VariedFitFiles"/>), and
/// <c>vs-sdk [--seconds S] CORPUS_DIR GENERATED_DIR SDK_RESULT_JSON</c> decodes the same files the SDK script
/// decoded, checks both decoders' record counts and heart-rate figures against ORACLE.jsonl and expected.jsonl, and
/// only then prints both throughputs and their ratio.
/// </summary>
/// <remarks>
/// The file list is ORACLE.jsonl's files in its order, then expected.jsonl's, exactly as the SDK script builds it;
/// every file is read (and .gz decompressed) into memory before any timing. The timed path is the importer's:
/// <c>FitActivityDecoder.Decode</c> (CRC checked, every record column) then <c>FitActivityConverter.ToActivities</c>,
/// with a file that is not an activity caught as the importer catches it.
/// </remarks>
internal static class VsSdkCommand
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    private static readonly CalfCoach.Core.Activities.ActivitySource Source = new("fit", "bench.fit", "0");

    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("generate-varied" or "vs-sdk"))
        {
            return null;
        }

        try
        {
            return args[0] == "vs-sdk" ? Compare(args.AsSpan(1)) : Generate(args.AsSpan(1));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or JsonException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: generate-varied DIR PER_KIND  |  vs-sdk [--seconds S] CORPUS_DIR GENERATED_DIR SDK_RESULT_JSON");
            return 2;
        }
    }

    private static int Generate(ReadOnlySpan<string> args)
    {
        if (args.Length != 2)
        {
            throw new ArgumentException("generate-varied needs DIR and PER_KIND");
        }

        var (files, bytes) = VariedFitFiles.Write(args[0], int.Parse(args[1], CultureInfo.InvariantCulture));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {files} files, {bytes} bytes, to {args[0]}"));
        return 0;
    }

    private sealed record BenchFile(string Name, bool Generated, byte[] Bytes, JsonElement Expected);

    private static int Compare(ReadOnlySpan<string> args)
    {
        var seconds = 5.0;
        if (args.Length >= 2 && args[0] == "--seconds")
        {
            seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
            args = args[2..];
        }

        if (args.Length != 3)
        {
            throw new ArgumentException("vs-sdk needs CORPUS_DIR GENERATED_DIR SDK_RESULT_JSON");
        }

        var files = Load(args[0], args[1]);
        using var sdkDocument = JsonDocument.Parse(File.ReadAllText(args[2]));
        var sdk = sdkDocument.RootElement;
        var sdkFiles = sdk.GetProperty("files").EnumerateArray().ToArray();
        if (sdkFiles.Length != files.Count)
        {
            throw new ArgumentException($"the SDK decoded {sdkFiles.Length} files, this run has {files.Count}: not the same set");
        }

        var ticks = new long[files.Count];
        var warming = Stopwatch.StartNew();
        var warmupPasses = 0;
        while (warmupPasses == 0 || warming.Elapsed < Warmup)
        {
            Pass(files, ticks);
            warmupPasses++;
        }

        Array.Clear(ticks);
        var passes = 0;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var timed = Stopwatch.StartNew();
        while (passes == 0 || timed.Elapsed.TotalSeconds < seconds)
        {
            Pass(files, ticks);
            passes++;
        }

        timed.Stop();

        // CPU time of the whole process (GC threads included), beside the wall time: less disturbed by other work.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;

        var results = Results(files);
        var failures = Check(files, results, sdkFiles);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("MISMATCH " + failure);
        }

        if (failures.Count > 0)
        {
            Console.Error.WriteLine($"{failures.Count} mismatch(es) with ORACLE.jsonl / expected.jsonl: no figures printed");
            return 1;
        }

        long totalBytes = files.Sum(f => (long)f.Bytes.Length);
        var ours = totalBytes * (double)passes / 1e6 / timed.Elapsed.TotalSeconds;
        var sdkMegabytes = sdk.GetProperty("bytes").GetInt64() * (double)sdk.GetProperty("passes").GetInt32() / 1e6 / sdk.GetProperty("seconds").GetDouble();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checked: {files.Count} files ({files.Count(f => !f.Generated)} corpus, {files.Count(f => f.Generated)} generated), " +
            $"{results.Sum(r => (long)r.Records)} records; record counts and heart rate agree with ORACLE.jsonl and expected.jsonl"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sdk       @garmin/fitsdk {sdk.GetProperty("sdkVersion").GetString()} (node {sdk.GetProperty("node").GetString()}): " +
            $"{sdkMegabytes:F2} MB/s ({sdk.GetProperty("passes").GetInt32()} passes in {sdk.GetProperty("seconds").GetDouble():F2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calfcoach decode + convert (.NET {Environment.Version}): {ours:F1} MB/s ({passes} passes in {timed.Elapsed.TotalSeconds:F2} s, " +
            $"{warmupPasses} warm-up)"));

        // Per group: bytes over the summed per-file times of each side, so subsets can be compared.
        var sdkNanos = sdkFiles.Select(f => f.GetProperty("nanos").GetDouble()).ToArray();
        var sdkPasses = sdk.GetProperty("passes").GetInt32();
        foreach (var group in files.Select((f, i) => (Group: GroupOf(f), Index: i)).GroupBy(x => x.Group))
        {
            var bytes = group.Sum(x => (double)files[x.Index].Bytes.Length);
            var ourSeconds = group.Sum(x => ticks[x.Index]) / (double)Stopwatch.Frequency;
            var sdkSeconds = group.Sum(x => sdkNanos[x.Index]) / 1e9;
            var ourRate = bytes * passes / 1e6 / ourSeconds;
            var sdkRate = bytes * sdkPasses / 1e6 / sdkSeconds;
            var sdkStopped = group.Count(x => !sdkFiles[x.Index].GetProperty("ok").GetBoolean());
            var note = sdkStopped > 0 ? string.Create(CultureInfo.InvariantCulture, $"  (the sdk stopped early on {sdkStopped} of them)") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-14} {group.Count(),3} files {bytes / 1e6,7:F2} MB  sdk {sdkRate,7:F2} MB/s  calfcoach {ourRate,8:F1} MB/s  ratio {ourRate / sdkRate,6:F1}x{note}"));
        }

        var sdkCpu = sdk.GetProperty("bytes").GetInt64() * (double)sdk.GetProperty("passes").GetInt32() / 1e6 / sdk.GetProperty("cpuSeconds").GetDouble();
        var oursCpu = totalBytes * (double)passes / 1e6 / cpuSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"by CPU time: sdk {sdkCpu:F2} MB/s, calfcoach {oursCpu:F1} MB/s, ratio {oursCpu / sdkCpu:F1}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {ours / sdkMegabytes:F1}x"));
        return 0;
    }

    private static string GroupOf(BenchFile file) => file.Generated ? file.Name[..file.Name.LastIndexOf('-')] : "corpus";

    private struct FileResult
    {
        public int Records;
        public int WithHeartRate;
        public long HeartRateSum;
        public bool Failed;
    }

    /// <summary>One timed pass: the importer's decode of every file, each timed on its own.</summary>
    private static void Pass(List<BenchFile> files, long[] ticks)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // What ActivityFileDecoder does for a .fit file.
                FitActivityConverter.ToActivities(files[i].Bytes, Source);
            }
            catch (FitFormatException)
            {
                // Not FIT at all, or nothing places the activity in time: the importer reports the file as failed.
            }

            ticks[i] += Stopwatch.GetTimestamp() - started;
        }
    }

    /// <summary>What each file decodes to (untimed): records, records with heart rate, their sum.</summary>
    private static FileResult[] Results(List<BenchFile> files)
    {
        var results = new FileResult[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            FitActivity fit;
            try
            {
                fit = new FitActivityDecoder().Decode(files[i].Bytes);
                FitActivityConverter.ToActivities(fit, Source);
            }
            catch (FitFormatException)
            {
                results[i].Failed = true;
                continue;
            }

            var records = fit.Records;
            results[i].Records = records.Count;
            foreach (var heartRate in records.HeartRateBpm.Span)
            {
                if (!double.IsNaN(heartRate))
                {
                    results[i].WithHeartRate++;
                    results[i].HeartRateSum += (long)heartRate;
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Both decoders against the truth. Corpus: record counts and records with heart rate equal ORACLE.jsonl (made
    /// by the same SDK version), and the two decoders' heart-rate sums are equal, except where the corpus README
    /// says the SDK is wrong. Generated files: both equal what the generator wrote, except that the SDK stops at the
    /// first compressed-timestamp header.
    /// </summary>
    private static List<string> Check(List<BenchFile> files, FileResult[] results, JsonElement[] sdkFiles)
    {
        var failures = new List<string>();
        void Expect(string file, string what, long expected, long actual)
        {
            if (expected != actual)
            {
                failures.Add($"{file}: {what} expected {expected}, got {actual}");
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var ours = results[i];
            var sdk = sdkFiles[i];
            if (sdk.GetProperty("file").GetString() != file.Name)
            {
                failures.Add($"file {i}: the SDK decoded {sdk.GetProperty("file").GetString()}, this run {file.Name}");
                continue;
            }

            var sdkRecords = sdk.GetProperty("records").GetInt32();
            var sdkWithHeartRate = sdk.GetProperty("recordsWithHeartRate").GetInt32();
            var sdkHeartRateSum = sdk.GetProperty("heartRateSum").GetInt64();
            var expected = file.Expected;
            if (file.Generated)
            {
                var records = expected.GetProperty("records").GetInt32();
                Expect(file.Name, "calfcoach records", records, ours.Records);
                Expect(file.Name, "calfcoach records with heart rate", expected.GetProperty("recordsWithHeartRate").GetInt32(), ours.WithHeartRate);
                Expect(file.Name, "calfcoach heart-rate sum", expected.GetProperty("heartRateSum").GetInt64(), ours.HeartRateSum);
                if (expected.GetProperty("compressedTimestamps").GetBoolean())
                {
                    // @garmin/fitsdk 21.217 stops at the first compressed-timestamp header, after the one full record.
                    Expect(file.Name, "sdk ok (stops at compressed timestamps)", 0, sdk.GetProperty("ok").GetBoolean() ? 1 : 0);
                    Expect(file.Name, "sdk records before the first compressed header", 1, sdkRecords);
                }
                else
                {
                    Expect(file.Name, "sdk records", records, sdkRecords);
                    Expect(file.Name, "sdk records with heart rate", expected.GetProperty("recordsWithHeartRate").GetInt32(), sdkWithHeartRate);
                    Expect(file.Name, "sdk heart-rate sum", expected.GetProperty("heartRateSum").GetInt64(), sdkHeartRateSum);
                }

                continue;
            }

            // The SDK side must reproduce the oracle it made (same version): the bench decodes what the oracle did.
            Expect(file.Name, "sdk records", expected.GetProperty("records").GetInt32(), sdkRecords);
            Expect(file.Name, "sdk records with heart rate", expected.GetProperty("recordsWithHeartRate").GetInt32(), sdkWithHeartRate);

            // The corpus README: the SDK cannot read these two; CalfCoach reads them whole (checked by the oracle tests).
            if (file.Name is "dtcooper_python-fitparse/compressed-speed-distance.fit" or "muktihari_fit/triathlon_summary_last.fit")
            {
                continue;
            }

            if (!ours.Failed)
            {
                Expect(file.Name, "calfcoach records", expected.GetProperty("records").GetInt32(), ours.Records);
            }
            else if (expected.GetProperty("records").GetInt32() > 0)
            {
                failures.Add($"{file.Name}: calfcoach failed a file with {expected.GetProperty("records").GetInt32()} records");
            }

            // Garmin's SDK merges hr messages into records; until CalfCoach does too, such files have at most the
            // SDK's heart-rate figures.
            var hasHrMessages = expected.GetProperty("messageCounts").TryGetProperty("hr", out _);
            if (hasHrMessages)
            {
                if (ours.WithHeartRate > sdkWithHeartRate || ours.HeartRateSum > sdkHeartRateSum)
                {
                    failures.Add($"{file.Name}: calfcoach has more heart rate than the SDK with hr merging");
                }
            }
            else
            {
                Expect(file.Name, "calfcoach records with heart rate", expected.GetProperty("recordsWithHeartRate").GetInt32(), ours.WithHeartRate);
                Expect(file.Name, "calfcoach heart-rate sum (vs the SDK's)", sdkHeartRateSum, ours.HeartRateSum);
            }
        }

        return failures;
    }

    private static List<BenchFile> Load(string corpus, string generated)
    {
        var files = new List<BenchFile>();
        foreach (var line in File.ReadLines(Path.Combine(corpus, "ORACLE.jsonl")))
        {
            if (line.Length > 0)
            {
                var expected = JsonDocument.Parse(line).RootElement;
                var name = expected.GetProperty("file").GetString()!;
                files.Add(new BenchFile(name, false, Read(Path.Combine(corpus, name)), expected));
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(generated, "expected.jsonl")))
        {
            if (line.Length > 0)
            {
                var expected = JsonDocument.Parse(line).RootElement;
                var name = expected.GetProperty("file").GetString()!;
                files.Add(new BenchFile(name, true, File.ReadAllBytes(Path.Combine(generated, name)), expected));
            }
        }

        return files;
    }

    private static byte[] Read(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
