using System.Collections;

namespace CalfCoach.Import.Sources;

/// <summary>
/// The result of <see cref="ImportSourceScanner.Scan"/>: a lazy stream of items and problems, in a
/// deterministic order, and how far the scan has got in bytes so a progress bar can start at once.
/// Enumerate it once, on one thread, and consume each item before moving on (see <see cref="ImportItem.Open"/>).
/// </summary>
public sealed class ImportScan : IEnumerable<ImportScanEvent>
{
    private readonly Func<ImportScan, IEnumerable<ImportScanEvent>> _enumerate;
    private double _bytesScanned;

    internal ImportScan(long totalBytes, Func<ImportScan, IEnumerable<ImportScanEvent>> enumerate)
    {
        TotalBytes = totalBytes;
        _enumerate = enumerate;
    }

    /// <summary>
    /// The on-disk size of everything the scan will read: each activity file, activities.csv and zip
    /// archive given or found in the folders given (files it ignores, like photos, are not counted).
    /// </summary>
    public long TotalBytes { get; }

    /// <summary>
    /// How many of <see cref="TotalBytes"/> the scan has passed, including the item just yielded. Inside
    /// archives it advances by each entry's compressed size, so it is approximate until the archive ends.
    /// </summary>
    public long BytesScanned => (long)_bytesScanned;

    public IEnumerator<ImportScanEvent> GetEnumerator()
    {
        _bytesScanned = 0;
        return _enumerate(this).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Advance(double bytes) => _bytesScanned = Math.Min(_bytesScanned + bytes, TotalBytes);

    internal void MoveTo(long bytes) => _bytesScanned = Math.Min(bytes, TotalBytes);
}
