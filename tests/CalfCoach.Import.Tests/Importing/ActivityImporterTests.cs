using CalfCoach.Core.Activities;
using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;

namespace CalfCoach.Import.Tests.Importing;

public sealed class ActivityImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly ActivityStore _store;

    public ActivityImporterTests()
    {
        _database = Database.OpenSqlite(_folder.PathOf("test.db"));
        _store = new ActivityStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    private Task<ImportSummary> Import(params string[] paths) =>
        new ActivityImporter(_store).ImportAsync(paths, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_folder_of_fit_files_is_imported_with_every_field()
    {
        for (var day = 0; day < 5; day++)
        {
            _folder.Write($"runs/run{day}.fit", ImportFixtures.FitRun(day));
        }

        var summary = await Import(_folder.PathOf("runs"));

        Assert.Equal(5, summary.Imported);
        Assert.Equal(0, summary.Duplicates);
        Assert.Empty(summary.Failed);
        Assert.Equal(5, summary.Files);
        var stored = _store.ListActivities();
        Assert.Equal(5, stored.Count);
        var first = _store.LoadActivity(stored[0].Id)!;
        Assert.Equal(ImportFixtures.Monday, first.StartUtc);
        Assert.Equal(Sport.Running, first.Sport);
        Assert.True(first.Streams.Has(StreamKind.Cadence));
        Assert.EndsWith("run0.fit", first.Source.Path);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        _folder.Write("a.fit", ImportFixtures.FitRun(0));
        _folder.Write("b.fit", ImportFixtures.FitRun(1));
        await Import(_folder.Root);

        var again = await Import(_folder.Root);

        Assert.Equal(0, again.Imported);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(2, _store.Count());
    }

    [Fact]
    public async Task The_same_file_in_a_folder_and_in_a_zip_is_stored_once()
    {
        var fit = ImportFixtures.FitRun(0);
        _folder.Write("plain/run.fit", fit);
        _folder.Write("archive.zip", Archives.Zip(("inner/run.fit.gz", Archives.Gzip(fit))));

        var summary = await Import(_folder.PathOf("plain"), _folder.PathOf("archive.zip"));

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(1, _store.Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_fit_file_and_a_gpx_export_of_the_same_run_keep_the_richer_fit(bool gpxFirst)
    {
        var run = ImportFixtures.Run(0);
        _folder.Write("a/run.gpx", ImportFixtures.Gpx(run));
        _folder.Write("b/run.fit", ImportFixtures.Fit(run));

        var summary = gpxFirst
            ? await Import(_folder.PathOf("a"), _folder.PathOf("b"))
            : await Import(_folder.PathOf("b"), _folder.PathOf("a"));

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Duplicates);
        var only = Assert.Single(_store.ListActivities());
        Assert.Equal("fit", _store.LoadActivity(only.Id)!.Source.Format);

        // Both files are now known: importing either again is a no-op.
        var again = await Import(_folder.PathOf("a"), _folder.PathOf("b"));
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(1, _store.Count());
    }

    [Fact]
    public async Task Other_sports_are_kept_but_counted_as_not_running()
    {
        _folder.Write("ride.fit", ImportFixtures.FitRide(0));
        _folder.Write("run.fit", ImportFixtures.FitRun(1));

        var summary = await Import(_folder.Root);

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.NotRunning);
        Assert.Equal(2, _store.Count());
    }

    [Fact]
    public async Task A_broken_file_is_reported_with_its_offset_and_the_import_goes_on()
    {
        _folder.Write("good.fit", ImportFixtures.FitRun(0));
        _folder.Write("junk.fit", "this is not a FIT file at all"u8.ToArray());

        var summary = await Import(_folder.Root);

        Assert.Equal(1, summary.Imported);
        var failure = Assert.Single(summary.Failed);
        Assert.EndsWith("junk.fit", failure.File);
        Assert.StartsWith("byte 0:", failure.Error);
        Assert.False(summary.NothingImported);
    }

    [Fact]
    public async Task A_truncated_file_keeps_the_data_before_the_damage_as_partial()
    {
        var fit = ImportFixtures.FitRun(0);
        _folder.Write("cut.fit", fit[..(fit.Length / 2)]);

        var summary = await Import(_folder.Root);

        Assert.Empty(summary.Failed);
        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Partial);
        var stored = _store.LoadActivity(Assert.Single(_store.ListActivities()).Id)!;
        Assert.True(stored.IsPartial);
        Assert.InRange(stored.Streams.Count, 100, ImportFixtures.Run(0).Streams.Count - 1);
        Assert.Matches("^byte [0-9]+: ", Assert.Single(stored.Problems));
    }

    [Fact]
    public async Task A_failed_file_is_tried_again_on_the_next_import()
    {
        _folder.Write("junk.fit", "garbage"u8.ToArray());
        await Import(_folder.Root);

        var again = await Import(_folder.Root);

        Assert.Single(again.Failed);
    }

    [Fact]
    public async Task A_strava_export_names_the_run_and_its_shoe()
    {
        var csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Gear,Filename\n"
            + "101,\"Mar 2, 2026, 7:00:00 AM\",\"Easy, sunny\",Run,,2000,6.0,Pegasus 40,activities/101.fit.gz\n"
            + "102,\"Mar 3, 2026, 7:00:00 AM\",Commute,Ride,,3000,20.0,,activities/102.fit.gz\n";
        _folder.Write("export_1.zip", Archives.Zip(
            ("activities.csv", Archives.Text(csv)),
            ("activities/101.fit.gz", Archives.Gzip(ImportFixtures.FitRun(0))),
            ("activities/102.fit.gz", Archives.Gzip(ImportFixtures.FitRide(1)))));

        var summary = await Import(_folder.PathOf("export_1.zip"));

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.NotRunning);
        var run = _store.ListActivities(sport: Sport.Running).Single();
        var loaded = _store.LoadActivity(run.Id)!;
        Assert.Equal("Easy, sunny", loaded.Name);
        Assert.Equal("Pegasus 40", loaded.Gear);
        Assert.EndsWith("export_1.zip!activities/101.fit.gz", loaded.Source.Path);
    }

    [Fact]
    public async Task A_garmin_export_with_nested_zips_is_imported()
    {
        var part = Archives.Zip(("run1.fit", ImportFixtures.FitRun(0)), ("run2.fit", ImportFixtures.FitRun(1)));
        _folder.Write("garmin.zip", Archives.Zip(("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part)));

        var summary = await Import(_folder.PathOf("garmin.zip"));

        Assert.Equal(2, summary.Imported);
        Assert.Empty(summary.Failed);
    }

    [Fact]
    public async Task A_missing_path_is_a_failure_not_a_crash()
    {
        var summary = await Import(_folder.PathOf("nowhere"));

        Assert.True(summary.NothingImported);
        Assert.Single(summary.Failed);
    }

    [Fact]
    public void Strava_types_fill_in_a_sport_the_file_left_open_but_never_override_it()
    {
        var other = ImportFixtures.Run(0) with { Sport = Sport.Other, SubSport = SubSport.Generic };
        var hints = new ActivityHints("1", "Hill reps", "Trail Run", "Speedgoat", null);

        var filled = ActivityImporter.WithHints(other, hints);
        var kept = ActivityImporter.WithHints(other with { Sport = Sport.Cycling }, hints);

        Assert.Equal(Sport.Running, filled.Sport);
        Assert.Equal(SubSport.Trail, filled.SubSport);

        // Its cadence was read as an unknown sport's raw counts; naming the sport later does not make them steps.
        Assert.Equal(CadenceUnit.CyclesPerMinute, filled.CadenceUnit);
        Assert.Equal(Sport.Cycling, kept.Sport);
        Assert.Equal("Speedgoat", kept.Gear);
    }

    [Fact]
    public async Task A_database_failure_stops_the_import_with_that_error_instead_of_hanging()
    {
        for (var day = 0; day < 80; day++)
        {
            _folder.Write($"runs/run{day}.fit", ImportFixtures.FitRun(day));
        }

        // Break the database under the importer: every insert now fails.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.PathOf("test.db")}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE activity_streams;";
            drop.ExecuteNonQuery();
        }

        var import = Import(_folder.PathOf("runs"));

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => import.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Equal(0, _store.Count());
    }
}
