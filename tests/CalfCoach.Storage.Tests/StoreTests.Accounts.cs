using CalfCoach.Core.Accounts;
using Dapper;

namespace CalfCoach.Storage.Tests;

/// <summary>Accounts, sessions, API tokens, the sign-in throttle's counts, settings and data-protection keys (migration 9).</summary>
public abstract partial class StoreTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public void An_athlete_gets_a_runner_of_its_own_and_clinicians_and_admins_get_none()
    {
        var accounts = new AccountStore(OpenDatabase());

        var first = accounts.Create("Ann@Example.org", "hash-1", AccountRole.Athlete)!;
        var second = accounts.Create("bo@example.org", "hash-2", AccountRole.Athlete)!;
        var clinician = accounts.Create("cy@example.org", "hash-3", AccountRole.Clinician)!;

        Assert.Equal("Ann@Example.org", first.Email);
        Assert.Equal(AccountRole.Athlete, first.Role);
        Assert.NotNull(first.RunnerId);
        Assert.NotNull(second.RunnerId);
        Assert.NotEqual(first.RunnerId, second.RunnerId);
        Assert.Null(clinician.RunnerId);
        Assert.Equal(Now, first.Created);
        Assert.Equal(["Ann@Example.org", "bo@example.org", "cy@example.org"], accounts.List().Select(a => a.Email));
    }

    [Fact]
    public void An_email_address_is_one_account_in_any_letter_case_and_a_refused_athlete_leaves_no_runner()
    {
        var database = OpenDatabase();
        var accounts = new AccountStore(database);
        using var connection = database.OpenConnection();
        var runnersBefore = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runners");
        accounts.Create("ann@example.org", "hash", AccountRole.Athlete);

        Assert.Null(accounts.Create("  ANN@example.ORG ", "other", AccountRole.Athlete));
        Assert.Equal("hash", accounts.FindByEmail("Ann@Example.Org")!.PasswordHash);
        Assert.Equal(runnersBefore + 1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runners"));
    }

    [Fact]
    public void The_database_refuses_a_role_it_does_not_know_and_an_overlong_address()
    {
        var database = OpenDatabase();
        using var connection = database.OpenConnection();

        Assert.ThrowsAny<System.Data.Common.DbException>(() => connection.Execute(
            "INSERT INTO accounts (email, email_normalized, password_hash, role, security_stamp, created_at_unix_ms) VALUES ('a@b.c', 'a@b.c', 'h', 'root', 's', 0)"));
        var longAddress = new string('a', 250) + "@b.cd";
        Assert.ThrowsAny<System.Data.Common.DbException>(() => connection.Execute(
            "INSERT INTO accounts (email, email_normalized, password_hash, role, security_stamp, created_at_unix_ms) VALUES (@E, @E, 'h', 'admin', 's', 0)",
            new { E = longAddress }));
    }

    [Fact]
    public void A_session_is_found_by_its_token_only_and_its_hash_is_what_is_stored()
    {
        var database = OpenDatabase();
        var accounts = new AccountStore(database);
        var account = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;

        var token = accounts.CreateSession(account.Id, Lifetime, Idle);

        Assert.Equal(account.Id, accounts.FindSession(token, Idle, TimeSpan.FromMinutes(1))!.Account.Id);
        Assert.Null(accounts.FindSession(token + "x", Idle, TimeSpan.FromMinutes(1)));
        using var connection = database.OpenConnection();
        var stored = connection.ExecuteScalar<string>("SELECT id FROM sessions");
        Assert.NotEqual(token, stored);
        Assert.Equal(AccountStore.Hash(token), stored);
        Assert.True(token.Length >= 43);
    }

    [Fact]
    public void A_session_ends_after_30_idle_minutes_and_is_kept_alive_by_use_but_never_past_14_days()
    {
        var accounts = new AccountStore(OpenDatabase());
        var account = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;
        var idler = accounts.CreateSession(account.Id, Lifetime, Idle);
        var busy = accounts.CreateSession(account.Id, Lifetime, Idle);

        Clock.Now += TimeSpan.FromMinutes(29);
        Assert.NotNull(accounts.FindSession(busy, Idle, TimeSpan.FromMinutes(1)));
        Clock.Now += TimeSpan.FromMinutes(2);
        Assert.Null(accounts.FindSession(idler, Idle, TimeSpan.FromMinutes(1)));
        Assert.NotNull(accounts.FindSession(busy, Idle, TimeSpan.FromMinutes(1)));

        // Used every 20 minutes, it lives until its absolute end and not a minute longer.
        while (Clock.Now < Now + Lifetime - TimeSpan.FromMinutes(20))
        {
            Clock.Now += TimeSpan.FromMinutes(20);
            Assert.NotNull(accounts.FindSession(busy, Idle, TimeSpan.FromMinutes(1)));
        }

        Clock.Now = Now + Lifetime;
        Assert.Null(accounts.FindSession(busy, Idle, TimeSpan.FromMinutes(1)));
        Assert.Equal(0, accounts.SessionCount(account.Id));
    }

    [Fact]
    public void A_session_is_touched_at_most_once_a_minute()
    {
        var accounts = new AccountStore(OpenDatabase());
        var account = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;
        var token = accounts.CreateSession(account.Id, Lifetime, Idle);

        Clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(Now, accounts.FindSession(token, Idle, TimeSpan.FromMinutes(1))!.LastSeen);
        Clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(Clock.Now, accounts.FindSession(token, Idle, TimeSpan.FromMinutes(1))!.LastSeen);
    }

    [Fact]
    public void A_password_change_ends_every_session_and_token_of_the_account_only()
    {
        var accounts = new AccountStore(OpenDatabase());
        var ann = accounts.Create("ann@example.org", "old", AccountRole.Athlete)!;
        var bo = accounts.Create("bo@example.org", "bo", AccountRole.Athlete)!;
        var annSession = accounts.CreateSession(ann.Id, Lifetime, Idle);
        var (_, annToken) = accounts.CreateApiToken(ann.Id, "script");
        var boSession = accounts.CreateSession(bo.Id, Lifetime, Idle);
        var (_, boToken) = accounts.CreateApiToken(bo.Id, "script");

        Assert.True(accounts.ChangePassword(ann.Id, "new"));

        Assert.Null(accounts.FindSession(annSession, Idle, TimeSpan.FromMinutes(1)));
        Assert.Null(accounts.FindByApiToken(annToken));
        Assert.Equal("new", accounts.Find(ann.Id)!.PasswordHash);
        Assert.NotEqual(ann.SecurityStamp, accounts.Find(ann.Id)!.SecurityStamp);
        Assert.NotNull(accounts.FindSession(boSession, Idle, TimeSpan.FromMinutes(1)));
        Assert.NotNull(accounts.FindByApiToken(boToken));
        Assert.False(accounts.ChangePassword(9999, "x"));
    }

    [Fact]
    public void Api_tokens_are_listed_without_secrets_and_revoked_only_by_their_own_account()
    {
        var accounts = new AccountStore(OpenDatabase());
        var ann = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;
        var bo = accounts.Create("bo@example.org", "hash", AccountRole.Athlete)!;

        var (laptopId, laptop) = accounts.CreateApiToken(ann.Id, " laptop ");
        var (phoneId, _) = accounts.CreateApiToken(ann.Id, "phone");

        Assert.Equal([new StoredApiToken(laptopId, "laptop", Now), new StoredApiToken(phoneId, "phone", Now)], accounts.ListApiTokens(ann.Id));
        Assert.Equal(ann.Id, accounts.FindByApiToken(laptop)!.Id);
        Assert.False(accounts.DeleteApiToken(bo.Id, laptopId));
        Assert.NotNull(accounts.FindByApiToken(laptop));
        Assert.True(accounts.DeleteApiToken(ann.Id, laptopId));
        Assert.Null(accounts.FindByApiToken(laptop));
        Assert.Equal([phoneId], accounts.ListApiTokens(ann.Id).Select(t => t.Id));
    }

    [Fact]
    public void Sign_in_failures_are_counted_per_address_per_account_without_a_device_and_per_device_within_the_window()
    {
        var accounts = new AccountStore(OpenDatabase());
        accounts.RecordSignInFailure("10.0.0.1", "Ann@example.org", null, Window);
        Clock.Now += TimeSpan.FromMinutes(5);
        accounts.RecordSignInFailure("10.0.0.1", "bo@example.org", null, Window);
        accounts.RecordSignInFailure("10.0.0.2", "ann@example.org", null, Window);
        accounts.RecordSignInFailure("10.0.0.3", "ann@example.org", "device-1", Window);

        var guesser = accounts.CountSignInFailures("10.0.0.1", "ANN@example.org", null, Window);
        Assert.Equal(new SignInFailureCounts(2, Now, 2, Now), guesser);
        var device = accounts.CountSignInFailures("10.0.0.3", "ann@example.org", "device-1", Window);
        Assert.Equal(1, device.ByAccount);

        Clock.Now = Now + Window;
        var later = accounts.CountSignInFailures("10.0.0.1", "ann@example.org", null, Window);
        Assert.Equal(1, later.ByAddress);
        Assert.Equal(1, later.ByAccount);
    }

    [Fact]
    public void Self_registration_is_off_until_switched_on()
    {
        var first = new AccountStore(OpenDatabase());
        var second = new AccountStore(OpenDatabase());

        Assert.False(first.SelfRegistration);
        first.SelfRegistration = true;
        Assert.True(second.SelfRegistration);
        second.SelfRegistration = false;
        Assert.False(first.SelfRegistration);
    }

    [Fact]
    public void Data_protection_keys_are_kept_in_order_and_never_rewritten()
    {
        var accounts = new AccountStore(OpenDatabase());

        accounts.StoreDataProtectionKey("key-a", "<key id='a'/>");
        accounts.StoreDataProtectionKey("key-b", "<key id='b'/>");
        accounts.StoreDataProtectionKey("key-a", "<key id='changed'/>");

        Assert.Equal(["<key id='a'/>", "<key id='b'/>"], new AccountStore(OpenDatabase()).DataProtectionKeys());
    }
}
