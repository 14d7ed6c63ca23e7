using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CalfCoach.Core;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Import.History;
using CalfCoach.Storage;

namespace CalfCoach.Import.Export;

/// <summary>
/// A runner's export: one zip with every file they uploaded, byte for byte, and JSON of everything else they told
/// CalfCoach (profile, shoes, assessments, check-ins) and the programme it gives on the export's day. <c>calfcoach import</c>
/// and <c>POST /api/imports</c> recognise it by <see cref="ManifestEntry"/> and restore it (<see cref="ExportRestore"/>).
/// </summary>
/// <remarks>
/// Layout: <c>manifest.json</c>, <c>profile.json</c>, <c>shoes.json</c>, <c>assessments.json</c>, <c>check-ins.json</c>,
/// <c>programme.json</c> (<c>null</c> when there is none), <c>shares.json</c> and <c>audit.json</c> (who the runner shares
/// with and who else read or changed their data: part of what a runner may ask to see, never restored, since they name
/// accounts of the server the export came from) and <c>originals/NAME</c> for each file as it was uploaded.
/// The analysis and the programme are not restored from JSON: they are recomputed from the originals and the journal, as
/// everywhere else, so a re-import as of the export's day gives the same findings and plan.
/// </remarks>
public static class RunnerExport
{
    /// <summary>The manifest's <c>format</c>: what makes a zip a CalfCoach export.</summary>
    public const string Format = "calfcoach-export";

    /// <summary>The layout's version; a reader refuses a newer one instead of restoring it in part.</summary>
    public const int Version = 1;

    public const string ManifestEntry = "manifest.json";
    public const string ProfileEntry = "profile.json";
    public const string ShoesEntry = "shoes.json";
    public const string AssessmentsEntry = "assessments.json";
    public const string CheckInsEntry = "check-ins.json";
    public const string ProgrammeEntry = "programme.json";
    public const string SharesEntry = "shares.json";
    public const string AuditEntry = "audit.json";
    public const string OriginalsFolder = "originals/";

    /// <summary>The file name to offer for an export made as of <paramref name="asOf"/>: <c>calfcoach-export-YYYY-MM-DD.zip</c>.</summary>
    public static string FileName(DateOnly asOf) => $"calfcoach-export-{IsoDate.ToText(asOf)}.zip";

    /// <summary>Writes the export to a temporary file (deleted when the stream is closed) and returns it, positioned at its start.</summary>
    /// <remarks>A zip's central directory comes last, so the whole is written before any of it is sent; a file keeps memory bounded.</remarks>
    public static FileStream WriteToTemporaryFile(Database database, RecoveryJournal journal, DateOnly asOf, DateTimeOffset exportedAt, string? temporaryFolder = null)
    {
        var path = Path.Combine(temporaryFolder ?? Path.GetTempPath(), $"calfcoach-export-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            Write(database, journal, asOf, exportedAt, file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes the runner's export (the runner <paramref name="database"/> is scoped to) to <paramref name="destination"/>.</summary>
    /// <param name="journal">The runner's journal, for <c>programme.json</c> (the web app's, with its history already loaded).</param>
    /// <param name="destination">Seekable streams are written without data descriptors; any writable stream works.</param>
    public static void Write(Database database, RecoveryJournal journal, DateOnly asOf, DateTimeOffset exportedAt, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(destination);
        var originals = new OriginalStore(database);
        var stored = originals.List();
        var records = new RunnerRecordsStore(database).Read();
        var programme = journal.Programme(asOf);

        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var listed = stored.Select(o => new ExportedOriginal(EntryFor(o.Name, paths), o.Name, o.ContentSha256, o.Length, Instant(o.UploadedAt))).ToList();
        var manifest = new ExportManifest(Format, Version, Instant(exportedAt), IsoDate.ToText(asOf), listed);

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, ManifestEntry, JsonSerializer.Serialize(manifest, ExportJsonContext.Default.ExportManifest));
        WriteText(zip, ProfileEntry, records.ProfileJson ?? "null");
        WriteText(zip, ShoesEntry, JsonSerializer.Serialize(Shoes(records), ExportJsonContext.Default.ShoesDocument));
        WriteText(zip, AssessmentsEntry, JsonSerializer.Serialize(
            new AssessmentsDocument([.. records.Journal.Assessments.Select(ToDocument)]), ExportJsonContext.Default.AssessmentsDocument));
        WriteText(zip, CheckInsEntry, JsonSerializer.Serialize(CheckIns(records.Journal), ExportJsonContext.Default.CheckInsDocument));
        WriteText(zip, ProgrammeEntry, programme is null ? "null" : ProgrammeJson.Serialize(programme.State, programme.StartedOn));
        WriteText(zip, SharesEntry, JsonSerializer.Serialize(
            new SharesDocument([.. new ShareStore(database).List().Select(s => new ShareRecordDocument(s.ClinicianEmail, ShareAccesses.Name(s.Access), Instant(s.Created)))]),
            ExportJsonContext.Default.SharesDocument));
        WriteText(zip, AuditEntry, JsonSerializer.Serialize(
            new AuditDocument([.. new AuditStore(database).List(int.MaxValue).Select(e => new AuditRecordDocument(Instant(e.At), e.ActorEmail, AccountRoles.Name(e.ActorRole), e.Action, e.Resource))]),
            ExportJsonContext.Default.AuditDocument));

        for (var i = 0; i < stored.Count; i++)
        {
            // Most originals are compressed already (FIT is dense, .gz and .zip are deflated): storing them costs nothing.
            var entry = zip.CreateEntry(listed[i].Path, IsCompressed(stored[i].Name) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            entry.LastWriteTime = stored[i].UploadedAt;
            using var target = entry.Open();
            if (!originals.CopyTo(stored[i].Id, target))
            {
                throw new InvalidOperationException($"The uploaded file \"{stored[i].Name}\" disappeared while the export was written; export again.");
            }
        }
    }

    /// <summary>
    /// <c>originals/</c> + the uploaded name, made a safe entry name; a name taken already (two uploads of different files
    /// under one name) goes under <c>originals/duplicate-N/</c>, so each keeps its own name and folders.
    /// </summary>
    private static string EntryFor(string name, HashSet<string> taken)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p is not "." and not "..")
            .ToArray();
        var relative = parts.Length == 0 ? "upload" : string.Join('/', parts);
        var path = OriginalsFolder + relative;
        for (var n = 2; !taken.Add(path); n++)
        {
            path = string.Create(CultureInfo.InvariantCulture, $"{OriginalsFolder}duplicate-{n}/{relative}");
        }

        return path;
    }

