using System.IO.Compression;
using System.Text;

namespace CalfCoach.Import.Tests.TestData;

/// <summary>Builds activity-like files, gzip members and zip archives in memory, at test time.</summary>
internal static class Archives
{
    /// <summary>A zip with the given entries, in the given order, deflated.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, level);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// Bytes shaped like a FIT file (a 14-byte header with ".FIT" at offset 8, FIT SDK protocol §3.3.1)
    /// with a payload that depends on <paramref name="seed"/>. The scanner never decodes them.
    /// </summary>
    public static byte[] Fit(int seed, int payloadBytes = 64)
    {
        var bytes = new byte[14 + payloadBytes];
        bytes[0] = 14;
        bytes[1] = 0x20;
        BitConverter.TryWriteBytes(bytes.AsSpan(4), payloadBytes);
        ".FIT"u8.CopyTo(bytes.AsSpan(8));
        new Random(seed).NextBytes(bytes.AsSpan(14));
        return bytes;
    }

    public static byte[] Gpx(string name) => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test"><trk><name>{name}</name></trk></gpx>""");

    public static byte[] Tcx(string id) => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>{id}</Id></Activity></Activities></TrainingCenterDatabase>""");

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
