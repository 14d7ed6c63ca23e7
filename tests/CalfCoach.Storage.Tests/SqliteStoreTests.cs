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

    [Fact]
    public void A_database_from_before_cadence_units_is_upgraded_with_each_sports_unit()
    {
        // A version-3 database: the columns and tables of migration 4 and later removed and their versions forgotten.
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("run", Now), out var runId);
        store.TryInsert(TestActivities.MinimalRun("ride", Now.AddDays(1), Sport.Cycling), out var rideId);
        using (var connection = OpenDatabase().OpenConnection())
        {
            ForgetRunnersAndAccounts(connection);
            ForgetCheckInClientIds(connection);
            connection.Execute("ALTER TABLE activities DROP COLUMN not_counted_because");
            connection.Execute("ALTER TABLE activities DROP COLUMN cadence_unit");
            connection.Execute("DROP TABLE task_check_offs");
            connection.Execute("DELETE FROM schema_migrations WHERE version >= 4");
        }

        var upgraded = new ActivityStore(OpenDatabase());

        Assert.Equal(CadenceUnit.StepsPerMinute, upgraded.LoadActivity(runId)!.CadenceUnit);
        Assert.Equal(CadenceUnit.RevolutionsPerMinute, upgraded.LoadActivity(rideId)!.CadenceUnit);
    }

    [Fact]
    public void A_58_day_run_stored_before_plausibility_checks_stops_counting_after_the_upgrade()
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("long", Now) with { ElapsedSeconds = 58 * 86400 }, out var longId);
        store.TryInsert(TestActivities.MinimalRun("ultra", Now.AddDays(100)) with { ElapsedSeconds = 6 * 86400 }, out var ultraId);
        using (var connection = OpenDatabase().OpenConnection())
        {
            ForgetRunnersAndAccounts(connection);
            ForgetCheckInClientIds(connection);
            connection.Execute("ALTER TABLE activities DROP COLUMN not_counted_because");
            connection.Execute("DROP TABLE task_check_offs");
            connection.Execute("DELETE FROM schema_migrations WHERE version >= 5");
        }

        var upgraded = new ActivityStore(OpenDatabase());

        Assert.Contains("more than 14 days", upgraded.LoadActivity(longId)!.NotCountedBecause, StringComparison.Ordinal);
        Assert.Null(upgraded.LoadActivity(ultraId)!.NotCountedBecause);
    }

    [Fact]
    public void Check_ins_stored_before_client_ids_are_kept_and_a_client_id_then_counts_once()
    {
        var journal = new JournalStore(OpenDatabase());
        var day = new DateOnly(2026, 11, 2);
        var old = journal.AddPain(day, 3, false, false, "before");
        using (var connection = OpenDatabase().OpenConnection())
        {
            ForgetRunnersAndAccounts(connection);
            ForgetCheckInClientIds(connection);
            connection.Execute("DELETE FROM schema_migrations WHERE version >= 7");
        }

        var upgraded = new JournalStore(OpenDatabase());
        var sent = upgraded.AddPain(day, 5, false, false, null, clientId: "offline-1");
        upgraded.AddPain(day, 5, false, false, null, clientId: "offline-1");

        Assert.Equal(
            [new StoredPainCheckIn(old, day, 3, false, false, "before"), new StoredPainCheckIn(sent, day, 5, false, false, null, "offline-1")],
            upgraded.Pain(day, day));
    }

    /// <summary>Undoes migrations 8 and 9 (runners, accounts), as a database written before them would be.</summary>
    private static void ForgetRunnersAndAccounts(System.Data.Common.DbConnection connection) => connection.Execute(
        """
        DROP TABLE server_settings; DROP TABLE data_protection_keys; DROP TABLE sign_in_failures; DROP TABLE api_tokens;
        DROP TABLE sessions; DROP TABLE accounts; DROP TABLE runners;
        """);

    /// <summary>Undoes migration 7, as a database written before it would be.</summary>
    private static void ForgetCheckInClientIds(System.Data.Common.DbConnection connection)
    {
        connection.Execute("DROP INDEX ux_pain_check_ins_client_id; DROP INDEX ux_exercise_check_ins_client_id");
        connection.Execute("ALTER TABLE pain_check_ins DROP COLUMN client_id; ALTER TABLE exercise_check_ins DROP COLUMN client_id");
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
