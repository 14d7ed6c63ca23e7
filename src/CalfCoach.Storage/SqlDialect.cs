using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Storage;

/// <summary>
/// Everything that differs between the databases CalfCoach speaks, in one place: column type names and
/// what to run when a connection opens. SQL that both SQLite (3.35+) and PostgreSQL understand, such as
/// <c>INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE SET x = excluded.x</c> and <c>RETURNING</c>, is
/// written once next to its call and needs no entry here.
/// </summary>
/// <remarks>
/// A record of values rather than an interface: a dialect is data, and PostgreSQL (a later issue) becomes
/// a second instance with <c>BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY</c>, <c>DOUBLE PRECISION</c>,
/// <c>BOOLEAN</c>, <c>BYTEA</c> and a repeatable-read snapshot for reads.
/// </remarks>
/// <param name="IdentityPrimaryKey">An auto-assigned 64-bit key that is never reused.</param>
/// <param name="ConnectionSetupSql">Run on every connection as it opens (per-connection settings).</param>
/// <param name="BeginRead">Starts a transaction that reads one consistent snapshot without taking the write lock.</param>
internal sealed record SqlDialect(
    string Name,
    string IdentityPrimaryKey,
    string Int64,
    string Double,
    string Boolean,
    string Text,
    string Blob,
    string ConnectionSetupSql,
    Func<DbConnection, DbTransaction> BeginRead)
{
    /// <summary>How long a writer waits for another writer (another process importing) before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: <c>INTEGER PRIMARY KEY AUTOINCREMENT</c> so ids of replaced or deleted activities are never
    /// handed out again; foreign keys are off by default in SQLite and must be switched on per connection.
    /// Write transactions are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so two writers queue
    /// on the busy timeout instead of deadlocking on a lock upgrade.
    /// </summary>
    public static SqlDialect Sqlite { get; } = new(
        Name: "sqlite",
        IdentityPrimaryKey: "INTEGER PRIMARY KEY AUTOINCREMENT",
        Int64: "INTEGER",
        Double: "REAL",
        Boolean: "INTEGER",
        Text: "TEXT",
        Blob: "BLOB",
        ConnectionSetupSql: $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};",
        BeginRead: connection => ((SqliteConnection)connection).BeginTransaction(deferred: true));
}
