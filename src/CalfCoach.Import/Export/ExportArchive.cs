using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CalfCoach.Core;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import.Sources;
using CalfCoach.Storage;

namespace CalfCoach.Import.Export;

/// <summary>An export that cannot be restored: the message names the file and the entry in it, and says what to do.</summary>
/// <remarks>An <see cref="IOException"/> as <see cref="ImportSourceException"/> is, <see cref="InvalidDataException"/> being sealed.</remarks>
public sealed class ExportFormatException(string message) : IOException(message);

/// <summary>
/// A CalfCoach export opened for restoring. <see cref="Open"/> reads and checks every JSON entry before anything is
/// written anywhere, and <see cref="ExtractOriginals"/> checks every original against the manifest's SHA-256 and length,
/// so a damaged export is refused whole rather than restored in part.
/// </summary>
public sealed class ExportArchive : IDisposable
{
    /// <summary>
    /// The most bytes one JSON entry may have (16 MiB: ten years of daily check-ins are about 1 MiB). Held in memory while
    /// read, outside the import memory budget, so kept small.
    /// </summary>
    public const long MaxJsonBytes = 16L * 1024 * 1024;

    /// <summary>The most bytes of a manifest read only to tell an export from another zip.</summary>
    private const long MaxDetectBytes = 1024 * 1024;

    private static readonly string[] RecordEntries =
        [RunnerExport.ProfileEntry, RunnerExport.ShoesEntry, RunnerExport.AssessmentsEntry, RunnerExport.CheckInsEntry];

    private readonly ZipArchive _zip;
    private readonly string _displayName;

    private ExportArchive(ZipArchive zip, string displayName, ExportManifest manifest, RunnerRecords records)
    {
        _zip = zip;
        _displayName = displayName;
        Manifest = manifest;
        Records = records;
    }

    public ExportManifest Manifest { get; }

    /// <summary>The profile, shoes and journal, checked (dates, scores, the answers objects readable by the strict reader).</summary>
    public RunnerRecords Records { get; }

