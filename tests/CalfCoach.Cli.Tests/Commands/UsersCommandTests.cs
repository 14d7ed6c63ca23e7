using CalfCoach.Core.Accounts;
using CalfCoach.Storage;
using CalfCoach.Web.Accounts;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary><c>calfcoach users add|reset-password|list|self-registration</c> on a fresh database file.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-users-").FullName;

    private string Db => Path.Combine(_root, "server.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private Task<CliHarness.Run> UsersAsync(string input, params string[] args) =>
        CliHarness.RunAsync(input, CliHarness.FreshDatabasePath(), ["users", .. args, "--db", Db]);

    private StoredAccount? Verify(string email, string password)
    {
        using var database = Database.OpenSqlite(Db);
        return new AccountService(database).Verify(email, password);
    }

    [Fact]
    public async Task Add_creates_the_schema_and_an_athlete_with_a_runner_whose_password_came_from_standard_input()
    {
        var added = await UsersAsync(Password + "\nignored second line\n", "add", "Ann@Example.org", "--role", "athlete");

        Assert.Equal(ExitCodes.Ok, added.ExitCode);
        Assert.Contains("Ann@Example.org", added.Out, StringComparison.Ordinal);
        var account = Verify("ann@example.org", Password);
        Assert.NotNull(account);
        Assert.Equal(AccountRole.Athlete, account.Role);
        Assert.NotNull(account.RunnerId);
        Assert.Null(Verify("ann@example.org", "ignored second line"));
    }

    [Fact]
    public async Task Add_refuses_an_address_in_use_with_its_own_exit_code()
    {
        await UsersAsync(Password, "add", "ann@example.org", "--role", "clinician");

        var again = await UsersAsync(Password, "add", "ANN@example.org", "--role", "admin");

        Assert.Equal(ExitCodes.AlreadyExists, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", "add", "ann@example.org", "--role", "athlete")]
    [InlineData("", "add", "ann@example.org", "--role", "athlete")]
    [InlineData(Password, "add", "not-an-address", "--role", "athlete")]
    [InlineData(Password, "add", "ann@example.org", "--role", "root")]
    [InlineData(Password, "add", "ann@example.org")]
    public async Task Add_refuses_bad_input_with_exit_code_2_and_creates_nothing(string input, params string[] args)
    {
        var refused = await UsersAsync(input, args);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.StartsWith("error:", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, refused.Error, StringComparison.Ordinal);
        var list = await UsersAsync(string.Empty, "list", "--json");
        Assert.Equal(0, list.Json.GetArrayLength());
    }

    [Fact]
    public async Task Reset_password_replaces_it_and_ends_every_session_and_token()
    {
        await UsersAsync(Password, "add", "ann@example.org", "--role", "athlete");
        string token;
        using (var database = Database.OpenSqlite(Db))
        {
            var store = new AccountStore(database);
            var id = store.FindByEmail("ann@example.org")!.Id;
            store.CreateSession(id, TimeSpan.FromDays(14), TimeSpan.FromMinutes(30));
            token = store.CreateApiToken(id, "script").Token;
        }

        var reset = await UsersAsync("a whole new passphrase\n", "reset-password", "Ann@example.org");
        var unknown = await UsersAsync("a whole new passphrase\n", "reset-password", "nobody@example.org");
        var tooShort = await UsersAsync("short\n", "reset-password", "ann@example.org");

        Assert.Equal(ExitCodes.Ok, reset.ExitCode);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Equal(ExitCodes.BadInput, tooShort.ExitCode);
        Assert.Null(Verify("ann@example.org", Password));
        var account = Verify("ann@example.org", "a whole new passphrase");
        Assert.NotNull(account);
        using var check = Database.OpenSqlite(Db);
        var accounts = new AccountStore(check);
        Assert.Equal(0, accounts.SessionCount(account.Id));
        Assert.Null(accounts.FindByApiToken(token));
    }

    [Fact]
    public async Task List_shows_a_table_and_json_without_password_hashes()
    {
        await UsersAsync(Password, "add", "ann@example.org", "--role", "athlete");
        await UsersAsync(Password, "add", "doc@example.org", "--role", "clinician");

        var table = await UsersAsync(string.Empty, "list");
        var json = await UsersAsync(string.Empty, "list", "--json");

        Assert.Contains("doc@example.org", table.Out, StringComparison.Ordinal);
        Assert.Contains("clinician", table.Out, StringComparison.Ordinal);
        Assert.Equal(2, json.Json.GetArrayLength());
        Assert.Equal("athlete", json.Json[0].GetProperty("role").GetString());
        Assert.True(json.Json[0].GetProperty("runnerId").GetInt64() > 0);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.Json[1].GetProperty("runnerId").ValueKind);
        Assert.DoesNotContain("AQAAAA", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", json.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Self_registration_is_off_until_switched_on_and_can_be_switched_off_again()
    {
        var shown = await UsersAsync(string.Empty, "self-registration");
        var on = await UsersAsync(string.Empty, "self-registration", "on");
        var bad = await UsersAsync(string.Empty, "self-registration", "maybe");

        Assert.Contains("off", shown.Out, StringComparison.Ordinal);
        Assert.Contains("on", on.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        using (var database = Database.OpenSqlite(Db))
        {
            Assert.True(new AccountStore(database).SelfRegistration);
        }

        await UsersAsync(string.Empty, "self-registration", "off");
        using var after = Database.OpenSqlite(Db);
        Assert.False(new AccountStore(after).SelfRegistration);
    }
}
