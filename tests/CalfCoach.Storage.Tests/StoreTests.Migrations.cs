using Dapper;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    [Fact]
    public void Fresh_database_is_migrated_to_the_latest_version_and_empty()
    {
        var database = OpenDatabase();

        Assert.Equal(Database.LatestSchemaVersion, database.SchemaVersion);
        Assert.Equal(0, new ActivityStore(database).Count());
        using var connection = database.OpenConnection();
        var applied = connection.Query<(long Version, long AppliedAt)>(
            "SELECT version, applied_at_unix_ms FROM schema_migrations ORDER BY version").ToList();
        Assert.Equal(Migrations.All.Select(m => (long)m.Version), applied.Select(a => a.Version));
        Assert.All(applied, a => Assert.Equal(Now.ToUnixTimeMilliseconds(), a.AppliedAt));
    }

    [Fact]
    public void Reopening_a_migrated_database_applies_nothing_and_keeps_the_data()
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("m1", Now), out _);
        Clock.Now = Now.AddDays(1);

        var reopened = OpenDatabase();

        Assert.Equal(Database.LatestSchemaVersion, reopened.SchemaVersion);
        Assert.Equal(1, new ActivityStore(reopened).Count());
        using var connection = reopened.OpenConnection();
        Assert.Equal(Migrations.All.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(Now.ToUnixTimeMilliseconds(), connection.ExecuteScalar<long>("SELECT MAX(applied_at_unix_ms) FROM schema_migrations"));
    }

    [Fact]
    public void Database_written_by_a_newer_CalfCoach_is_refused_with_a_clear_message()
    {
        var newer = Database.LatestSchemaVersion + 1;
        using (var connection = OpenDatabase().OpenConnection())
        {
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at_unix_ms) VALUES (@newer, 'from the future', 0)", new { newer });
        }

        var error = Assert.Throws<UnsupportedSchemaVersionException>(() => OpenDatabase());

        Assert.Equal(newer, error.DatabaseVersion);
        Assert.Equal(Database.LatestSchemaVersion, error.SupportedVersion);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade CalfCoach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_are_numbered_upward_from_one_each_once()
    {
        // Versions may skip a number another branch has reserved (10); they must still rise, so each is applied in order.
        Assert.Equal(1, Migrations.All[0].Version);
        Assert.All(Migrations.All.Zip(Migrations.All.Skip(1)), pair => Assert.True(pair.Second.Version > pair.First.Version, $"{pair.Second.Version} after {pair.First.Version}"));
        Assert.Equal(Database.LatestSchemaVersion, Migrations.All[^1].Version);
    }
}