    /// <summary>
    /// True when <paramref name="path"/> is a zip with a <c>manifest.json</c> at its root that is either a CalfCoach
    /// export's or sits beside an export's other entries (so a damaged manifest is reported, not taken for an ordinary
    /// archive). Anything unreadable is not an export here; the import then reports it as the archive it seems to be.
    /// </summary>
    public static bool IsExport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry(RunnerExport.ManifestEntry) is not { } manifest)
            {
                return false;
            }

            if (RecordEntries.Any(name => zip.GetEntry(name) is not null))
            {
                return true;
            }

            using var stream = manifest.Open();
            using var document = JsonDocument.Parse(ReadBounded(stream, MaxDetectBytes, path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == RunnerExport.Format;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Opens and checks an export.</summary>
    /// <param name="displayName">The file's name as the runner knows it (the uploaded name on a server), for messages.</param>
    /// <exception cref="ExportFormatException">The archive, its manifest or one of its JSON entries is damaged or from a newer CalfCoach.</exception>
    public static ExportArchive Open(string path, string displayName)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ExportFormatException($"'{displayName}' could not be read as a zip archive ({ex.Message}). {Advice}");
        }

        try
        {
            var manifest = ReadManifest(zip, displayName);
            var records = ReadRecords(zip, displayName);
            return new ExportArchive(zip, displayName, manifest, records);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>What every damaged-export message ends with.</summary>
    private const string Advice = "The export is damaged or was changed after it was made; nothing of it was imported. Download it again from your account page (GET /api/me/export) or run calfcoach export again.";

    /// <summary>
    /// Writes each original under <paramref name="folder"/> by its uploaded name (the folders a Strava export needs to find
    /// its activities kept) and checks its length and SHA-256 against the manifest while it is copied.
    /// </summary>
    /// <returns>Each original's file and its manifest entry, in the manifest's order.</returns>
    /// <exception cref="ExportFormatException">An original is missing, too long, or not the file the manifest describes.</exception>
    public IReadOnlyList<(string File, ExportedOriginal Original)> ExtractOriginals(string folder, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(limits);
        var total = Manifest.Originals.Sum(o => o.Length);
        if (total > limits.MaxArchiveBytes)
        {
            throw new ExportFormatException(
                $"'{_displayName}' lists {total / 1e9:0.#} GB of original files, more than the {limits.MaxArchiveBytes / 1e9:0.#} GB one import may read. Import its originals/ folder in parts instead.");
        }

        var extracted = new List<(string, ExportedOriginal)>();
        var buffer = new byte[81920];
        for (var i = 0; i < Manifest.Originals.Count; i++)
        {
            var original = Manifest.Originals[i];
            var where = $"'{_displayName}!{original.Path}'";
            if (_zip.GetEntry(original.Path) is not { } entry)
            {
                throw new ExportFormatException($"{where} is listed in manifest.json but is not in the archive. {Advice}");
            }

            // Each file in its own numbered folder: two originals can never overwrite each other, and the folders below it
            // are the uploaded name's, which a Strava export's activities.csv needs to find its files.
            var file = Path.Combine(folder, i.ToString(CultureInfo.InvariantCulture), SafeRelative(original.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                Copy(entry, file, original, where, buffer);
            }
            catch (InvalidDataException ex)
            {
                throw new ExportFormatException($"{where} could not be decompressed ({ex.Message}). {Advice}");
            }

            extracted.Add((file, original));
        }

        return extracted;
    }

    /// <summary>Copies one original, counting and hashing as it goes; never more than the manifest's length is written.</summary>
    private static void Copy(ZipArchiveEntry entry, string file, ExportedOriginal original, string where, byte[] buffer)
    {
        using var source = entry.Open();
        using var target = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            length += read;
            if (length > original.Length)
            {
                throw new ExportFormatException($"{where} is longer than the {original.Length} bytes manifest.json gives for it. {Advice}");
            }

            sha.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
        }

        if (length != original.Length || !Convert.ToHexStringLower(sha.GetHashAndReset()).Equals(original.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ExportFormatException($"{where} is not the file manifest.json describes (its length or SHA-256 differs). {Advice}");
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>The entry's path below <c>originals/</c>, with the platform's separators (already checked by <see cref="ReadManifest"/>).</summary>
    private static string SafeRelative(string entryPath) =>
        Path.Combine(entryPath[RunnerExport.OriginalsFolder.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries));

    private static ExportManifest ReadManifest(ZipArchive zip, string displayName)
    {
        var manifest = Read(zip, displayName, RunnerExport.ManifestEntry, ExportJsonContext.Default.ExportManifest);
        var where = $"'{displayName}!{RunnerExport.ManifestEntry}'";
        if (manifest.Format != RunnerExport.Format)
        {
            throw new ExportFormatException($"{where} says its format is \"{manifest.Format}\", not \"{RunnerExport.Format}\". {Advice}");
        }

        if (manifest.Version > RunnerExport.Version)
        {
            throw new ExportFormatException(
                $"{where} is version {manifest.Version}, made by a newer CalfCoach than this one (which reads up to version {RunnerExport.Version}). Update CalfCoach and import it again; nothing was imported.");
        }

        if (manifest.Version < 1)
        {
            throw new ExportFormatException($"{where} gives version {manifest.Version}; exports start at version 1. {Advice}");
        }

        if (!IsoDate.TryParse(manifest.AsOf, out _))
        {
            throw new ExportFormatException($"{where}: asOf \"{manifest.AsOf}\" is not a YYYY-MM-DD date. {Advice}");
        }

        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var original in manifest.Originals)
        {
            if (!original.Path.StartsWith(RunnerExport.OriginalsFolder, StringComparison.Ordinal)
                || !EntryNames.TryNormalize(original.Path, out var normalized, out _)
                || normalized != original.Path
                || original.Path.EndsWith('/')
                || original.Path.Split('/').Any(s => s is "." or "")
                || !paths.Add(original.Path))
            {
                throw new ExportFormatException($"{where} lists an original at \"{EntryNames.Printable(original.Path)}\", which is not a path under originals/ (or is listed twice). {Advice}");
            }

            if (original.Length < 0 || original.Sha256.Length != 64 || string.IsNullOrWhiteSpace(original.Name))
            {
                throw new ExportFormatException($"{where}: the original \"{EntryNames.Printable(original.Path)}\" has no valid name, length or SHA-256. {Advice}");
            }
        }

        return manifest;
    }

    private static RunnerRecords ReadRecords(ZipArchive zip, string displayName)
    {
        var profile = ReadProfile(zip, displayName);
        var shoes = Read(zip, displayName, RunnerExport.ShoesEntry, ExportJsonContext.Default.ShoesDocument);
        var assessments = Read(zip, displayName, RunnerExport.AssessmentsEntry, ExportJsonContext.Default.AssessmentsDocument);
        var checkIns = Read(zip, displayName, RunnerExport.CheckInsEntry, ExportJsonContext.Default.CheckInsDocument);

        var shoeRecords = Checked(displayName, RunnerExport.ShoesEntry, "shoes", shoes.Shoes, s =>
            string.IsNullOrWhiteSpace(s.Name) || !double.IsFinite(s.StartDistanceMeters) || s.StartDistanceMeters < 0
                ? throw new FormatException("a shoe needs a name and a finite starting distance of 0 or more")
                : new ShoeRecord(s.Name, Date(s.StartDate), s.StartDistanceMeters, s.RetiredOn is null ? null : Date(s.RetiredOn)));
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
        Checked(displayName, RunnerExport.ShoesEntry, "assignments", shoes.Assignments, a =>
            assignments.TryAdd(a.ActivityContentSha256, a.Shoe) ? a : throw new FormatException("the activity is given a shoe twice"));
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        string? Unique(string? clientId) =>
            clientId is null || clientIds.Add(clientId) ? clientId : throw new FormatException($"the client id \"{clientId}\" is given twice");
        var exerciseIds = new HashSet<string>(StringComparer.Ordinal);
        string? UniqueExercise(string? clientId) =>
            clientId is null || exerciseIds.Add(clientId) ? clientId : throw new FormatException($"the client id \"{clientId}\" is given twice");
        var journal = new JournalRecords(
            Checked(displayName, RunnerExport.AssessmentsEntry, "assessments", assessments.Assessments, Assessment),
            Checked(displayName, RunnerExport.CheckInsEntry, "pain", checkIns.Pain, p =>
                p.Score is < 0 or > 10 ? throw new FormatException("a pain score is 0 to 10")
                    : new PainRecord(Date(p.Day), p.Score, p.AtRest, p.Morning, p.Note, Unique(p.ClientId), Instant(p.RecordedAt))),
            Checked(displayName, RunnerExport.CheckInsEntry, "exercises", checkIns.Exercises, e =>
                string.IsNullOrWhiteSpace(e.Name) || e.Sets < 1 || e.Reps < 0 || e.Pain is < 0 or > 10
                    ? throw new FormatException("an exercise needs a name, 1 or more sets, 0 or more repetitions and a pain of 0 to 10 if any")
                    : new ExerciseRecord(Date(e.Day), e.Name, e.Sets, e.Reps, e.LoadKg, e.Pain, UniqueExercise(e.ClientId), Instant(e.RecordedAt))),
            Checked(displayName, RunnerExport.CheckInsEntry, "clinicianVisits", checkIns.ClinicianVisits, v =>
                new ClinicianVisitRecord(Date(v.Day), v.ClearedForRehab, v.Note, v.RecordedBy, Instant(v.RecordedAt))),
            Checked(displayName, RunnerExport.CheckInsEntry, "taskCheckOffs", checkIns.TaskCheckOffs, t =>
                string.IsNullOrWhiteSpace(t.Task) ? throw new FormatException("a task check-off needs the task's id")
                    : new TaskCheckOffRecord(Date(t.Day), t.Task, Instant(t.RecordedAt))));
        return new RunnerRecords(profile, shoeRecords, assignments, journal);
    }

    /// <summary>An answer set the strict reader would not read back would break every later plan: refused here, not stored.</summary>
    private static AssessmentRecord Assessment(AssessmentDocument a)
    {
        var kind = a.Kind switch
        {
            "assessment" => StoredAssessmentKind.Assessment,
            "red-flag-check" => StoredAssessmentKind.RedFlagCheck,
            _ => throw new FormatException($"the kind \"{a.Kind}\" is neither \"assessment\" nor \"red-flag-check\""),
        };
        var read = AnswersJsonReader.Read(a.AnswersJson);
        if (read.Answers is null)
        {
            throw new FormatException($"its answersJson does not read ({string.Join("; ", read.Errors.Select(e => e.Message.TrimEnd('.')))})");
        }

        return new AssessmentRecord(kind, Date(a.AsOf), Date(a.Onset), a.AnswersJson, Instant(a.RecordedAt));
    }

    /// <summary>The profile JSON as stored (verbatim), or null; only checked to be a JSON object.</summary>
    private static string? ReadProfile(ZipArchive zip, string displayName)
    {
        var text = ReadText(zip, displayName, RunnerExport.ProfileEntry);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => text,
                _ => throw new ExportFormatException($"'{displayName}!{RunnerExport.ProfileEntry}' holds a JSON {document.RootElement.ValueKind}, not a profile object or null. {Advice}"),
            };
        }
        catch (JsonException ex)
        {
            throw NotJson(displayName, RunnerExport.ProfileEntry, ex);
        }
    }

    private static List<TOut> Checked<TIn, TOut>(string displayName, string entry, string list, IReadOnlyList<TIn> items, Func<TIn, TOut> check)
    {
        var result = new List<TOut>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                result.Add(check(items[i]));
            }
            catch (FormatException ex)
            {
                throw new ExportFormatException($"'{displayName}!{entry}': {list}[{i}] cannot be restored: {ex.Message.TrimEnd('.')}. {Advice}");
            }
        }

        return result;
    }

    private static DateOnly Date(string text) =>
        IsoDate.TryParse(text, out var date) ? date : throw new FormatException($"\"{text}\" is not a YYYY-MM-DD date");

    private static long Instant(string text) =>
        DateTimeOffset.TryParseExact(text, RunnerExport.InstantPattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUnixTimeMilliseconds()
            : throw new FormatException($"\"{text}\" is not an instant written {RunnerExport.InstantPattern}");

    private static T Read<T>(ZipArchive zip, string displayName, string entry, JsonTypeInfo<T> type)
    {
        var text = ReadText(zip, displayName, entry);
        try
        {
            return JsonSerializer.Deserialize(text, type)
                ?? throw new ExportFormatException($"'{displayName}!{entry}' holds null where a JSON object belongs. {Advice}");
        }
        catch (JsonException ex)
        {
            throw NotJson(displayName, entry, ex);
        }
    }

    private static ExportFormatException NotJson(string displayName, string entry, JsonException ex) =>
        new($"'{displayName}!{entry}' is not valid export JSON ({ProblemText.Bound(ex.Message)}). {Advice}");

    private static string ReadText(ZipArchive zip, string displayName, string entry)
    {
        if (zip.GetEntry(entry) is not { } found)
        {
            throw new ExportFormatException($"'{displayName}' has no {entry} at its root, which every CalfCoach export has. {Advice}");
        }

        try
        {
            using var stream = found.Open();
            return System.Text.Encoding.UTF8.GetString(ReadBounded(stream, MaxJsonBytes, $"{displayName}!{entry}"));
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException($"'{displayName}!{entry}' could not be decompressed ({ex.Message}). {Advice}");
        }
    }

    private static byte[] ReadBounded(Stream stream, long max, string where)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > max)
            {
                throw new ExportFormatException($"'{where}' is larger than the {max / (1024 * 1024)} MiB an export's JSON may be. {Advice}");
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
