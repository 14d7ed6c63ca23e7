using System.Text.Json.Serialization;

namespace CalfCoach.Import;

/// <summary>
/// A file that could not be imported, and why (with the byte offset or line where the reader found it), the reason at
/// most <see cref="CalfCoach.Core.ProblemText.MaxChars"/> characters.
/// </summary>
public sealed record ImportFailure(string File, string Error);

/// <summary>
/// An activity stored but left out of the analysis because it cannot be one real recording, with the reason in plain
/// words (<see cref="CalfCoach.Core.Activities.ActivityPlausibility"/>).
/// </summary>
public sealed record ImportNotCounted(string File, string Sport, string Reason);

/// <summary>A file in a folder or archive that is not an activity file (a photo, a note), and why it was skipped.</summary>
public sealed record ImportSkipped(string File, string Reason);

/// <summary>What an import did. Counts are activities, except <see cref="Files"/>.</summary>
/// <param name="Imported">New running activities stored.</param>
/// <param name="Duplicates">Activities already stored: the same file again, or the same run from another file (the richer copy is kept).</param>
/// <param name="NotRunning">New activities of other sports: stored, but not counted as running load.</param>
/// <param name="Partial">Of the stored activities, those read from a damaged file up to the damage.</param>
/// <param name="Failed">
/// The first <see cref="ActivityImporter.MaxFailuresListed"/> files that could not be read at all, and why;
/// <paramref name="FailedCount"/> counts them all.
/// </param>
/// <param name="FailedCount">Files (and archive problems) that could not be read at all, listed or not.</param>
/// <param name="Files">Activity files looked at.</param>
/// <param name="Bytes">Bytes of those files as found on disk or in archives.</param>
public sealed record ImportSummary(
    int Imported,
    int Duplicates,
    int NotRunning,
    int Partial,
    IReadOnlyList<ImportFailure> Failed,
    int FailedCount,
    int Files,
    long Bytes,
    double Seconds)
{
    /// <summary>
    /// New activities stored but not counted (an implausible duration, speed or number of sessions), each with its reason;
    /// they are in none of <see cref="Imported"/> and <see cref="NotRunning"/>.
    /// </summary>
    public IReadOnlyList<ImportNotCounted> NotCounted { get; init; } = [];

    /// <summary>
    /// The first <see cref="ActivityImporter.MaxFailuresListed"/> files found in folders and archives that are not activity
    /// files, with why; <see cref="SkippedCount"/> counts them all. Not failures: nothing was wrong with them.
    /// </summary>
    public IReadOnlyList<ImportSkipped> Skipped { get; init; } = [];

    /// <summary>Files skipped as not activity files, listed in <see cref="Skipped"/> or not.</summary>
    public int SkippedCount { get; init; }

    /// <summary>True when files were offered but not one activity could be stored or recognised as already stored.</summary>
    [JsonIgnore]
    public bool NothingImported => Imported + Duplicates + NotRunning + NotCounted.Count == 0;

    /// <summary>
    /// One summary for several imports (the batches of an upload): counts and seconds summed, lists concatenated in order
    /// and kept to their caps (<see cref="ActivityImporter.MaxFailuresListed"/> failures and skipped files), the full
    /// numbers still in <see cref="FailedCount"/> and <see cref="SkippedCount"/>.
    /// </summary>
    public static ImportSummary Merge(IEnumerable<ImportSummary> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = new ImportSummary(0, 0, 0, 0, [], 0, 0, 0, 0);
        var failed = new List<ImportFailure>();
        var notCounted = new List<ImportNotCounted>();
        var skipped = new List<ImportSkipped>();
        int skippedCount = 0;
        foreach (var part in parts)
        {
            merged = merged with
            {
                Imported = merged.Imported + part.Imported,
                Duplicates = merged.Duplicates + part.Duplicates,
                NotRunning = merged.NotRunning + part.NotRunning,
                Partial = merged.Partial + part.Partial,
                FailedCount = merged.FailedCount + part.FailedCount,
                Files = merged.Files + part.Files,
                Bytes = merged.Bytes + part.Bytes,
                Seconds = merged.Seconds + part.Seconds,
            };
            // A summary read from JSON without a list (an older server) has null there, not an empty list.
            failed.AddRange((part.Failed ?? []).Take(ActivityImporter.MaxFailuresListed - failed.Count));
            notCounted.AddRange(part.NotCounted ?? []);
            skipped.AddRange((part.Skipped ?? []).Take(ActivityImporter.MaxFailuresListed - skipped.Count));
            skippedCount += part.SkippedCount;
        }

        return merged with { Failed = failed, NotCounted = notCounted, Skipped = skipped, SkippedCount = skippedCount };
    }
}

/// <summary>Progress of a running import, for a progress bar.</summary>
public readonly record struct ImportProgress(int FilesDone, long BytesScanned, long TotalBytes, int Imported, int Duplicates, int Failed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImportSummary))]
public sealed partial class ImportJsonContext : JsonSerializerContext;
