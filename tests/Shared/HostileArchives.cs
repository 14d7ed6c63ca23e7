using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CalfCoach.Testing;

/// <summary>
/// The hostile inputs of issue 12, generated at test time (nothing hostile is committed): the lying nested zip, the
/// error bomb, a GPX with an invalid byte right after its byte order mark, a large random .fit and large GPX files.
/// Linked into every test project and into the bench tool, so the tests and <c>bench/hostile-import.sh</c> attack with
/// the same bytes.
/// </summary>
internal static class HostileArchives
{
    /// <summary>What the lying headers claim each nested archive decompresses to (1,000,000,000 bytes).</summary>
    public const uint ClaimedBytes = 1_000_000_000;

    /// <summary>
    /// A zip of <paramref name="entries"/> nested zips, each honestly holding one small GPX run, whose local and central
    /// headers both claim <see cref="ClaimedBytes"/> decompressed bytes (ZIP APPNOTE §4.3.7 offset 22, §4.3.12 offset 24).
    /// An importer that sizes its copy of a nested zip from the header asks for 1 GB per entry: 20 entries once took a
    /// 57 KB upload to 6.9 GB of resident memory.
    /// </summary>
    public static byte[] LyingNestedZip(int entries = 20)
    {
        var names = new List<string>(entries);
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"UploadedFiles_0-_Part{i + 1}.zip");
                names.Add(name);
                var nested = Zip(($"run-{i}.gpx", SmallGpx(i)));
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(nested);
            }
        }

        var bytes = memory.ToArray();
        PatchUncompressedSizes(bytes, ClaimedBytes);
        return bytes;
    }

    /// <summary>
    /// A zip of <paramref name="entries"/> GPX files whose first element has a name of <paramref name="nameLength"/>
    /// characters and is never closed. XML readers quote the name in their error, so each entry yields an error as long as
    /// itself: 200 entries of just under 1 MiB (each below the per-entry compression grace) once wrote 200 MB of error
    /// text into the database. Deflated it is a few hundred KB; <paramref name="level"/> NoCompression keeps the
    /// archive's ratio at 1, so only the bound on error text stands between it and the database.
    /// </summary>
    public static byte[] ErrorBomb(int entries = 200, int nameLength = 1_000_000, CompressionLevel level = CompressionLevel.Optimal)
    {
        var content = ErrorBombEntry(nameLength);
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                using var stream = archive.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"bomb/e{i:D3}.gpx"), level).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>One entry of <see cref="ErrorBomb"/>: a GPX whose element name is <paramref name="nameLength"/> letters long and unclosed.</summary>
    public static byte[] ErrorBombEntry(int nameLength)
    {
        var text = new StringBuilder(nameLength + 200);
        text.Append("""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1"><""");
        text.Append('a', nameLength);
        text.Append("></gpx>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A GPX file starting with the UTF-8 byte order mark (EF BB BF) and then 0xFF, which is never valid UTF-8.</summary>
    public static byte[] GpxWithBadByteAfterBom() =>
        [0xEF, 0xBB, 0xBF, 0xFF, .. Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"/>""")];

    /// <summary>Writes <paramref name="bytes"/> of random data (no FIT header) to <paramref name="path"/>, streamed.</summary>
    public static void WriteRandomFile(string path, long bytes, int seed = 12)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var random = new Random(seed);
        var chunk = new byte[1 << 20];
        using var file = File.Create(path);
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
    }

    /// <summary>
    /// Writes a GPX run of at least <paramref name="bytes"/> to <paramref name="path"/>, streamed: one point a second with
    /// position, elevation, heart rate and cadence (about 260 bytes a point, so 400 MB is about 18 days of points).
    /// </summary>
    public static void WriteLargeGpx(string path, long bytes, int seed = 1)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        file.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="calfcoach-bench" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
            <trk><name>Long run</name><type>running</type><trkseg>

            """);
        var start = new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.Zero).AddDays(seed);
        var written = 300L;
        for (var i = 0; written < bytes; i++)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"<trkpt lat=\"{45 + (i % 10_000) * 1e-6:F7}\" lon=\"{7 + (i % 7_000) * 1e-6:F7}\"><ele>{200 + (i % 50)}.0</ele><time>{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{140 + (i % 20)}</gpxtpx:hr><gpxtpx:cad>{85 + (i % 5)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n");
            file.Write(line);
            written += line.Length;
        }

        file.Write("</trkseg></trk></gpx>\n");
    }

    private static byte[] SmallGpx(int seed)
    {
        var start = new DateTimeOffset(2023, 3, 1, 7, 0, 0, TimeSpan.Zero).AddDays(seed);
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>""");
        for (var i = 0; i < 60; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<trkpt lat="{45 + i * 1e-5:F7}" lon="7.0000000"><time>{start.AddSeconds(i * 10):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>""");
        }

        text.Append("</trkseg></trk></gpx>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Overwrites the uncompressed size in every local file header (PK\3\4) and central directory header (PK\1\2).</summary>
    private static void PatchUncompressedSizes(byte[] zip, uint claimed)
    {
        var span = zip.AsSpan();

        // The central directory lists where each local header is; walking it avoids mistaking compressed data for a signature.
        var end = span.LastIndexOf("PK\u0005\u0006"u8);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        for (var i = 0; i < count; i++)
        {
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 42)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(offset + 24)..], claimed);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(local + 22)..], claimed);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 28)..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 30)..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 32)..]);
            offset += 46 + nameLength + extraLength + commentLength;
        }
    }
}
