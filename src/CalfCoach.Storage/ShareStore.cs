using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>A runner's share with one clinician, as the runner sees it.</summary>
public sealed record StoredShare(long Id, string ClinicianEmail, ShareAccess Access, DateTimeOffset Created);

/// <summary>
/// The runner's consents (<c>shares</c>, migration 10), on a handle scoped to that runner: made, listed and revoked only by
/// the runner, so a clinician can never grant themselves access. Revoking deletes the row; <see cref="ClinicianAccess"/>
/// reads the table on every request, so a revocation counts at once on every server.
/// </summary>
public sealed class ShareStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>
    /// Shares the runner's data with the clinician account of <paramref name="clinicianEmail"/> (any letter case), or
    /// changes the access of an existing share with them.
    /// </summary>
    /// <returns>
    /// The share; null when no clinician account has that address: an athlete's or an admin's address gives the same null as
    /// an unknown one, so sharing cannot be used to learn who has an account.
    /// </returns>
    public StoredShare? Share(string clinicianEmail, ShareAccess access)
    {
        ArgumentNullException.ThrowIfNull(clinicianEmail);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var clinician = connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM accounts WHERE email_normalized = @Email AND role = 'clinician'", new { Email = EmailRule.Normalize(clinicianEmail) }, transaction);
        if (clinician is null)
        {
            return null;
        }

        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO shares (runner_id, clinician_account_id, access, created_at_unix_ms) VALUES (@Runner, @Clinician, @Access, @Now)
            ON CONFLICT (runner_id, clinician_account_id) DO UPDATE SET access = excluded.access RETURNING id
            """,
            new { Runner, Clinician = clinician, Access = ShareAccesses.Name(access), Now = _database.Time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        transaction.Commit();
        return List().Single(s => s.Id == id);
    }

    /// <summary>The runner's shares, oldest first.</summary>
    public IReadOnlyList<StoredShare> List()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<(long Id, string Email, string Access, long Created)>(
            """
            SELECT s.id, a.email, s.access, s.created_at_unix_ms FROM shares s JOIN accounts a ON a.id = s.clinician_account_id
            WHERE s.runner_id = @Runner ORDER BY s.id
            """,
            new { Runner })
            .Select(r => new StoredShare(r.Id, r.Email, ParseAccess(r.Access), DateTimeOffset.FromUnixTimeMilliseconds(r.Created)))
            .ToList();
    }

    /// <summary>Revokes one of the runner's shares; at once, for every server on this database.</summary>
    /// <returns>False when the runner has no share with that id (another runner's included).</returns>
    public bool Revoke(long shareId)
    {
        using var connection = _database.OpenConnection();
        return connection.Execute("DELETE FROM shares WHERE runner_id = @Runner AND id = @Id", new { Runner, Id = shareId }) > 0;
    }

    internal static ShareAccess ParseAccess(string text) => ShareAccesses.TryParse(text, out var access)
        ? access
        : throw new InvalidDataException($"Unknown share access \"{text}\" in the database.");

    private long Runner => _database.RunnerKey;
}
