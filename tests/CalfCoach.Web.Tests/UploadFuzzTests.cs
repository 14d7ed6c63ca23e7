using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CalfCoach.Web.Tests;

/// <summary>Tests that measure the process's allocations: run alone, so no other test's allocations are counted.</summary>
[CollectionDefinition(nameof(AllocationMeasured), DisableParallelization = true)]
public sealed class AllocationMeasured;

/// <summary>
/// An in-process mutation fuzz of <c>POST /api/imports</c> (multipart), for a bounded time: every mutated upload must be
/// answered with less than a 5xx, within 2 s, and without the process allocating more than 64 MB for it. The seed corpus
/// is generated FIT, GPX, TCX, gzip and zip files plus the crash classes of issue 12 (a nested zip whose header lies about
/// its size, an archive of unclosed XML, a BOM followed by an invalid byte, colliding, traversing and 300-character names,
/// a body cut short). The mutations reach both the files and the multipart framing.
/// </summary>
/// <remarks>
/// Runs about 5 s by default and 60 s when <c>CI=true</c> (<c>.ci/run</c>); <c>CALFCOACH_FUZZ_SECONDS</c> overrides both.
/// The seed is printed (and appended to <c>artifacts/fuzz/upload-fuzz.txt</c>), and <c>CALFCOACH_FUZZ_SEED=N</c> replays a
/// run: a failure names its seed, iteration and mutation.
/// </remarks>
[Collection(nameof(AllocationMeasured))]
public sealed class UploadFuzzTests(FuzzApp app) : IClassFixture<FuzzApp>
{
    private const string Boundary = "fuzz-boundary-7d1c";
    private static readonly TimeSpan MaxAnswerTime = TimeSpan.FromSeconds(2);
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mutated_uploads_never_get_a_5xx_a_slow_answer_or_a_large_allocation()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CALFCOACH_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("CALFCOACH_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 60 : 5;
        var banner = $"upload fuzz: seed {seed} for {seconds} s (replay with CALFCOACH_FUZZ_SEED={seed})";
        Console.Error.WriteLine(banner);

        // Also kept in a file: a passing test's output is not always shown, and a seed is worth having after a run.
        var log = Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts", "fuzz")).FullName, "upload-fuzz.txt");
        await File.AppendAllTextAsync(log, $"{DateTimeOffset.UtcNow:O} {banner}{Environment.NewLine}", Cancel);
        TestContext.Current.SendDiagnosticMessage(banner);
        TestContext.Current.TestOutputHelper?.WriteLine(banner);

        var corpus = SeedCorpus();

        // Warm-up, unmeasured: the first import of each kind compiles its code paths (tens of MB of JIT work, once).
        foreach (var files in corpus)
        {
            using var response = await PostAsync(Multipart(files));
        }

        var random = new Random(seed);
        var deadline = Stopwatch.StartNew();
        var iterations = 0;
        while (deadline.Elapsed.TotalSeconds < seconds)
        {
            iterations++;
            var files = corpus[random.Next(corpus.Count)];
            var body = Mutate(random, files, out var what);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var timer = Stopwatch.StartNew();
            using var response = await PostAsync(body);
            var answer = await response.Content.ReadAsByteArrayAsync(Cancel);
            timer.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            var where = $"seed {seed}, iteration {iterations} ({what})";
            // A 503 is the one 5xx allowed: the import memory is in use, and it must say when to come back (Retry-After).
            var busy = response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null;
            Assert.True((int)response.StatusCode < 500 || busy, $"{where}: {(int)response.StatusCode} {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 500)))}");
            Assert.True(timer.Elapsed < MaxAnswerTime, $"{where}: answered in {timer.Elapsed.TotalSeconds:0.00} s");
            Assert.True(allocated < MaxAllocatedBytes, $"{where}: allocated {allocated / (1024.0 * 1024):0} MB");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"upload fuzz: {iterations} uploads, none failed");
        await File.AppendAllTextAsync(log, $"{DateTimeOffset.UtcNow:O} upload fuzz: seed {seed}: {iterations} uploads, none failed{Environment.NewLine}", Cancel);
        Assert.True(iterations > 0);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return await app.Client.PostAsync("/api/imports", content, Cancel);
    }

