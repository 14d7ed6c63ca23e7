using System.Security.Cryptography;
using System.Text;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>An account as stored. <see cref="PasswordHash"/> is the hasher's output, never a password.</summary>
/// <param name="RunnerId">The runner whose data an athlete's account owns; null for clinicians and admins.</param>
/// <param name="SecurityStamp">Changes with every password change (a value a signed-in identity can be checked against).</param>
public sealed record StoredAccount(long Id, string Email, string PasswordHash, AccountRole Role, long? RunnerId, string SecurityStamp, DateTimeOffset Created);

/// <summary>An API token as listed: never the token itself (only its hash is stored).</summary>
public sealed record StoredApiToken(long Id, string Name, DateTimeOffset Created);

/// <summary>A session or token's account with the session's times, as one lookup returns them.</summary>
public sealed record StoredSession(StoredAccount Account, DateTimeOffset Created, DateTimeOffset LastSeen, DateTimeOffset Expires);

/// <summary>
/// Accounts, their sessions and API tokens, failed sign-ins, data-protection keys and the server's settings: the shared
/// tables of a server with sign-in (migration 9). Secrets handed out (session and API tokens) are made here and only their
/// SHA-256 is stored, so a copy of the database signs nobody in.
/// </summary>
/// <remarks>
/// Every lookup goes to the database, nothing is cached, so several server processes on one database agree at once: a
/// session deleted or a password changed by one is seen by the others on their next request.
/// </remarks>
public sealed class AccountStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    private const string AccountColumns =
        "a.id AS Id, a.email AS Email, a.password_hash AS PasswordHash, a.role AS Role, a.runner_id AS RunnerId, a.security_stamp AS SecurityStamp, a.created_at_unix_ms AS Created";

    /// <summary>Creates an account; an athlete gets a new runner of its own in the same transaction.</summary>
    /// <returns>The account, or null when an account with that e-mail address (in any letter case) exists already.</returns>
    public StoredAccount? Create(string email, string passwordHash, AccountRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        var now = Now();
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (connection.ExecuteScalar<long?>("SELECT id FROM accounts WHERE email_normalized = @Email", new { Email = EmailRule.Normalize(email) }, transaction) is not null)
        {
            return null;
        }

        long? runnerId = role == AccountRole.Athlete
            ? connection.ExecuteScalar<long>("INSERT INTO runners (created_at_unix_ms) VALUES (@Now) RETURNING id", new { Now = now }, transaction)
            : null;
        var id = connection.ExecuteScalar<long?>(
            """
            INSERT INTO accounts (email, email_normalized, password_hash, role, runner_id, security_stamp, created_at_unix_ms)
            VALUES (@Email, @Normalized, @Hash, @Role, @RunnerId, @Stamp, @Now)
            ON CONFLICT (email_normalized) DO NOTHING RETURNING id
            """,
            new { Email = email.Trim(), Normalized = EmailRule.Normalize(email), Hash = passwordHash, Role = AccountRoles.Name(role), RunnerId = runnerId, Stamp = NewStamp(), Now = now },
            transaction);
        if (id is null)
        {
            // Another process created it between the check and the insert: nothing of ours (the runner) is kept.
            transaction.Rollback();
            return null;
        }

        transaction.Commit();
        return Find(id.Value);
    }

    public StoredAccount? Find(long id)
    {
        using var connection = _database.OpenConnection();
        return connection.QuerySingleOrDefault<AccountRow>($"SELECT {AccountColumns} FROM accounts a WHERE a.id = @Id", new { Id = id })?.ToAccount();
    }

    /// <summary>The account with this address, in any letter case.</summary>
    public StoredAccount? FindByEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var connection = _database.OpenConnection();
        return connection.QuerySingleOrDefault<AccountRow>(
            $"SELECT {AccountColumns} FROM accounts a WHERE a.email_normalized = @Email", new { Email = EmailRule.Normalize(email) })?.ToAccount();
    }

    /// <summary>Every account, oldest first.</summary>
    public IReadOnlyList<StoredAccount> List()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<AccountRow>($"SELECT {AccountColumns} FROM accounts a ORDER BY a.id").Select(r => r.ToAccount()).ToList();
    }

    /// <summary>
    /// Replaces the password hash and the security stamp, and ends every session and API token of the account, in one
    /// transaction: whoever knew the old password (or held a session made with it) is out at once.
    /// </summary>
    /// <returns>False when there is no such account.</returns>
    public bool ChangePassword(long accountId, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var changed = connection.Execute(
            "UPDATE accounts SET password_hash = @Hash, security_stamp = @Stamp WHERE id = @Id",
            new { Id = accountId, Hash = passwordHash, Stamp = NewStamp() }, transaction) > 0;
        connection.Execute("DELETE FROM sessions WHERE account_id = @Id", new { Id = accountId }, transaction);
        connection.Execute("DELETE FROM api_tokens WHERE account_id = @Id", new { Id = accountId }, transaction);
        transaction.Commit();
        return changed;
    }

    /// <summary>
    /// Erases an athlete's account and everything of theirs, in one transaction: the account (its sessions and tokens with
    /// it), its failed sign-ins, and the runner with every row it owns (activities, uploads, journal, shares, audit,
    /// clinicians' visits). Left behind: a deletion record of a random id and the time, and for each clinician the runner
    /// shared with, a pointer from that clinician to the record, so their list can say a runner left.
    /// </summary>
    /// <returns>False when there is no such account or it is not an athlete's (clinicians and admins own no runner data).</returns>
    public bool DeleteAthlete(long accountId)
    {
        using var connection = _database.OpenConnection();
        // The write lock: no import of this runner can be half-way through a store when the runner goes.
        using var transaction = _database.BeginWrite(connection);
        var account = connection.QuerySingleOrDefault<AccountRow>($"SELECT {AccountColumns} FROM accounts a WHERE a.id = @Id", new { Id = accountId }, transaction)?.ToAccount();
        if (account is not { Role: AccountRole.Athlete, RunnerId: { } runner })
        {
            return false;
        }

        var deletion = NewToken();
        connection.Execute("INSERT INTO account_deletions (id, deleted_at_unix_ms) VALUES (@Id, @Now)", new { Id = deletion, Now = Now() }, transaction);
        connection.Execute(
            "INSERT INTO share_endings (clinician_account_id, deletion_id) SELECT clinician_account_id, @Deletion FROM shares WHERE runner_id = @Runner",
            new { Deletion = deletion, Runner = runner }, transaction);
        connection.Execute("DELETE FROM sign_in_failures WHERE email_normalized = @Email", new { Email = FailureKey(account.Email) }, transaction);
        connection.Execute("DELETE FROM accounts WHERE id = @Id", new { Id = accountId }, transaction);
        connection.Execute("DELETE FROM runners WHERE id = @Runner", new { Runner = runner }, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Replaces a hash the hasher asked to rehash (stronger parameters), without ending anything.</summary>
    public void RehashPassword(long accountId, string passwordHash)
    {
        using var connection = _database.OpenConnection();
        connection.Execute("UPDATE accounts SET password_hash = @Hash WHERE id = @Id", new { Id = accountId, Hash = passwordHash });
    }

    /// <summary>Starts a session that ends <paramref name="lifetime"/> from now at the latest; sessions long dead are swept.</summary>
    /// <param name="idle">How long a session may go unused; sessions idle longer (anyone's) are deleted here.</param>
    /// <returns>The session's token, for the cookie: shown once, only its hash is stored.</returns>
    public string CreateSession(long accountId, TimeSpan lifetime, TimeSpan idle)
    {
        var token = NewToken();
        var now = Now();
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "DELETE FROM sessions WHERE expires_at_unix_ms <= @Now OR last_seen_at_unix_ms <= @IdleSince",
            new { Now = now, IdleSince = now - (long)idle.TotalMilliseconds }, transaction);
        connection.Execute(
            """
            INSERT INTO sessions (id, account_id, created_at_unix_ms, last_seen_at_unix_ms, expires_at_unix_ms)
            VALUES (@Id, @AccountId, @Now, @Now, @Expires)
            """,
            new { Id = Hash(token), AccountId = accountId, Now = now, Expires = now + (long)lifetime.TotalMilliseconds }, transaction);
        transaction.Commit();
        return token;
    }

    /// <summary>
    /// The live session of <paramref name="token"/>: not past its absolute end, not idle for <paramref name="idle"/> or
    /// more. Its last use is moved to now when it is at least <paramref name="touchEvery"/> old (so a busy page costs one
    /// write a minute, not one a request). An expired session is deleted.
    /// </summary>
    public StoredSession? FindSession(string token, TimeSpan idle, TimeSpan touchEvery)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = Now();
        var id = Hash(token);
        using var connection = _database.OpenConnection();
        var row = connection.QuerySingleOrDefault<SessionRow>(
            $"""
            SELECT {AccountColumns}, s.created_at_unix_ms AS SessionCreated, s.last_seen_at_unix_ms AS LastSeen, s.expires_at_unix_ms AS Expires
            FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = @Id
            """,
            new { Id = id });
        if (row is null)
        {
            return null;
        }

        if (row.Expires <= now || row.LastSeen + (long)idle.TotalMilliseconds <= now)
        {
            connection.Execute("DELETE FROM sessions WHERE id = @Id", new { Id = id });
            return null;
        }

        var lastSeen = row.LastSeen;
        if (now - row.LastSeen >= (long)touchEvery.TotalMilliseconds)
        {
            connection.Execute("UPDATE sessions SET last_seen_at_unix_ms = @Now WHERE id = @Id AND last_seen_at_unix_ms < @Now", new { Id = id, Now = now });
            lastSeen = now;
        }

        return new StoredSession(row.ToAccount(), FromUnixMs(row.SessionCreated), FromUnixMs(lastSeen), FromUnixMs(row.Expires));
    }

    /// <summary>Ends one session (signing out); nothing happens for an unknown token.</summary>
    public void DeleteSession(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var connection = _database.OpenConnection();
        connection.Execute("DELETE FROM sessions WHERE id = @Id", new { Id = Hash(token) });
    }

    /// <summary>The number of sessions an account has (live or not yet swept).</summary>
    public int SessionCount(long accountId)
    {
        using var connection = _database.OpenConnection();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM sessions WHERE account_id = @Id", new { Id = accountId });
    }

    /// <summary>Makes an API token for scripts.</summary>
    /// <returns>Its id and the token, shown once: only its hash is stored.</returns>
    public (long Id, string Token) CreateApiToken(long accountId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var token = "cc_" + NewToken();
        using var connection = _database.OpenConnection();
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO api_tokens (account_id, name, token_sha256, created_at_unix_ms) VALUES (@AccountId, @Name, @Hash, @Now) RETURNING id",
            new { AccountId = accountId, Name = name.Trim(), Hash = Hash(token), Now = Now() });
        return (id, token);
    }

    /// <summary>The account's tokens, oldest first, without secrets.</summary>
    public IReadOnlyList<StoredApiToken> ListApiTokens(long accountId)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<(long Id, string Name, long Created)>(
            "SELECT id, name, created_at_unix_ms FROM api_tokens WHERE account_id = @AccountId ORDER BY id", new { AccountId = accountId })
            .Select(r => new StoredApiToken(r.Id, r.Name, FromUnixMs(r.Created)))
            .ToList();
    }

    /// <summary>Revokes (deletes) one of the account's own tokens.</summary>
    /// <returns>False when the account has no token with that id (another account's token included).</returns>
    public bool DeleteApiToken(long accountId, long tokenId)
    {
        using var connection = _database.OpenConnection();
        return connection.Execute("DELETE FROM api_tokens WHERE id = @Id AND account_id = @AccountId", new { Id = tokenId, AccountId = accountId }) > 0;
    }

    /// <summary>The account an API token belongs to, or null for an unknown or revoked token.</summary>
    public StoredAccount? FindByApiToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var connection = _database.OpenConnection();
        return connection.QuerySingleOrDefault<AccountRow>(
            $"SELECT {AccountColumns} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_sha256 = @Hash",
            new { Hash = Hash(token) })?.ToAccount();
    }

    /// <summary>Records a failed sign-in and deletes failures older than <paramref name="window"/> (everyone's).</summary>
    /// <param name="deviceNonce">The device cookie the attempt carried for this account, or null.</param>
    public void RecordSignInFailure(string address, string email, string? deviceNonce, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(email);
        var now = Now();
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM sign_in_failures WHERE at_unix_ms <= @Before", new { Before = now - (long)window.TotalMilliseconds }, transaction);
        connection.Execute(
            "INSERT INTO sign_in_failures (address, email_normalized, device_nonce, at_unix_ms) VALUES (@Address, @Email, @Device, @Now)",
            new { Address = address, Email = FailureKey(email), Device = deviceNonce, Now = now }, transaction);
        transaction.Commit();
    }

    /// <summary>Failed sign-ins within <paramref name="window"/> counted three ways, with the oldest of each (when the count starts to fall).</summary>
    /// <param name="deviceNonce">
    /// With a device cookie valid for the account, the account's count is that device's failures only; without one, the
    /// account's failures that carried no device cookie. So a guesser elsewhere cannot use up the real user's attempts.
    /// </param>
    public SignInFailureCounts CountSignInFailures(string address, string email, string? deviceNonce, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(email);
        var since = Now() - (long)window.TotalMilliseconds;
        using var connection = _database.OpenConnection();
        var byAddress = connection.QuerySingle<(long Count, long? Oldest)>(
            "SELECT COUNT(*), MIN(at_unix_ms) FROM sign_in_failures WHERE address = @Address AND at_unix_ms > @Since", new { Address = address, Since = since });
        var byAccount = deviceNonce is null
            ? connection.QuerySingle<(long Count, long? Oldest)>(
                "SELECT COUNT(*), MIN(at_unix_ms) FROM sign_in_failures WHERE email_normalized = @Email AND device_nonce IS NULL AND at_unix_ms > @Since",
                new { Email = FailureKey(email), Since = since })
            : connection.QuerySingle<(long Count, long? Oldest)>(
                "SELECT COUNT(*), MIN(at_unix_ms) FROM sign_in_failures WHERE device_nonce = @Device AND at_unix_ms > @Since",
                new { Device = deviceNonce, Since = since });
        return new SignInFailureCounts(
            (int)byAddress.Count, byAddress.Oldest is { } a ? FromUnixMs(a) : null,
            (int)byAccount.Count, byAccount.Oldest is { } b ? FromUnixMs(b) : null);
    }

    /// <summary>Whether athletes may create their own accounts (off until an admin switches it on).</summary>
    public bool SelfRegistration
    {
        get
        {
            using var connection = _database.OpenConnection();
            // CASE gives an integer in both databases, whatever the dialect's boolean type.
            return connection.ExecuteScalar<long?>("SELECT CASE WHEN self_registration THEN 1 ELSE 0 END FROM server_settings WHERE id = 1") == 1;
        }

        set
        {
            using var connection = _database.OpenConnection();
            connection.Execute(
                "INSERT INTO server_settings (id, self_registration) VALUES (1, @On) ON CONFLICT (id) DO UPDATE SET self_registration = excluded.self_registration",
                new { On = value });
        }
    }

    /// <summary>Every stored data-protection key's XML, oldest first.</summary>
    public IReadOnlyList<string> DataProtectionKeys()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").ToList();
    }

    /// <summary>Stores a data-protection key; a name stored already keeps its first XML (keys are never rewritten).</summary>
    public void StoreDataProtectionKey(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(friendlyName);
        ArgumentNullException.ThrowIfNull(xml);
        using var connection = _database.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@Name, @Xml) ON CONFLICT (friendly_name) DO NOTHING",
            new { Name = friendlyName, Xml = xml });
    }

    /// <summary>
    /// How a failed sign-in names the address it tried: the SHA-256 of the normalised address, not the address, so the
    /// throttle keeps no one's address in clear (an attempt on a deleted account's address would otherwise store it again).
    /// </summary>
    private static string FailureKey(string email) => Hash(EmailRule.Normalize(email));

    /// <summary>SHA-256 of a secret token, as hex: what the tables keep instead of the token.</summary>
    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>256 random bits, base64url (43 characters).</summary>
    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string NewStamp() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private long Now() => _database.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static AccountRole ParseRole(string text) => AccountRoles.TryParse(text, out var role)
        ? role
        : throw new InvalidDataException($"Unknown account role \"{text}\" in the database.");

    private sealed record AccountRow(long Id, string Email, string PasswordHash, string Role, long? RunnerId, string SecurityStamp, long Created)
    {
        public StoredAccount ToAccount() => new(Id, Email, PasswordHash, ParseRole(Role), RunnerId, SecurityStamp, FromUnixMs(Created));
    }

    private sealed record SessionRow(
        long Id, string Email, string PasswordHash, string Role, long? RunnerId, string SecurityStamp, long Created, long SessionCreated, long LastSeen, long Expires)
    {
        public StoredAccount ToAccount() => new AccountRow(Id, Email, PasswordHash, Role, RunnerId, SecurityStamp, Created).ToAccount();
    }
}

/// <summary>Failed sign-ins within the window: from one address, and against one account (see <see cref="AccountStore.CountSignInFailures"/>).</summary>
public sealed record SignInFailureCounts(int ByAddress, DateTimeOffset? OldestByAddress, int ByAccount, DateTimeOffset? OldestByAccount);
