using CalfCoach.Storage;

namespace CalfCoach.Import.Export;

/// <summary>
/// Restores a runner's export (<see cref="RunnerExport"/>) into the runner a database is scoped to: the originals are kept
/// again (so exporting again gives the same files) and imported as activity files with the ordinary importer (they may be
/// FIT, GPX or TCX files, or Strava and Garmin exports themselves), then the profile, shoes, shoe assignments and the
/// journal are written in one transaction (<see cref="RunnerRecordsStore.Restore"/>).
/// </summary>
/// <remarks>
/// Idempotent: importing the same export twice changes nothing the second time. Activities and originals are keyed by
/// content; the profile is restored only into a runner without one, shoes only where none of that name exists, and the
/// journal only into a runner whose journal is empty (its rows have no key that could tell a repeat from a new entry, so a
/// merge could double a pain score); the summary says in words when either was kept as it was.
/// Everything in the archive is checked before anything is written, so a damaged export writes nothing.
/// </remarks>
public static class ExportRestore
{
    /// <param name="importer">The importer for the originals, made by the caller with its memory policy (wait, or refuse when busy).</param>
    /// <param name="path">The export on disk.</param>
    /// <param name="displayName">Its name as the runner knows it (the uploaded name on a server), for the summary and errors.</param>
    /// <param name="temporaryFolder">Where the originals are unpacked for the importer (a folder of its own in it, deleted after).</param>
    /// <exception cref="ExportFormatException">The export is damaged or from a newer CalfCoach; nothing was written.</exception>
    public static async Task<ImportSummary> RestoreAsync(
        Database database,
        ActivityImporter importer,
        string path,
        string displayName,
        string temporaryFolder,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(temporaryFolder);
        using var archive = ExportArchive.Open(path, displayName);
        var folder = Path.Combine(temporaryFolder, $"calfcoach-restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var originals = archive.ExtractOriginals(folder, importer.Limits);
            var store = new OriginalStore(database);
            foreach (var (file, original) in originals)
            {
                using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                store.Keep(original.Name, content);
            }

            var imported = originals.Count == 0
                ? new ImportSummary(0, 0, 0, 0, [], 0, 0, 0, 0)
                : await importer.ImportAsync([folder], progress, cancellationToken).ConfigureAwait(false);
            var outcome = new RunnerRecordsStore(database).Restore(archive.Records);
            return WithNames(imported, folder, displayName, originals) with { Restored = Summary(displayName, archive, originals.Count, outcome) };
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open goes with the system's temporary files.
            }
        }
    }

    private static ImportRestored Summary(string displayName, ExportArchive archive, int originals, RestoreOutcome outcome)
    {
        var journal = archive.Records.Journal;
        var notes = new List<string>();
        if (archive.Records.ProfileJson is not null && !outcome.ProfileRestored)
        {
            notes.Add($"The profile in '{displayName}' was not restored: this account has a profile already, which is kept as it is.");
        }

        if (!journal.IsEmpty && !outcome.JournalRestored)
        {
            notes.Add($"The journal in '{displayName}' (assessments and check-ins) was not restored: this account's journal is not empty. "
                + "An export's journal is restored only into an empty one, so nothing is doubled; to restore it, import the export into a new account.");
        }

        var restored = outcome.JournalRestored;
        return new ImportRestored(
            1,
            originals,
            outcome.ProfileRestored,
            outcome.ShoesAdded,
            outcome.ShoesAssigned,
            restored,
            restored ? journal.Assessments.Count : 0,
            restored ? journal.Pain.Count : 0,
            restored ? journal.Exercises.Count : 0,
            restored ? journal.ClinicianVisits.Count : 0,
            restored ? journal.TaskCheckOffs.Count : 0,
            notes);
    }

    /// <summary>Failures name the original inside the export (<c>export.zip!originals/run.fit</c>), not the temporary folder.</summary>
    private static ImportSummary WithNames(ImportSummary summary, string folder, string displayName, IReadOnlyList<(string File, ExportedOriginal Original)> originals)
    {
        string Rename(string text)
        {
            foreach (var (file, original) in originals)
            {
                text = text.Replace(file, $"{displayName}!{original.Path}", StringComparison.Ordinal);
            }

            return text.Replace(folder + Path.DirectorySeparatorChar, $"{displayName}!", StringComparison.Ordinal);
        }

        return summary with
        {
            Failed = [.. summary.Failed.Select(f => new ImportFailure(Rename(f.File), Rename(f.Error)))],
            NotCounted = [.. summary.NotCounted.Select(n => n with { File = Rename(n.File) })],
            Skipped = [.. summary.Skipped.Select(s => new ImportSkipped(Rename(s.File), Rename(s.Reason)))],
        };
    }
}
