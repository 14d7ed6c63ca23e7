using Dapper;

namespace CalfCoach.Storage.Tests;

/// <summary>
/// The storage suite on PostgreSQL: one fresh database per test on this process's throwaway cluster
/// (<see cref="PostgresCluster"/>), plus checks only a server database needs.
/// </summary>
public sealed class PostgresStoreTests : StoreTests
{
    private string? _connectionString;

    private DatabaseTarget.Postgres Target => new(_connectionString ??= PostgresCluster.Require().CreateDatabase());

    protected override Database OpenDatabaseCore(TimeProvider timeProvider) => Database.OpenPostgres(Target, timeProvider);

    protected override void DisposeStorage()
    {
        if (_connectionString is not null)
        {
            PostgresCluster.Shared?.DropDatabase(_connectionString);
        }
    }

    private protected override IReadOnlyList<string> Tables(System.Data.Common.DbConnection connection) =>
        connection.Query<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").ToList();

    private protected override IReadOnlyList<string> Columns(System.Data.Common.DbConnection connection, string table) =>
        connection.Query<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @Table",
            new { Table = table }).ToList();

    [Fact]
    public void Every_runner_owned_table_can_be_distributed_by_runner_its_keys_and_foreign_keys_all_hold_the_runner_id()
    {
        // Citus distributes a table by one column, and needs it in the primary key, in every unique key and in every foreign
        // key between distributed tables; the shared tables become reference tables.
        using var connection = OpenDatabase().OpenConnection();
        var constraints = connection.Query<(string Table, string Name, string Type)>(
            """
            SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
            WHERE table_schema = current_schema() AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            """).ToList();
        var columns = connection.Query<(string Name, string Column)>(
            "SELECT constraint_name, column_name FROM information_schema.key_column_usage WHERE table_schema = current_schema()")
            .ToLookup(c => c.Name, c => c.Column);

        var referenced = connection.Query<(string Name, string Table)>(
            "SELECT constraint_name, table_name FROM information_schema.constraint_column_usage WHERE table_schema = current_schema()")
            .ToLookup(c => c.Name, c => c.Table);
        foreach (var table in Migrations.RunnerOwned)
        {
            var own = constraints.Where(c => c.Table == table).ToList();
            Assert.Contains(own, c => c.Type == "PRIMARY KEY");

            // A foreign key into a shared table (a share's clinician account) is one Citus allows from a distributed table to
            // a reference table; every other key must hold the runner's id.
            var intoRunnersData = own.Where(c => c.Type != "FOREIGN KEY" || !referenced[c.Name].All(t => t != table && Migrations.Shared.Contains(t)));
            Assert.All(intoRunnersData, c => Assert.True(columns[c.Name].Contains("runner_id"), $"{table}: {c.Type} {c.Name} lacks runner_id"));
        }

        // A shared (reference) table may point at other shared tables only, never into a runner's data.
        foreach (var key in constraints.Where(c => c.Type == "FOREIGN KEY" && !Migrations.RunnerOwned.Contains(c.Table)))
        {
            Assert.All(referenced[key.Name], target => Assert.True(
                Migrations.Shared.Contains(target), $"shared table {key.Table}'s foreign key {key.Name} points into runners' data ({target})"));
        }
    }

    [Fact]
    public void Two_servers_starting_at_once_on_an_empty_database_migrate_it_once()
    {
        var target = Target;
        using var start = new Barrier(4);

        var opened = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return Database.OpenPostgres(target, Clock);
        }).ToList();

        try
        {
            Assert.All(opened, d => Assert.Equal(Database.LatestSchemaVersion, d.SchemaVersion));
            using var connection = opened[0].OpenConnection();
            Assert.Equal(Migrations.All.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations"));
        }
        finally
        {
            opened.ForEach(d => d.Dispose());
        }
    }

    [Fact]
    public void Concurrent_imports_from_two_servers_on_one_database_store_every_run_once()
    {
        var first = new ActivityStore(OpenDatabase());
        var second = new ActivityStore(OpenDatabase());

        // The same 40 runs from both sides at once, as two servers receiving the same upload would: each run is stored
        // once, because each decision is taken under the write lock.
        Parallel.Invoke(() => InsertMany(first), () => InsertMany(second));

        Assert.Equal(40, first.Count());
        using var connection = OpenDatabase().OpenConnection();
        Assert.Equal(40L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM activity_streams"));

        static void InsertMany(ActivityStore store)
        {
            for (var i = 0; i < 40; i++)
            {
                store.Store(store.Prepare(TestActivities.FullRun($"r{i:d3}", TestActivities.MorningRun.AddDays(i), seconds: 300)));
            }
        }
    }

    [Fact]
    public void The_display_name_names_the_server_and_database_but_never_the_password()
    {
        var withPassword = new DatabaseTarget.Postgres(Target.ConnectionString + ";Password=hunter2-secret");

        Assert.DoesNotContain("hunter2", withPassword.DisplayName, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", withPassword.ToString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", withPassword.DisplayName, StringComparison.Ordinal);
    }
}
