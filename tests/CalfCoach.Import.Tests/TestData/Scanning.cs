using CalfCoach.Import.Sources;

namespace CalfCoach.Import.Tests.TestData;

/// <summary>What a consumer saw for one scan event: the item's bytes and hash, or why reading it failed.</summary>
internal sealed record Scanned(ImportScanEvent Event, byte[]? Content, string? Sha256, ImportSourceException? Error)
{
    public string Path => Event.DisplayPath;

    public ImportItem Item => (ImportItem)Event;

    public ImportProblem Problem => (ImportProblem)Event;
}

internal static class Scanning
{
    /// <summary>
    /// Scans like the import command does: each item is read in full as soon as it is yielded. Files skipped as not
    /// activity files are left out (see <see cref="Skipped"/>), so the tests of what is read stay about that.
    /// </summary>
    public static List<Scanned> ScanAndRead(IEnumerable<string> paths, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var results = new List<Scanned>();
        foreach (var scanEvent in ImportSourceScanner.Scan(paths, limits))
        {
            if (scanEvent is ImportProblem { Kind: ImportProblemKind.NotActivityFile })
            {
                continue;
            }

            if (scanEvent is not ImportItem item)
            {
                results.Add(new Scanned(scanEvent, null, null, null));
                continue;
            }

            try
            {
                using var content = ContentHasher.ReadAll(item, limits);
                results.Add(new Scanned(scanEvent, content.Span.ToArray(), content.Sha256, null));
            }
            catch (ImportSourceException e)
            {
                results.Add(new Scanned(scanEvent, null, null, e));
            }
        }

        return results;
    }

    public static List<Scanned> ScanAndRead(string path, ImportLimits? limits = null) => ScanAndRead([path], limits);

    /// <summary>The files a scan skips as not activity files, in scan order.</summary>
    public static List<ImportProblem> Skipped(string path) =>
        [.. ImportSourceScanner.Scan([path], ImportLimits.Default).OfType<ImportProblem>().Where(p => p.Kind == ImportProblemKind.NotActivityFile)];

    public static List<Scanned> Items(this List<Scanned> results) => [.. results.Where(result => result.Event is ImportItem)];

    public static List<Scanned> Problems(this List<Scanned> results) => [.. results.Where(result => result.Event is ImportProblem)];
}
