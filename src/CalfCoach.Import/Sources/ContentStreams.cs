using System.IO.Compression;

namespace CalfCoach.Import.Sources;

/// <summary>Opens an item's content: gunzipped when it is gzip, limited always.</summary>
internal static class ContentStreams
{
    /// <summary>
    /// Opens the raw bytes, looks at the first two for the gzip magic (1F 8B, RFC 1952 §2.3.1) rather
    /// than trusting the name, and wraps the result in a <see cref="LimitedReadStream"/>.
    /// Concatenated gzip members (RFC 1952 §2.2) are read through to the end by <see cref="GZipStream"/>;
    /// a truncated gzip fails at its end (see <see cref="GzipCheckedStream"/>).
    /// </summary>
    /// <exception cref="ImportSourceException">
    /// The name ends in ".gz" but the bytes are not gzip (thrown here), or the gzip is cut short (thrown by the stream at its end).
    /// </exception>
    public static Stream Open(Func<Stream> openRaw, string path, bool gzipName, long? storedLength, ImportLimits limits, ArchiveBudget? budget)
    {
        var raw = openRaw();
        try
        {
            var magic = new byte[2];
            var count = raw.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            var peeked = new PeekedStream(magic.AsMemory(0, count), raw);
            var isGzip = count == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            if (!isGzip && gzipName)
            {
                peeked.Dispose();
                var start = count == 0 ? "it is empty" : $"it starts with {Convert.ToHexString(magic, 0, count)}, not 1F8B";
                throw new ImportSourceException(
                    path,
                    $"'{path}' is named .gz but is not gzip-compressed ({start}). If it is a plain file, remove the .gz from its name; otherwise download it again.");
            }

            Stream content = peeked;
            if (isGzip)
            {
                var tail = new GzipTailStream(peeked);
                content = new GzipCheckedStream(new GZipStream(tail, CompressionMode.Decompress), tail, path);
            }

            return new LimitedReadStream(content, path, storedLength, limits, budget);
        }
        catch (Exception e) when (e is not ImportSourceException)
        {
            raw.Dispose();
            throw;
        }
    }
}
