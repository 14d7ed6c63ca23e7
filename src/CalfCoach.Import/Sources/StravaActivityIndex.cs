using System.Globalization;
using CsvHelper;

namespace CalfCoach.Import.Sources;

/// <summary>
/// The activities.csv at the root of a Strava bulk export ("Download or Delete Your Account" →
/// "Request Your Archive"), which names each activity's file ("activities/1836776031.fit.gz") and says
/// what the athlete called it and which shoe they wore.
/// </summary>
/// <remarks>
/// What the file looks like, from open-source readers of real exports:
/// <list type="bullet">
/// <item>Layout: export_&lt;athlete id&gt;.zip holding activities.csv and activities/ with "&lt;id&gt;.gpx", ".gpx.gz",
/// ".tcx", ".tcx.gz", ".fit.gz" files, plus media/ and other CSVs (hugovk/strava-tools README; ckdake/fitler README).</item>
/// <item>Header since mid-2019: "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,
/// Distance,…,Activity Gear,Filename,…" with "Elapsed Time", "Distance", "Max Heart Rate", "Commute" and "Relative Effort"
/// appearing twice, and later columns added over the years (87 to 92+) including "Activity Private Note" before
/// "Activity Gear" and "Bike"/"Gear" near the end (martin-ueding/geo-activity-playground
/// importers/strava_checkout.py and issues #112, #348; dlpb/garmin-strava-activity-updater StravaActivity.java).
/// So columns are found by name, never by position, and the first of duplicated names wins.</item>
/// <item>The header follows the account's language: German exports say "Aktivitäts-ID, Aktivitätsdatum, Name der
/// Aktivität, Aktivitätsart, …, Aktivitätsausrüstung, Dateiname" (geo-activity-playground #191, #348). Names in
/// other languages are not known to us: then the filename column is recognised by its values ("activities/…"),
/// and id, date, name and type by their positions, the first four in every version seen.</item>
/// <item>"Activity Date": "Sep 12, 2018, 3:02:23 PM" since mid-2019 (hugovk/strava-tools PR #2), "2018-09-12 15:02:23"
/// before; en-GB accounts get "12 Sep 2018, 15:02:23" (garmin-strava-activity-updater). Users comparing with their
/// files report it is UTC (geo-activity-playground #88).</item>
/// <item>Manual activities have an empty Filename (geo-activity-playground strava_checkout.py): no file, no problem.</item>
/// </list>
/// </remarks>
internal sealed class StravaActivityIndex
{
    private static readonly string[] IdColumns = ["Activity ID", "Aktivitäts-ID"];
    private static readonly string[] DateColumns = ["Activity Date", "Aktivitätsdatum"];
    private static readonly string[] NameColumns = ["Activity Name", "Name der Aktivität"];
    private static readonly string[] TypeColumns = ["Activity Type", "Aktivitätsart"];
    private static readonly string[] FilenameColumns = ["Filename", "Dateiname"];

    // geo-activity-playground falls back from "Activity Gear" to "Bike" and "Gear"; runners' shoes live in "Gear".
    private static readonly string[] GearColumns = ["Activity Gear", "Aktivitätsausrüstung", "Gear", "Bike"];

