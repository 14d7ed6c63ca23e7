using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

public sealed partial class ImportSourceScannerTests
{
    /// <summary>
    /// The first 19 columns of activities.csv in 2024–2025 exports, with the duplicated "Elapsed Time" and
    /// "Distance" columns, and the later "Gear" column (martin-ueding/geo-activity-playground,
    /// importers/strava_checkout.py EXPECTED_COLUMNS).
    /// </summary>
    private const string StravaCsvHeader =
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,"
        + "Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,"
        + "Moving Time,Distance,Gear\r\n";

    private const string StravaCsv = StravaCsvHeader
        + "1001,\"Sep 12, 2018, 3:02:23 PM\",\"Easy run, with \"\"strides\"\"\",Run,\"Felt good,\nlegs fresh\",2476,8.12,171,34,false,,\"Pegasus 40, blue\",activities/1001.fit.gz,70,,2476,2400,8120.5,\r\n"
        + "1002,\"Mar 3, 2024, 7:15:00 AM\",Hill reps,Trail Run,,3600,\"10.0\",180,80,false,,Speedgoat 5,activities/1002.gpx.gz,70,,3600,3500,10000.0,\r\n"
        + "1003,\"Mar 4, 2024, 6:00:00 PM\",Treadmill,Virtual Run,,1800,5.0,150,20,false,,,activities/1003.tcx.gz,70,,1800,1800,5000.0,Old trainers\r\n"
        + "1004,\"Mar 5, 2024, 6:00:00 PM\",Lost run,Run,,1800,5.0,,,false,,,activities/1004.fit.gz,70,,1800,1800,5000.0,\r\n"
        + "1005,\"Mar 6, 2024, 6:00:00 PM\",Gym,Weight Training,,1800,0,,,false,,,,70,,1800,1800,0,\r\n";

    private static (string Name, byte[] Content)[] StravaExportEntries(string root = "") =>
    [
        ($"{root}activities.csv", Archives.Text(StravaCsv)),
        ($"{root}activities/1001.fit.gz", Archives.Gzip(Archives.Fit(1001))),
        ($"{root}activities/1002.gpx.gz", Archives.Gzip(Archives.Gpx("1002"))),
        ($"{root}activities/1003.tcx.gz", Archives.Gzip(Archives.Tcx("1003"))),
        ($"{root}activities/2000.fit", Archives.Fit(2000)),
        ($"{root}media/0A1B2C.jpg", [0xFF, 0xD8, 0xFF]),
        ($"{root}profile.json", Archives.Text("{}")),
        ($"{root}clubs.csv", Archives.Text("Club,Sport\r\nRunners,Run\r\n")),
    ];

    [Fact]
    public void A_strava_export_zip_attaches_the_hints_of_activities_csv_to_each_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export_12345.zip", Archives.Zip(StravaExportEntries()));

        var results = Scanning.ScanAndRead(path);

        var items = results.Items();
        Assert.Equal(
            [$"{path}!activities/1001.fit.gz", $"{path}!activities/1002.gpx.gz", $"{path}!activities/1003.tcx.gz", $"{path}!activities/2000.fit"],
            items.Select(item => item.Path));
        Assert.Equal(["fit", "gpx", "tcx", "fit"], items.Select(item => item.Item.Format));
        Assert.All(items, item => Assert.Null(item.Error));
        Assert.Equal(Archives.Fit(1001), items[0].Content);

