using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CalfCoach.Storage;

/// <summary>
/// A CalfCoach database, migrated to the schema this build knows. Hands out short-lived pooled connections,
/// one per operation, so a <see cref="Database"/> may be shared between threads; two instances (two
/// processes) on the same SQLite file queue their writes on the busy timeout, and on one PostgreSQL database
/// on an advisory lock (<see cref="SqlDialect.BeginWrite"/>).
/// </summary>
public sealed class Database : IDisposable
{
    private readonly Func<DbConnection> _newConnection;
    private readonly Action _closePool;

    private Database(Func<DbConnection> newConnection, Action closePool, SqlDialect dialect, TimeProvider timeProvider, string displayName)
    {
        _newConnection = newConnection;
        _closePool = closePool;
        Dialect = dialect;
        Time = timeProvider;
        DisplayName = displayName;
        Runner = RunnerId.Local;
    }

    /// <summary>A view of <paramref name="root"/>'s pool scoped to another runner (or to none); disposing it closes nothing.</summary>
    private Database(Database root, RunnerId? runner)
    {
        _newConnection = root._newConnection;
        _closePool = static () => { };
        Dialect = root.Dialect;
        Time = root.Time;
        DisplayName = root.DisplayName;
        SchemaVersion = root.SchemaVersion;
        Runner = runner;
    }

    /// <summary>
    /// The runner every store on this database reads and writes for; null for a server's shared handle, on which the
    /// stores refuse to run until <see cref="ForRunner"/> names one. Opening a database scopes it to
    /// <see cref="RunnerId.Local"/>, the runner of a local file.
    /// </summary>
    public RunnerId? Runner { get; }

    /// <summary>The same database (the same pool) with every store scoped to <paramref name="runner"/>.</summary>
    public Database ForRunner(RunnerId runner) => new(this, runner);

    /// <summary>The same database scoped to no runner: a server's handle, from which each request takes <see cref="ForRunner"/>.</summary>
    public Database WithoutRunner() => new(this, runner: null);

    /// <summary>Adds a runner (a new account's data space) and returns its id.</summary>
    public RunnerId AddRunner()
    {
        using var connection = OpenConnection();
        return new RunnerId(connection.ExecuteScalar<long>(
            "INSERT INTO runners (created_at_unix_ms) VALUES (@Now) RETURNING id", new { Now = Time.GetUtcNow().ToUnixTimeMilliseconds() }));
    }

    /// <summary>The runner's id, for the stores' statements.</summary>
    /// <exception cref="InvalidOperationException">This handle is scoped to no runner.</exception>
    internal long RunnerKey =>
        Runner?.Value ?? throw new InvalidOperationException("This database handle is scoped to no runner; take ForRunner(runner) for the signed-in runner first.");

    /// <summary>The schema version of the opened database, after migration (always <see cref="LatestSchemaVersion"/>).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The newest schema version this build can migrate to.</summary>
    public static int LatestSchemaVersion => Migrations.LatestVersion;

    /// <summary>Where the data lives, for messages (the file path for SQLite; server and database, never a password, for PostgreSQL).</summary>
    public string DisplayName { get; }

    internal SqlDialect Dialect { get; }

    internal TimeProvider Time { get; }

    /// <summary>True on a PostgreSQL server, false on a local SQLite file.</summary>
    public bool IsServerDatabase => Dialect == SqlDialect.Postgres;

    /// <summary>Opens (creating if needed) the database named by <see cref="DatabaseTarget.Default()"/>.</summary>
    public static Database OpenDefault(TimeProvider? timeProvider = null) => Open(DatabaseTarget.Default(), timeProvider);

    /// <summary>Opens the database <paramref name="target"/> names and applies any migrations it lacks.</summary>
    /// <exception cref="UnsupportedSchemaVersionException">A newer CalfCoach has written the database.</exception>
    public static Database Open(DatabaseTarget target, TimeProvider? timeProvider = null) => target switch
    {
        DatabaseTarget.SqliteFile file => OpenSqlite(file.Path, timeProvider),
        DatabaseTarget.Postgres postgres => OpenPostgres(postgres, timeProvider),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>
    /// Opens the PostgreSQL database (which must exist; CalfCoach creates its tables, not the database) and applies any
    /// migrations it lacks, one server at a time.
    /// </summary>
    /// <exception cref="UnsupportedSchemaVersionException">A newer CalfCoach has written the database.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public static Database OpenPostgres(DatabaseTarget.Postgres target, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        var database = new Database(
            dataSource.CreateConnection,
            dataSource.Dispose,
            SqlDialect.Postgres,
            timeProvider ?? TimeProvider.System,
            target.DisplayName);
        try
        {
            database.Migrate(Migrations.LatestVersion);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens (creating if needed) the SQLite database at <paramref name="path"/> in WAL mode and applies
    /// any migrations it lacks.
    /// </summary>
    /// <exception cref="UnsupportedSchemaVersionException">A newer CalfCoach has written the database.</exception>
    public static Database OpenSqlite(string path, TimeProvider? timeProvider = null) =>
        OpenSqlite(path, timeProvider, Migrations.LatestVersion);

    /// <summary>Opens the SQLite file migrated only up to <paramref name="version"/>: the tests' way to write a database as an older release would have.</summary>
    internal static Database OpenSqlite(string path, TimeProvider? timeProvider, int version)
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

        var database = new Database(
            () => new SqliteConnection(connectionString),
            () => SqliteConnection.ClearPool(new SqliteConnection(connectionString)),
            SqlDialect.Sqlite,
            timeProvider ?? TimeProvider.System,
            fullPath);
        try
        {
            using (var connection = database.OpenConnection())
            {
                // WAL lets readers (a report) run while an import writes; the mode is stored in the file.
                connection.Execute("PRAGMA journal_mode = WAL;");
            }

            database.Migrate(version);
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
        var connection = _newConnection();
        try
        {
            connection.Open();
            if (Dialect.ConnectionSetupSql.Length > 0)
            {
                connection.Execute(Dialect.ConnectionSetupSql);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Starts a transaction that holds the write lock until it ends (see <see cref="SqlDialect.BeginWrite"/>).</summary>
    internal DbTransaction BeginWrite(DbConnection connection) => Dialect.BeginWrite(connection);

    private void Migrate(int upTo)
    {
        using var connection = OpenConnection();
        Dialect.LockMigrations(connection);
        try
        {
            MigrateLocked(connection, upTo);
        }
        finally
        {
            Dialect.UnlockMigrations(connection);
        }
    }

    private void MigrateLocked(DbConnection connection, int upTo)
    {
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

        // Each migration not yet recorded, not merely those above the highest: versions may skip a number another branch
        // has reserved (10), and when that one arrives it must still run on a database that already has the ones after it.
        foreach (var migration in Migrations.All)
        {
            if (migration.Version > upTo || IsApplied(connection, transaction: null, migration.Version))
            {
                continue;
            }

            using var transaction = BeginWrite(connection);

            // Another process may have migrated while we waited for the write lock: look again under it.
            if (IsApplied(connection, transaction, migration.Version))
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

    private static bool IsApplied(DbConnection connection, DbTransaction? transaction, int version) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { Version = version }, transaction) > 0;

    private static int CurrentVersion(DbConnection connection, DbTransaction? transaction) =>
        connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_migrations", transaction: transaction) ?? 0;

    /// <summary>Closes the pooled connections (for SQLite, so the file can be moved or deleted).</summary>
    public void Dispose() => _closePool();
}
