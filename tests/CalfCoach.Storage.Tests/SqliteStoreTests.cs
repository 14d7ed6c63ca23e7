using CalfCoach.Core.Activities;
using Dapper;

namespace CalfCoach.Storage.Tests;

/// <summary>The storage suite on SQLite: one fresh file per test, plus checks only SQLite needs.</summary>
public sealed class SqliteStoreTests : StoreTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("calfcoach-storage-").FullName;

    private string DatabasePath => Path.Combine(_folder, "calfcoach.db");

    protected override Database OpenDatabaseCore(TimeProvider timeProvider) => Database.OpenSqlite(DatabasePath, timeProvider);

    protected override void DisposeStorage() => Directory.Delete(_folder, recursive: true);

    private protected override IReadOnlyList<string> Tables(System.Data.Common.DbConnection connection) =>
        connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToList();

    private protected override IReadOnlyList<string> Columns(System.Data.Common.DbConnection connection, string table) =>
        connection.Query<string>("SELECT name FROM pragma_table_info(@Table)", new { Table = table }).ToList();

    [Fact]
    public void A_database_file_written_by_the_release_before_runners_keeps_everything_for_the_local_runner()
    {
        // Written by the CLI of the last release before migration 8 (schema 7): three GPX runs imported, two shoes (one
        // assigned to the second run, then retired), a profile in miles, an assessment, two pain check-ins, an exercise
        // and a clinician's visit.
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tests", "CalfCoach.Storage.Tests", "Fixtures", "schema-v7.db"), DatabasePath);

        var database = OpenDatabase();

        Assert.Equal(Database.LatestSchemaVersion, database.SchemaVersion);
        Assert.Equal(RunnerId.Local, database.Runner);
        var activities = new ActivityStore(database).ListActivities();
        Assert.Equal(["Morning run 0", "Morning run 1", "Morning run 2"], activities.Select(a => a.Name));
        Assert.Equal([1L, 2L, 3L], activities.Select(a => a.Id));
        Assert.Equal(ImportOutcome.Imported, new ActivityStore(database).GetFileOutcome(activities[0].Source.ContentSha256)!.Outcome);
        Assert.Equal(8014, new ActivityStore(database).LoadActivity(2)!.DistanceMeters!.Value, 0);
        var profiles = new ProfileStore(database);
        Assert.Equal(["Pegasus 40", "Racers"], profiles.ListShoes().Select(s => s.Name));
        Assert.Equal(new DateOnly(2026, 10, 20), profiles.ListShoes()[1].RetiredOn);
        Assert.Equal(120_000, profiles.ListShoes()[0].StartDistanceMeters);
        Assert.Equal("Racers", profiles.ShoeAssignments()[2]);
        Assert.Contains("\"units\":\"miles\"", profiles.LoadProfileJson(), StringComparison.Ordinal);
        Assert.Equal(3, profiles.LoadFeatures().Count);
        var journal = new JournalStore(database);
        var assessment = Assert.Single(journal.Assessments(new DateOnly(2026, 12, 31)));
        Assert.Equal((new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 9)), (assessment.AsOf, assessment.Onset));
        var all = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal([(4, true), (2, false)], journal.Pain(all.Item1, all.Item2).Select(p => (p.Score, p.Morning)));
        Assert.Equal("heel-drops-straight-knee", Assert.Single(journal.Exercises(all.Item1, all.Item2)).Name);
        Assert.Equal("seen by physio", Assert.Single(journal.ClinicianReviews(all.Item1, all.Item2)).Note);

        // New rows continue the old ids: nothing a runner wrote down can be confused with a new row.
        Assert.Equal(3, profiles.AddShoe("Novablast", new DateOnly(2026, 11, 1), 0));
        Assert.True(new ActivityStore(database).TryInsert(TestActivities.MinimalRun("new", Now), out var newId));
        Assert.Equal(4, newId);
        Assert.Equal(3, journal.AddPain(new DateOnly(2026, 11, 2), 1, false, false, null));
    }

    /// <summary>A database as the release that knew only migrations 1 to <paramref name="version"/> left it.</summary>
    private Database OpenAsOfVersion(int version) => Database.OpenSqlite(DatabasePath, Clock, version);

    /// <summary>An activities row as releases before migration 8 wrote it (no runner), with the columns every version has.</summary>
    private static void InsertOldActivity(System.Data.Common.DbConnection connection, string hash, string sport, double elapsedSeconds) =>
        connection.Execute(
            """
            INSERT INTO activities (content_sha256, source_format, source_path, start_unix_ms, sport, sub_sport, elapsed_s,
                is_partial, problems_json, sample_count, richness, imported_at_unix_ms)
            VALUES (@Hash, 'gpx', @Path, @Start, @Sport, 'generic', @Elapsed, 0, '[]', 0, 0, 0)
            """,
            new { Hash = hash, Path = hash + ".gpx", Start = Now.ToUnixTimeMilliseconds(), Sport = sport, Elapsed = elapsedSeconds });

    private static long IdOf(System.Data.Common.DbConnection connection, string hash) =>
        connection.ExecuteScalar<long>("SELECT id FROM activities WHERE content_sha256 = @Hash", new { Hash = hash });

    [Fact]
    public void A_database_from_before_cadence_units_is_upgraded_with_each_sports_unit()
    {
        long runId, rideId;
        using (var connection = OpenAsOfVersion(3).OpenConnection())
        {
            InsertOldActivity(connection, "run", "running", 1800);
            InsertOldActivity(connection, "ride", "cycling", 3600);
            (runId, rideId) = (IdOf(connection, "run"), IdOf(connection, "ride"));
        }

        var upgraded = new ActivityStore(OpenDatabase());

        Assert.Equal(CadenceUnit.StepsPerMinute, upgraded.LoadActivity(runId)!.CadenceUnit);
        Assert.Equal(CadenceUnit.RevolutionsPerMinute, upgraded.LoadActivity(rideId)!.CadenceUnit);
    }

    [Fact]
    public void A_58_day_run_stored_before_plausibility_checks_stops_counting_after_the_upgrade()
    {
        long longId, ultraId;
        using (var connection = OpenAsOfVersion(4).OpenConnection())
        {
            InsertOldActivity(connection, "long", "running", 58 * 86400);
            InsertOldActivity(connection, "ultra", "running", 6 * 86400);
            (longId, ultraId) = (IdOf(connection, "long"), IdOf(connection, "ultra"));
        }

        var upgraded = new ActivityStore(OpenDatabase());

        Assert.Contains("more than 14 days", upgraded.LoadActivity(longId)!.NotCountedBecause, StringComparison.Ordinal);
        Assert.Null(upgraded.LoadActivity(ultraId)!.NotCountedBecause);
    }

    [Fact]
    public void Check_ins_stored_before_client_ids_are_kept_and_a_client_id_then_counts_once()
    {
        var day = new DateOnly(2026, 11, 2);
        long old;
        using (var connection = OpenAsOfVersion(6).OpenConnection())
        {
            old = connection.ExecuteScalar<long>(
                "INSERT INTO pain_check_ins (day, score, at_rest, morning, note, recorded_at_unix_ms) VALUES ('2026-11-02', 3, 0, 0, 'before', 0) RETURNING id");
        }

        var upgraded = new JournalStore(OpenDatabase());
        var sent = upgraded.AddPain(day, 5, false, false, null, clientId: "offline-1");
        upgraded.AddPain(day, 5, false, false, null, clientId: "offline-1");

        Assert.Equal(
            [new StoredPainCheckIn(old, day, 3, false, false, "before"), new StoredPainCheckIn(sent, day, 5, false, false, null, "offline-1")],
            upgraded.Pain(day, day));
    }

    [Fact]
    public void Database_is_in_WAL_mode_with_foreign_keys_on()
    {
        using var connection = OpenDatabase().OpenConnection();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
    }

    [Fact]
    public void Concurrent_imports_from_two_databases_on_one_file_leave_it_consistent()
    {
        var first = new ActivityStore(OpenDatabase());
        var second = new ActivityStore(OpenDatabase());

        Parallel.Invoke(
            () => InsertMany(first, "a"),
            () => InsertMany(second, "b"));

        Assert.Equal(80, first.Count());
        using var connection = OpenDatabase().OpenConnection();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal(80L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM activity_streams"));

        static void InsertMany(ActivityStore store, string prefix)
        {
            for (var i = 0; i < 40; i++)
            {
                var activity = TestActivities.FullRun($"{prefix}{i:d3}", TestActivities.MorningRun.AddDays(i), seconds: 300);
                Assert.True(store.TryInsert(activity, out _));
            }
        }
    }

    [Fact]
    public async Task A_writer_waits_for_another_process_holding_the_write_lock_instead_of_failing()
    {
        var store = new ActivityStore(OpenDatabase());
        using var blocker = OpenDatabase().OpenConnection();
        using var transaction = blocker.BeginTransaction();
        blocker.Execute("UPDATE schema_migrations SET name = name", transaction: transaction);

        var insert = Task.Run(() => store.TryInsert(TestActivities.MinimalRun("c1", Now), out _), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(insert.IsCompleted);
        transaction.Commit();

        Assert.True(await insert);
        Assert.Equal(1, store.Count());
    }
}