        Assert.Equal(
            new ActivityHints("1001", "Easy run, with \"strides\"", "Run", "Pegasus 40, blue", new DateTimeOffset(2018, 9, 12, 15, 2, 23, TimeSpan.Zero)),
            items[0].Item.Hints);
        Assert.Equal(
            new ActivityHints("1002", "Hill reps", "Trail Run", "Speedgoat 5", new DateTimeOffset(2024, 3, 3, 7, 15, 0, TimeSpan.Zero)),
            items[1].Item.Hints);
        Assert.Equal("Virtual Run", items[2].Item.Hints?.Type);
        Assert.Equal("Old trainers", items[2].Item.Hints?.Gear); // no "Activity Gear": the later "Gear" column
    }

    [Fact]
    public void A_file_in_a_strava_export_that_activities_csv_does_not_list_is_imported_without_hints()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export_12345.zip", Archives.Zip(StravaExportEntries()));

        var unlisted = Assert.Single(Scanning.ScanAndRead(path), result => result.Path.EndsWith("2000.fit", StringComparison.Ordinal));

        Assert.Null(unlisted.Item.Hints);
        Assert.Equal(Archives.Fit(2000), unlisted.Content);
    }

    [Fact]
    public void A_row_of_activities_csv_whose_file_is_missing_is_reported_and_manual_activities_are_not()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export_12345.zip", Archives.Zip(StravaExportEntries()));

        var problem = Assert.Single(Scanning.ScanAndRead(path).Problems()).Problem;

        Assert.Equal(ImportProblemKind.MissingReferencedFile, problem.Kind);
        Assert.Equal($"{path}!activities/1004.fit.gz", problem.DisplayPath);
        Assert.Contains("activity 1004 (\"Lost run\")", problem.Message, StringComparison.Ordinal);
        Assert.Contains("request a new export", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpacked_strava_export_folder_gets_the_same_hints()
    {
        using var folder = new TempFolder();
        foreach (var (name, content) in StravaExportEntries("export_12345/"))
        {
            folder.Write(name, content);
        }

        var results = Scanning.ScanAndRead(folder.Root);

        var items = results.Items();
        Assert.Equal(4, items.Count);
        Assert.Equal(folder.PathOf("export_12345/activities/1001.fit.gz"), items[0].Path);
        Assert.Equal("Pegasus 40, blue", items[0].Item.Hints?.Gear);
        Assert.Null(items[3].Item.Hints);
        var problem = Assert.Single(results.Problems()).Problem;
        Assert.Equal(folder.PathOf("export_12345/activities/1004.fit.gz"), problem.DisplayPath);
    }

    [Fact]
    public void A_strava_export_zipped_again_inside_its_folder_gets_the_same_hints()
    {
        using var folder = new TempFolder();
        var path = folder.Write("rezipped.zip", Archives.Zip(StravaExportEntries("export_12345/")));

        var items = Scanning.ScanAndRead(path).Items();

        Assert.Equal($"{path}!export_12345/activities/1001.fit.gz", items[0].Path);
        Assert.Equal("1001", items[0].Item.Hints?.ActivityId);
    }

    [Fact]
    public void Files_the_user_gunzipped_still_match_their_rows()
    {
        using var folder = new TempFolder();
        folder.Write("activities.csv", Archives.Text(StravaCsv));
        folder.Write("activities/1001.fit", Archives.Fit(1001));

        var results = Scanning.ScanAndRead(folder.Root);

        Assert.Equal("1001", results.Items().Single().Item.Hints?.ActivityId);
    }

    [Fact]
    public void A_german_strava_export_is_read_by_its_german_column_names()
    {
        // Header of a German export (geo-activity-playground issue #191), first 13 columns.
        const string Csv =
            "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,Verstrichene Zeit,Distanz,"
            + "Max. Herzfrequenz,Relative Leistung,Pendeln,Hinweis zur Privatsphäre für Aktivitäten,Aktivitätsausrüstung,Dateiname\n"
            + "77,\"12.09.2018, 15:02:23\",Feierabendrunde,Lauf,,2476,\"8,12\",171,34,false,,Ghost 15,activities/77.gpx\n";
        using var folder = new TempFolder();
        var path = folder.Write("export_de.zip", Archives.Zip(("activities.csv", Archives.Text(Csv)), ("activities/77.gpx", Archives.Gpx("77"))));

        var hints = Assert.Single(Scanning.ScanAndRead(path)).Item.Hints;

        Assert.Equal(new ActivityHints("77", "Feierabendrunde", "Lauf", "Ghost 15", StartUtc: null), hints);
    }

    [Fact]
    public void An_export_in_an_unknown_language_is_matched_by_its_file_paths()
    {
        const string Csv =
            "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,Nom du fichier\n"
            + "88,\"12 Sep 2018, 15:02:23\",Sortie du soir,Course à pied,activities/88.fit.gz\n";
        using var folder = new TempFolder();
        var path = folder.Write("export_fr.zip", Archives.Zip(("activities.csv", Archives.Text(Csv)), ("activities/88.fit.gz", Archives.Gzip(Archives.Fit(88)))));

        var hints = Assert.Single(Scanning.ScanAndRead(path)).Item.Hints;

        Assert.Equal(
            new ActivityHints("88", "Sortie du soir", "Course à pied", null, new DateTimeOffset(2018, 9, 12, 15, 2, 23, TimeSpan.Zero)),
            hints);
    }

    [Fact]
    public void An_activities_csv_that_is_not_a_strava_index_is_ignored_silently()
    {
        // Garmin Connect's activity list downloads as "Activities.csv" with no file column.
        using var folder = new TempFolder();
        folder.Write("Activities.csv", Archives.Text("Activity Type,Date,Favorite,Title,Distance\nRunning,2024-03-03 07:15:00,false,Hill reps,10.00\n"));
        folder.Write("run.fit", Archives.Fit(1));

        var result = Assert.Single(Scanning.ScanAndRead(folder.Root));

        Assert.Null(result.Item.Hints);
    }

    [Fact]
    public void An_activities_csv_row_naming_an_unsafe_path_is_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export.zip", Archives.Zip(("activities.csv", Archives.Text(StravaCsvHeader + "9,,x,Run,,,,,,,,,../../etc/passwd.fit\r\n"))));

        var problem = Assert.Single(Scanning.ScanAndRead(path)).Problem;

        Assert.Equal(ImportProblemKind.UnsafeEntryName, problem.Kind);
        Assert.Equal($"{path}!activities.csv", problem.DisplayPath);
    }
}
