using CalfCoach.Core.Accounts;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>Whoever other than the runner reads or changes the runner's data, as the audit records them.</summary>
public sealed record AuditActor(long AccountId, string Email, AccountRole Role);

/// <summary>A runner who shares with a clinician, as the clinician's list shows them.</summary>
/// <param name="Email">The runner's account address: what the clinician knows them by.</param>
public sealed record SharedRunner(RunnerId Runner, string Email, ShareAccess Access, DateTimeOffset SharedAt);

/// <summary>A runner's data opened for a clinician under a share: a handle scoped to that runner, what the share allows, and the runner's address.</summary>
public sealed record SharedRunnerData(Database Database, ShareAccess Access, string Email);

/// <summary>
/// The only way a clinician reaches a runner's data. <see cref="Open"/> looks the share up on every call (nothing is
/// cached, so a revocation counts at once) and records the access in the runner's audit in the same transaction, before any
/// of the data is read: an endpoint cannot forget the check or the audit, because without <see cref="Open"/> it has no
/// handle on the runner's rows.
/// </summary>
public sealed class ClinicianAccess(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>The runners who share with <paramref name="clinicianAccountId"/>, in the order they shared.</summary>
    public IReadOnlyList<SharedRunner> Roster(long clinicianAccountId)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<(long Runner, string Email, string Access, long Created)>(
            """
            SELECT s.runner_id, a.email, s.access, s.created_at_unix_ms FROM shares s JOIN accounts a ON a.runner_id = s.runner_id
            WHERE s.clinician_account_id = @Clinician ORDER BY s.created_at_unix_ms, s.runner_id
            """,
            new { Clinician = clinicianAccountId })
            .Select(r => new SharedRunner(new RunnerId(r.Runner), r.Email, ShareStore.ParseAccess(r.Access), DateTimeOffset.FromUnixTimeMilliseconds(r.Created)))
            .ToList();
    }

    /// <summary>When runners who shared with the clinician deleted their accounts (nothing else of them is kept), newest first.</summary>
    public IReadOnlyList<DateTimeOffset> DeletedRunners(long clinicianAccountId)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<long>(
            """
            SELECT d.deleted_at_unix_ms FROM share_endings e JOIN account_deletions d ON d.id = e.deletion_id
            WHERE e.clinician_account_id = @Clinician ORDER BY d.deleted_at_unix_ms DESC
            """,
            new { Clinician = clinicianAccountId })
            .Select(DateTimeOffset.FromUnixTimeMilliseconds)
            .ToList();
    }

    /// <summary>Whether <paramref name="runner"/> shares with <paramref name="clinician"/> at <paramref name="needed"/> access or more; nothing is recorded.</summary>
    public bool Allows(AuditActor clinician, RunnerId runner, ShareAccess needed)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        using var connection = _database.OpenConnection();
        return clinician.Role == AccountRole.Clinician
            && connection.QuerySingleOrDefault<string>(
                "SELECT access FROM shares WHERE runner_id = @Runner AND clinician_account_id = @Clinician",
                new { Runner = runner.Value, Clinician = clinician.AccountId }) is { } access
            && ShareStore.ParseAccess(access).Allows(needed);
    }

    /// <summary>
    /// Opens <paramref name="runner"/>'s data for <paramref name="clinician"/> when the runner shares with them at
    /// <paramref name="needed"/> access or more, recording <paramref name="action"/> on <paramref name="resource"/> in the
    /// runner's audit.
    /// </summary>
    /// <returns>Null when there is no such share (never shared, revoked, too little access, or not a clinician): nothing is recorded.</returns>
    public SharedRunnerData? Open(AuditActor clinician, RunnerId runner, ShareAccess needed, string action, string resource)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        if (clinician.Role != AccountRole.Clinician)
        {
            return null;
        }

        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var share = connection.QuerySingleOrDefault<(string Access, string Email)?>(
            """
            SELECT s.access, a.email FROM shares s JOIN accounts a ON a.runner_id = s.runner_id
            WHERE s.runner_id = @Runner AND s.clinician_account_id = @Clinician
            """,
            new { Runner = runner.Value, Clinician = clinician.AccountId }, transaction);
        if (share is not { } found || !ShareStore.ParseAccess(found.Access).Allows(needed))
        {
            return null;
        }

        connection.Execute(
            """
            INSERT INTO audit_events (runner_id, at_unix_ms, actor_account_id, actor_email, actor_role, action, resource)
            VALUES (@Runner, @Now, @Actor, @Email, @Role, @Action, @Resource)
            """,
            new
            {
                Runner = runner.Value,
                Now = _database.Time.GetUtcNow().ToUnixTimeMilliseconds(),
                Actor = clinician.AccountId,
                clinician.Email,
                Role = AccountRoles.Name(clinician.Role),
                Action = action,
                Resource = resource,
            },
            transaction);
        transaction.Commit();
        return new SharedRunnerData(_database.ForRunner(runner), ShareStore.ParseAccess(found.Access), found.Email);
    }
}

/// <summary>One audited read or change of a runner's data by someone else.</summary>
public sealed record StoredAuditEvent(DateTimeOffset At, string ActorEmail, AccountRole ActorRole, string Action, string Resource);

/// <summary>The runner's own audit: who else read or changed their data, newest first (on a handle scoped to the runner).</summary>
public sealed class AuditStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>The newest <paramref name="limit"/> events, newest first.</summary>
    public IReadOnlyList<StoredAuditEvent> List(int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = _database.OpenConnection();
        return connection.Query<(long At, string Email, string Role, string Action, string Resource)>(
            $"""
            SELECT at_unix_ms, actor_email, actor_role, action, resource FROM audit_events
            WHERE runner_id = @Runner ORDER BY at_unix_ms DESC, id DESC LIMIT {limit}
            """,
            new { Runner = _database.RunnerKey })
            .Select(r => new StoredAuditEvent(
                DateTimeOffset.FromUnixTimeMilliseconds(r.At),
                r.Email,
                AccountRoles.TryParse(r.Role, out var role) ? role : throw new InvalidDataException($"Unknown account role \"{r.Role}\" in the audit."),
                r.Action,
                r.Resource))
            .ToList();
    }
}