    /// <summary>One upload: the files in a request.</summary>
    private static List<(string Name, byte[] Content)[]> SeedCorpus()
    {
        var fit = Fixtures.GeneratedFit();
        var gpx = Gpx(300);
        var tcx = Tcx(300);
        var unclosed = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><gpx><trk><trkseg>" + string.Concat(Enumerable.Repeat("<trkpt lat=\"1\" lon=\"1\"><ele>", 200)));
        return
        [
            [("run.fit", fit)],
            [("run.gpx", gpx)],
            [("run.tcx", tcx)],
            [("run.fit.gz", Fixtures.Gzip(fit)), ("run.gpx.gz", Fixtures.Gzip(gpx))],
            [("history.zip", Fixtures.Zip(("a/run.fit", fit), ("b/run.gpx", gpx), ("c/run.tcx", tcx)))],
            [("export.zip", Fixtures.StravaExport())],

            // The crash classes of issue 12.
            [("lying.zip", LyingNestedZip(fit))],
            [("errors.zip", Fixtures.Zip([.. Enumerable.Range(0, 50).Select(i => ($"bad{i}.gpx", unclosed))]))],
            [("bom.gpx", [0xEF, 0xBB, 0xBF, 0xC3, .. gpx[3..]]), ("good.fit", fit)],
            [("a.fit", fit), ("a.fit", gpx), ("a.fit/b.fit", tcx), ("../../etc/passwd.fit", fit)],
            [(new string('é', 300) + ".fit", fit), (new string('x', 300) + "/" + new string('y', 300) + ".gpx", gpx)],
        ];
    }

    private static byte[] Multipart((string Name, byte[] Content)[] files)
    {
        using var body = new MemoryStream();
        foreach (var (name, content) in files)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
        return body.ToArray();
    }

    /// <summary>One mutation of the files or of the framing around them; <paramref name="what"/> says which, for a failure.</summary>
    private static byte[] Mutate(Random random, (string Name, byte[] Content)[] files, out string what)
    {
        var names = string.Join(", ", files.Select(f => Short(f.Name)));
        var choice = random.Next(10);
        if (choice < 6)
        {
            // Mutate one file's bytes, then frame the upload as a browser would.
            var index = random.Next(files.Length);
            var mutated = files.ToArray();
            mutated[index] = (files[index].Name, MutateBytes(random, files[index].Content, out var how));
            what = $"{how} in {Short(files[index].Name)} of [{names}]";
            return Multipart(mutated);
        }

        var framed = Multipart(files);
        switch (choice)
        {
            case 6:
                var cut = random.Next(framed.Length);
                what = $"body cut at byte {cut} of [{names}]";
                return framed[..cut];
            case 7:
                var renamed = files.Select(f => (RandomName(random), f.Content)).ToArray();
                what = $"files renamed {string.Join(", ", renamed.Select(f => f.Item1.Length))} characters long";
                return Multipart(renamed);
            default:
                var framing = MutateBytes(random, framed[..Math.Min(framed.Length, 200)], out var framingHow);
                what = $"{framingHow} in the first part's headers of [{names}]";
                return [.. framing, .. framed[Math.Min(framed.Length, 200)..]];
        }
    }

    private static string Short(string name) => name.Length > 40 ? name[..40] + "…" : name;

    private static byte[] MutateBytes(Random random, byte[] input, out string how)
    {
        var bytes = input.ToArray();
        switch (random.Next(6))
        {
            case 0:
                var flips = random.Next(1, 17);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                how = $"{flips} bit flips";
                return bytes;
            case 1:
                var length = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
                how = $"truncated to {length} bytes";
                return bytes[..length];
            case 2:
                var at = random.Next(bytes.Length + 1);
                var junk = new byte[random.Next(1, 256)];
                random.NextBytes(junk);
                how = $"{junk.Length} random bytes inserted at {at}";
                return [.. bytes[..at], .. junk, .. bytes[at..]];
            case 3:
                var from = random.Next(bytes.Length + 1);
                var count = Math.Min(random.Next(1, 4096), bytes.Length - from);
                how = $"{count} bytes from {from} repeated";
                return [.. bytes[..(from + count)], .. bytes[from..(from + count)], .. bytes[(from + count)..]];
            case 4:
                var extremes = random.Next(1, 9);
                for (var i = 0; i < extremes && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                }

                how = $"{extremes} bytes set to 0x00 or 0xFF";
                return bytes;
            default:
                var size = bytes.Length - 4 > 0 ? random.Next(bytes.Length - 4) : 0;
                if (bytes.Length >= 4)
                {
                    // A length field that lies: a 32-bit value near the largest, anywhere.
                    BitConverter.TryWriteBytes(bytes.AsSpan(size, 4), int.MaxValue - random.Next(1000));
                }

                how = $"a huge 32-bit value written at {size}";
                return bytes;
        }
    }

    private static string RandomName(Random random)
    {
        string[] pieces = ["..", "/", "\\", "~", ".fit", ".gpx", ".zip", ".gz", "é", "\"", ";", "%00", " ", "a", "CON", "*"];
        var name = new StringBuilder();
        var count = random.Next(1, random.Next(2) == 0 ? 8 : 200);
        for (var i = 0; i < count; i++)
        {
            name.Append(pieces[random.Next(pieces.Length)]);
        }

        return name.ToString();
    }

    /// <summary>A zip holding a zip whose local header claims 1,000,000,000 bytes (issue 12, defect 1).</summary>
    private static byte[] LyingNestedZip(byte[] fit)
    {
        var zip = Fixtures.Zip(("inner.zip", Fixtures.Zip(("run.fit", fit))));

        // Local file header (APPNOTE 4.3.7): signature 50 4B 03 04, uncompressed size at offset 22 (little-endian).
        BitConverter.TryWriteBytes(zip.AsSpan(22, 4), 1_000_000_000);
        return zip;
    }

    private static byte[] Gpx(int points)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"fuzz\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
        var start = new DateTime(2026, 11, 10, 7, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < points; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{52 + (i * 0.00003):0.000000}\" lon=\"{4.9:0.000000}\"><ele>3</ele><time>{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</trkseg></trk></gpx>").ToString());
    }

    private static byte[] Tcx(int points)
    {
        var start = new DateTime(2026, 11, 12, 7, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>{start:yyyy-MM-ddTHH:mm:ssZ}</Id><Lap StartTime=\"{start:yyyy-MM-ddTHH:mm:ssZ}\"><Track>");
        for (var i = 0; i < points; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Trackpoint><Time>{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ}</Time><DistanceMeters>{i * 3.1:0.0}</DistanceMeters><HeartRateBpm><Value>{140 + (i % 20)}</Value></HeartRateBpm><Cadence>{84 + (i % 3)}</Cadence></Trackpoint>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").ToString());
    }
}