    private static bool IsCompressed(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".fit", StringComparison.OrdinalIgnoreCase);

    private static ShoesDocument Shoes(RunnerRecords records) => new(
        [.. records.Shoes.Select(s => new ShoeDocument(s.Name, IsoDate.ToText(s.StartDate), s.StartDistanceMeters, s.RetiredOn is { } r ? IsoDate.ToText(r) : null))],
        [.. records.ShoeByActivityContent.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ShoeAssignmentDocument(p.Key, p.Value))]);

    private static AssessmentDocument ToDocument(AssessmentRecord a) => new(
        a.Kind == StoredAssessmentKind.RedFlagCheck ? "red-flag-check" : "assessment",
        IsoDate.ToText(a.AsOf),
        IsoDate.ToText(a.Onset),
        AnswersVersion(a.AnswersJson),
        a.AnswersJson,
        Instant(a.RecordedAtUnixMs));

    private static CheckInsDocument CheckIns(JournalRecords journal) => new(
        [.. journal.Pain.Select(p => new PainCheckInDocument(IsoDate.ToText(p.Day), p.Score, p.AtRest, p.Morning, p.Note, p.ClientId, Instant(p.RecordedAtUnixMs)))],
        [.. journal.Exercises.Select(e => new ExerciseCheckInDocument(IsoDate.ToText(e.Day), e.Name, e.Sets, e.Reps, e.LoadKg, e.Pain, e.ClientId, Instant(e.RecordedAtUnixMs)))],
        [.. journal.ClinicianVisits.Select(v => new ClinicianVisitDocument(IsoDate.ToText(v.Day), v.ClearedForRehab, v.Note, v.RecordedBy, Instant(v.RecordedAtUnixMs)))],
        [.. journal.TaskCheckOffs.Select(t => new TaskCheckOffDocument(IsoDate.ToText(t.Day), t.Task, Instant(t.RecordedAtUnixMs)))]);

    /// <summary>The answers object's <c>version</c>; an object without one is version 1 (the first contract had none).</summary>
    internal static int AnswersVersion(string answersJson)
    {
        try
        {
            using var document = JsonDocument.Parse(answersJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version)
                && version.TryGetInt32(out var number) ? number : 1;
        }
        catch (JsonException)
        {
            return 1;
        }
    }

    internal const string InstantPattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static string Instant(long unixMs) => Instant(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantPattern, CultureInfo.InvariantCulture);

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