    private static readonly string[] DateFormats =
    [
        "MMM d, yyyy, h:mm:ss tt",
        "d MMM yyyy, HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>One row of activities.csv is a few kB; this only stops an unclosed quote from buffering a hostile file.</summary>
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    private readonly Dictionary<string, Row> _rows;
    private readonly string _root;

    private StravaActivityIndex(string root, Dictionary<string, Row> rows)
    {
        _root = root;
        _rows = rows;
    }

    /// <summary>
    /// Reads activities.csv. Returns null when the file is not a Strava index at all (no filename column:
    /// e.g. Garmin Connect's own "Activities.csv" list), which is then ignored like any other CSV.
    /// </summary>
    /// <param name="root">Where the export's paths start, relative to the folder or archive, "/"-separated with a trailing "/" (or "").</param>
    /// <param name="problems">Receives a problem for each row whose file name is unsafe.</param>
    /// <exception cref="CsvFormatException">The CSV is malformed beyond what the lenient parser accepts.</exception>
    public static StravaActivityIndex? Read(Stream csv, string root, string indexPath, List<ImportProblem> problems)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = true, // descriptions and names may hold line breaks
            MaxRecordSize = MaxRecordBytes,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var header = reader.Headers.ToArray();
        if (header.Length == 0)
        {
            return null;
        }

        var records = new List<string[]>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i) ?? string.Empty;
            }

            records.Add(record);
        }

        var columns = Columns.Find(header, records);
        if (columns is null)
        {
            return null;
        }

        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            var fileName = Field(record, columns.Filename);
            if (fileName is null)
            {
                continue; // a manual activity: no file to import
            }

            if (!EntryNames.TryNormalize(fileName, out var normalized, out var reason))
            {
                problems.Add(new ImportProblem(
                    indexPath,
                    ImportProblemKind.UnsafeEntryName,
                    $"'{indexPath}' names the file '{EntryNames.Printable(fileName)}', which was ignored because {reason}."));
                continue;
            }

            var hints = new ActivityHints(
                Field(record, columns.Id),
                Field(record, columns.Name),
                Field(record, columns.Type),
                columns.Gear.Select(index => Field(record, index)).FirstOrDefault(gear => gear is not null),
                ParseDate(Field(record, columns.Date)));
            rows.TryAdd(Key(normalized), new Row(normalized, hints));
        }

        return new StravaActivityIndex(root, rows);
    }

    /// <summary>Where the export's paths start (see <see cref="Read"/>).</summary>
    public string Root => _root;

    /// <summary>
    /// The hints for a file of the folder or archive, by its "/"-separated relative path, and marks the
    /// row as found. A user who gunzipped the files ("activities/1.fit" for "activities/1.fit.gz") still matches.
    /// </summary>
    public ActivityHints? Find(string relativePath)
    {
        if (!relativePath.StartsWith(_root, StringComparison.OrdinalIgnoreCase)
            || !_rows.TryGetValue(Key(relativePath[_root.Length..]), out var row))
        {
            return null;
        }

        row.Found = true;
        return row.Hints;
    }

    /// <summary>The rows whose file was never found, with the file's path relative to the export root.</summary>
    public IEnumerable<(string FileName, ActivityHints Hints)> Missing() =>
        _rows.Values.Where(row => !row.Found).OrderBy(row => row.FileName, StringComparer.Ordinal).Select(row => (row.FileName, row.Hints));

    private static string Key(string path)
    {
        var key = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? key[..^3] : key;
    }

    private static string? Field(string[] record, int index)
    {
        if (index < 0 || index >= record.Length)
        {
            return null;
        }

        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null
        && DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    private sealed class Row(string fileName, ActivityHints hints)
    {
        public string FileName { get; } = fileName;

        public ActivityHints Hints { get; } = hints;

        public bool Found { get; set; }
    }

    private sealed record Columns(int Id, int Date, int Name, int Type, int Filename, int[] Gear)
    {
        public static Columns? Find(string[] header, List<string[]> records)
        {
            var filename = IndexOf(header, FilenameColumns);
            if (filename >= 0)
            {
                return new Columns(
                    IndexOf(header, IdColumns),
                    IndexOf(header, DateColumns),
                    IndexOf(header, NameColumns),
                    IndexOf(header, TypeColumns),
                    filename,
                    [.. GearColumns.Select(name => IndexOf(header, [name])).Where(index => index >= 0)]);
            }

            // A language we do not know: the filename column is the one whose values are export paths.
            filename = Enumerable.Range(0, header.Length)
                .FirstOrDefault(
                    column => records.Any(record => column < record.Length && record[column].StartsWith("activities/", StringComparison.OrdinalIgnoreCase)),
                    -1);
            return filename < 0 ? null : new Columns(0, 1, 2, 3, filename, []);
        }

        private static int IndexOf(string[] header, string[] names)
        {
            for (var i = 0; i < header.Length; i++)
            {
                var column = header[i].Trim().TrimStart('\uFEFF');
                if (names.Any(name => column.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
