namespace CalfCoach.Storage;

/// <summary>What became of an imported file, recorded against its content hash in <c>import_files</c>.</summary>
public enum ImportOutcome
{
    /// <summary>The file's activity is stored (see <see cref="ImportFileRecord.ActivityId"/>).</summary>
    Imported,

    /// <summary>The same activity is stored from a richer file (see <see cref="ImportFileRecord.ActivityId"/>).</summary>
    Duplicate,

    /// <summary>The file holds an activity that is not running; nothing was stored.</summary>
    NotRunning,

    /// <summary>The file could not be read; it will be tried again on the next import.</summary>
    Failed,
}

public static class ImportOutcomeExtensions
{
    /// <summary>Stable lower-case names for the database, JSON and the CLI.</summary>
    public static string WireName(this ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "imported",
        ImportOutcome.Duplicate => "duplicate",
        ImportOutcome.NotRunning => "not-running",
        ImportOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static ImportOutcome ParseImportOutcome(string wireName) =>
        Enum.GetValues<ImportOutcome>().FirstOrDefault(o => o.WireName() == wireName, ImportOutcome.Failed);

    /// <summary>
    /// True when re-importing the same bytes can be skipped. A failure is not final: it may come from a bug
    /// in a reader that a later CalfCoach fixes, so a failed file is read again on every import until it
    /// succeeds. (An unknown outcome read from the database parses as <see cref="ImportOutcome.Failed"/>, so
    /// it too is retried rather than silently skipped.)
    /// </summary>
    public static bool IsFinal(this ImportOutcome outcome) => outcome != ImportOutcome.Failed;
}

/// <summary>The last outcome recorded for a file's content.</summary>
/// <param name="ActivityId">The stored activity this file became or duplicates; null for not-running and failed files.</param>
/// <param name="Detail">Why: the failure message, or which copy a duplicate lost to.</param>
public sealed record ImportFileRecord(
    string ContentSha256,
    string Path,
    ImportOutcome Outcome,
    string? Detail,
    long? ActivityId,
    DateTimeOffset RecordedUtc);
