using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Storage;

/// <summary>
/// Everything that differs between the databases CalfCoach speaks, in one place: column type names and
/// how transactions begin. SQL that both SQLite (3.44+) and PostgreSQL understand, such as
/// <c>INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE SET x = excluded.x</c>, <c>RETURNING</c>,
/// <c>COALESCE</c> and <c>string_agg(x, ',' ORDER BY …)</c>, is written once next to its call and needs no entry here.
/// </summary>
/// <remarks>A record of values rather than an interface: a dialect is data.</remarks>
/// <param name="IdentityPrimaryKey">An auto-assigned 64-bit key that is never reused.</param>
/// <param name="OwnedId">
/// The <c>id</c> column of a runner-owned table: auto-assigned, never reused, unique across runners. Its key is
/// <paramref name="OwnedKey"/>, which starts with the runner's id.
/// </param>
/// <param name="OwnedKey">
/// The table constraint that makes <c>(runner_id, id)</c> the key foreign keys point at. PostgreSQL: the primary key, so the
/// table can be distributed by runner (Citus requires the distribution column in every primary and unique key). SQLite: a
/// unique key, since an auto-incremented id must be SQLite's one-column primary key.
/// </param>
/// <param name="CarryIdentity">
/// SQL that makes a rebuilt table's id counter continue where the old table's stopped (arguments: new table, old table),
/// so ids of deleted rows are not handed out again after a migration that copies rows with their ids.
/// </param>
/// <param name="ConnectionSetupSql">Run on every connection as it opens (per-connection settings); empty for none.</param>
/// <param name="BeginRead">Starts a transaction that reads one consistent snapshot without taking the write lock.</param>
/// <param name="BeginWrite">
/// Starts a transaction that holds the database's write lock until it ends, so a decision read inside it (is this run
/// stored already?) still holds when the write commits, whichever process writes at the same time.
/// </param>
/// <param name="LockMigrations">Takes a lock (on the open connection) that one process at a time holds while it migrates.</param>
/// <param name="UnlockMigrations">Releases what <paramref name="LockMigrations"/> took.</param>
internal sealed record SqlDialect(
    string Name,
    string IdentityPrimaryKey,
    string OwnedId,
    string OwnedKey,
    Func<string, string, string> CarryIdentity,
    string Int64,
    string Double,
    string Boolean,
    string Text,
    string Blob,
    string ConnectionSetupSql,
    Func<DbConnection, DbTransaction> BeginRead,
    Func<DbConnection, DbTransaction> BeginWrite,
    Action<DbConnection> LockMigrations,
    Action<DbConnection> UnlockMigrations)
{
    /// <summary>How long a writer waits for another writer (another process importing) before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: <c>INTEGER PRIMARY KEY AUTOINCREMENT</c> so ids of replaced or deleted activities are never
    /// handed out again; foreign keys are off by default in SQLite and must be switched on per connection.
    /// Write transactions are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so two writers queue
    /// on the busy timeout instead of deadlocking on a lock upgrade; the same lock serialises migrations.
    /// </summary>
    public static SqlDialect Sqlite { get; } = new(
        Name: "sqlite",
        IdentityPrimaryKey: "INTEGER PRIMARY KEY AUTOINCREMENT",
        OwnedId: "INTEGER PRIMARY KEY AUTOINCREMENT",
        OwnedKey: "UNIQUE (runner_id, id)",
        // AUTOINCREMENT keeps each table's highest id ever handed out in sqlite_sequence; a rename carries the old row
        // along under the old table's new name, and the copy's explicit ids start the new table's row.
        CarryIdentity: (table, old) => $"""
            INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}');
            UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{old}'), 0)) WHERE name = '{table}';
            """,
        Int64: "INTEGER",
        Double: "REAL",
        Boolean: "INTEGER",
        Text: "TEXT",
        Blob: "BLOB",
        ConnectionSetupSql: $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};",
        BeginRead: connection => ((SqliteConnection)connection).BeginTransaction(deferred: true),
        BeginWrite: connection => connection.BeginTransaction(),
        LockMigrations: _ => { },
        UnlockMigrations: _ => { });

    /// <summary>
    /// PostgreSQL: identity columns that are never reused, <c>DOUBLE PRECISION</c>, <c>BYTEA</c>. Readers take a
    /// repeatable-read snapshot; writers take a transaction-scoped advisory lock (released at commit or rollback), the
    /// counterpart of SQLite's single writer, so two servers importing the same run decide one after the other.
    /// Migrations take a session-scoped advisory lock, so two servers starting at once on an empty database do not
    /// both create the tables.
    /// </summary>
    public static SqlDialect Postgres { get; } = new(
        Name: "postgresql",
        IdentityPrimaryKey: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        // BY DEFAULT, not ALWAYS: a migration that rebuilds a table copies its rows with their ids. CalfCoach itself
        // never writes an id into these columns.
        OwnedId: "BIGINT GENERATED BY DEFAULT AS IDENTITY",
        OwnedKey: "PRIMARY KEY (runner_id, id)",
        CarryIdentity: (table, old) => $"""
            SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST(
                (SELECT COALESCE(MAX(id), 0) FROM {table}),
                COALESCE(pg_sequence_last_value(pg_get_serial_sequence('{old}', 'id')::regclass), 0)) + 1, false);
            """,
        Int64: "BIGINT",
        Double: "DOUBLE PRECISION",
        Boolean: "BOOLEAN",
        Text: "TEXT",
        Blob: "BYTEA",
        ConnectionSetupSql: "",
        BeginRead: connection => connection.BeginTransaction(IsolationLevel.RepeatableRead),
        BeginWrite: connection =>
        {
            var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLocks.Write }, transaction);
            return transaction;
        },
        LockMigrations: connection => connection.Execute("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLocks.Migrations }),
        UnlockMigrations: connection => connection.Execute("SELECT pg_advisory_unlock(@Key)", new { Key = AdvisoryLocks.Migrations }));

    /// <summary>Advisory lock keys: arbitrary constants, distinct so that a migration never waits for an import.</summary>
    private static class AdvisoryLocks
    {
        public const long Migrations = 0x43616C66_0001; // "Calf" + 1
        public const long Write = 0x43616C66_0002;
    }
}
