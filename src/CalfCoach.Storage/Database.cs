using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Storage;

/// <summary>
/// A CalfCoach database, migrated to the schema this build knows. Hands out short-lived pooled connections,
/// one per operation, so a <see cref="Database"/> may be shared between threads; two instances (two
/// processes) on the same SQLite file queue their writes on the busy timeout.
/// </summary>
public sealed class Database : IDisposable
{
    private readonly string _connectionString;

    private Database(string connectionString, SqlDialect dialect, TimeProvider timeProvider, string displayName)
    {
        _connectionString = connectionString;
        Dialect = dialect;
        Time = timeProvider;
        DisplayName = displayName;
    }

    /// <summary>The schema version of the opened database, after migration (always <see cref="LatestSchemaVersion"/>).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The newest schema version this build can migrate to.</summary>
    public static int LatestSchemaVersion => Migrations.LatestVersion;

    /// <summary>Where the data lives, for messages (the file path for SQLite).</summary>
    public string DisplayName { get; }

    internal SqlDialect Dialect { get; }

    internal TimeProvider Time { get; }

    /// <summary>Opens (creating if needed) the database at <see cref="StoragePaths.DefaultDatabasePath()"/>.</summary>
    public static Database OpenDefault(TimeProvider? timeProvider = null) =>
        OpenSqlite(StoragePaths.DefaultDatabasePath(), timeProvider);

    /// <summary>
    /// Opens (creating if needed) the SQLite database at <paramref name="path"/> in WAL mode and applies
    /// any migrations it lacks.
    /// </summary>
    /// <exception cref="UnsupportedSchemaVersionException">A newer CalfCoach has written the database.</exception>
    public static Database OpenSqlite(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)SqlDialect.BusyTimeout.TotalSeconds,
        }.ToString();

        var database = new Database(connectionString, SqlDialect.Sqlite, timeProvider ?? TimeProvider.System, fullPath);
        try
        {
            using (var connection = database.OpenConnection())
            {
                // WAL lets readers (a report) run while an import writes; the mode is stored in the file.
                connection.Execute("PRAGMA journal_mode = WAL;");
            }

            database.Migrate();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    internal DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            connection.Execute(Dialect.ConnectionSetupSql);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Migrate()
    {
        using var connection = OpenConnection();
        connection.Execute($"""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version {Dialect.Int64} NOT NULL PRIMARY KEY,
                name {Dialect.Text} NOT NULL,
                applied_at_unix_ms {Dialect.Int64} NOT NULL
            );
            """);

        var current = CurrentVersion(connection, transaction: null);
        if (current > Migrations.LatestVersion)
        {
            throw new UnsupportedSchemaVersionException(DisplayName, current, Migrations.LatestVersion);
        }

        foreach (var migration in Migrations.All)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();

            // Another process may have migrated while we waited for the write lock: look again under it.
            if (CurrentVersion(connection, transaction) >= migration.Version)
            {
                continue;
            }

            connection.Execute(migration.Sql(Dialect), transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at_unix_ms) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = Time.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction);
            transaction.Commit();
        }

        SchemaVersion = CurrentVersion(connection, transaction: null);
    }

    private static int CurrentVersion(DbConnection connection, DbTransaction? transaction) =>
        connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_migrations", transaction: transaction) ?? 0;

    /// <summary>Closes the pooled connections to the file so it can be moved or deleted.</summary>
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
