namespace CalfCoach.Import.Sources;

/// <summary>
/// An item could not be read as it was found: it is not what its name says (a ".gz" that is not gzip),
/// its compressed data is damaged, or it broke an <see cref="ImportLimits"/> limit. The consumer reports
/// the item as failed, with <see cref="Exception.Message"/>, and goes on with the next one.
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/> because <see cref="InvalidDataException"/>, the natural parent, is sealed;
/// a consumer that catches <see cref="IOException"/> for unreadable files catches these too.
/// </remarks>
public class ImportSourceException : IOException
{
    public ImportSourceException(string displayPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DisplayPath = displayPath;
    }

    /// <summary>The item or archive, as in <see cref="ImportScanEvent.DisplayPath"/>.</summary>
    public string DisplayPath { get; }
}

/// <summary>Reading went past one of the <see cref="ImportLimits"/>: the file is hostile or not an activity file.</summary>
public sealed class ImportLimitExceededException : ImportSourceException
{
    internal ImportLimitExceededException(string displayPath, ImportLimit limit, long limitValue, string message)
        : base(displayPath, message)
    {
        Limit = limit;
        LimitValue = limitValue;
    }

    public ImportLimit Limit { get; }

    /// <summary>The limit's value (bytes, entries, levels or the ratio, as <see cref="Limit"/> says).</summary>
    public long LimitValue { get; }

    internal static ImportLimitExceededException EntryBytes(string path, long limit) => new(
        path,
        ImportLimit.EntryBytes,
        limit,
        $"'{path}' grows past {Size(limit)} when decompressed, more than any activity file; it was skipped as a likely zip bomb. If it is a genuine recording, import it with a higher per-file limit (MaxEntryBytes).");

    internal static ImportLimitExceededException CompressionRatio(string path, long ratio) => new(
        path,
        ImportLimit.CompressionRatio,
        ratio,
        $"'{path}' decompresses to more than {ratio} times its stored size, which activity files never do; it was skipped as a likely zip bomb.");

    internal static ImportLimitExceededException ArchiveCompressionRatio(string archivePath, string path, long ratio) => new(
        path,
        ImportLimit.CompressionRatio,
        ratio,
        $"'{archivePath}' has decompressed to more than {ratio} times the stored size of its entries, which activity files never do; '{path}' and the rest of the archive were skipped as a likely zip bomb.");

    internal static ImportLimitExceededException ArchiveBytes(string archivePath, string path, long limit) => new(
        path,
        ImportLimit.ArchiveBytes,
        limit,
        $"'{archivePath}' has decompressed more than {Size(limit)} in total, so '{path}' and the rest of the archive were not read. Extract the archive and import its folders one at a time.");

    internal static ImportLimitExceededException NestedArchiveBytes(string path, long limit) => new(
        path,
        ImportLimit.NestedArchiveBytes,
        limit,
        $"'{path}' is a zip inside a zip larger than {Size(limit)}, too big to open in memory; it was skipped. Extract it and import it directly.");

    internal static ImportLimitExceededException EntriesPerArchive(string path, int count, long limit) => new(
        path,
        ImportLimit.EntriesPerArchive,
        limit,
        $"'{path}' lists {count} entries, more than the {limit} allowed; it was not opened. Extract it and import the folder instead.");

    internal static ImportLimitExceededException NestingDepth(string path, long limit) => new(
        path,
        ImportLimit.NestingDepth,
        limit,
        $"'{path}' is an archive nested more than {limit} deep; it was not opened. Extract it and import it directly.");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes} bytes";
}

/// <summary>Which of the <see cref="ImportLimits"/> was reached.</summary>
public enum ImportLimit
{
    EntriesPerArchive,
    EntryBytes,
    ArchiveBytes,
    CompressionRatio,
    NestingDepth,
    NestedArchiveBytes,
}
