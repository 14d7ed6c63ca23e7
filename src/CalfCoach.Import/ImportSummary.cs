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

    /// <summary>What was restored from CalfCoach exports among the files; absent when there were none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImportRestored? Restored { get; init; }

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
        ImportRestored? restored = null;
        foreach (var part in parts)
        {
            restored = ImportRestored.Merge(restored, part.Restored);
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

        return merged with { Failed = failed, NotCounted = notCounted, Skipped = skipped, SkippedCount = skippedCount, Restored = restored };
    }
}

/// <summary>
/// What was restored from CalfCoach exports (<see cref="Export.ExportRestore"/>) besides their activities, which are counted
/// with the rest of the summary. Counts are what was written: a second import of the same export restores nothing.
/// </summary>
/// <param name="Exports">CalfCoach exports among the files.</param>
/// <param name="Originals">Uploaded originals found in them (kept again, and imported as activity files).</param>
/// <param name="Profile">True when the profile was restored (only into an account without one).</param>
/// <param name="ShoesAdded">Shoes added (a shoe of the same name already there is kept as it is).</param>
/// <param name="ShoesAssigned">Activities given back the shoe they were run in.</param>
/// <param name="Journal">True when the journal was restored (only into an account whose journal is empty).</param>
/// <param name="Notes">What was not restored and why, in words.</param>
public sealed record ImportRestored(
    int Exports,
    int Originals,
    bool Profile,
    int ShoesAdded,
    int ShoesAssigned,
    bool Journal,
    int Assessments,
    int PainCheckIns,
    int ExerciseCheckIns,
    int ClinicianVisits,
    int TaskCheckOffs,
    IReadOnlyList<string> Notes)
{
    /// <summary>Both summed (null when neither is there).</summary>
    public static ImportRestored? Merge(ImportRestored? a, ImportRestored? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => new ImportRestored(
            a.Exports + b.Exports,
            a.Originals + b.Originals,
            a.Profile || b.Profile,
            a.ShoesAdded + b.ShoesAdded,
            a.ShoesAssigned + b.ShoesAssigned,
            a.Journal || b.Journal,
            a.Assessments + b.Assessments,
            a.PainCheckIns + b.PainCheckIns,
            a.ExerciseCheckIns + b.ExerciseCheckIns,
            a.ClinicianVisits + b.ClinicianVisits,
            a.TaskCheckOffs + b.TaskCheckOffs,
            [.. a.Notes ?? [], .. b.Notes ?? []]),
    };
}

/// <summary>Progress of a running import, for a progress bar.</summary>
public readonly record struct ImportProgress(int FilesDone, long BytesScanned, long TotalBytes, int Imported, int Duplicates, int Failed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImportSummary))]
public sealed partial class ImportJsonContext : JsonSerializerContext;
