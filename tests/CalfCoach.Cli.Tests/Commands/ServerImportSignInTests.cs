using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// The whole path on a shared server: <c>users add</c> on a PostgreSQL database, <c>serve</c> with sign-in, a token made
/// on the account's API, <c>import --server --token</c> into that runner's account, and a revoked token refused.
/// </summary>
public sealed class ServerImportSignInTests : IDisposable
{
    private const string Password = "a long enough password";
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-signin-").FullName;
    private string? _database;

    public void Dispose()
    {
        if (_database is not null)
        {
            PostgresCluster.Shared?.DropDatabase(_database);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_token_uploads_into_its_runners_account_and_once_revoked_is_refused()
    {
        _database = PostgresCluster.Require().CreateDatabase();
        var added = await CliHarness.RunWithInputAsync(Password + "\n", "users", "add", "ann@example.org", "--role", "athlete", "--db", _database);
        Assert.True(added.ExitCode == 0, added.Error);
        var runs = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        for (var i = 0; i < 3; i++)
        {
            var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero).AddDays(i * 2), 6 + i, 330, 164), seed: i + 1);
            await File.WriteAllBytesAsync(Path.Combine(runs, $"run{i}.fit"), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        await using var serving = await ServingCli.StartAsync("--db", _database, "--urls", "http://127.0.0.1:0");
        var address = serving.Address;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };
        var cookie = await SignInAsync(http);
        var (tokenId, token) = await MakeTokenAsync(http, cookie);

        var imported = await CliHarness.RunAsync("import", runs, "--server", address.ToString(), "--token", token, "--json");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(3, imported.Json.GetProperty("imported").GetInt32());
        Assert.Equal(3, await RunsInWeeksAsync(http, cookie));

        using (var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/tokens/{tokenId}"))
        {
            revoke.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(revoke, TestContext.Current.CancellationToken)).StatusCode);
        }

        var refused = await CliHarness.RunAsync("import", runs, "--server", address.ToString(), "--token", token);
        Assert.Equal(2, refused.ExitCode);
        Assert.DoesNotContain(token, refused.Out + refused.Error, StringComparison.Ordinal);
    }

    private static async Task<string> SignInAsync(HttpClient http)
    {
        using var response = await http.PostAsync(
            "/api/session", new StringContent($$"""{"email": "ann@example.org", "password": "{{Password}}"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Aggregate((a, b) => a + "; " + b);
    }

    private static async Task<(long Id, string Token)> MakeTokenAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = new StringContent("""{"name": "laptop"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (body["id"]!.GetValue<long>(), body["token"]!.GetValue<string>());
    }

    private static async Task<int> RunsInWeeksAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/weeks?asOf=2026-11-27");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var weeks = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["weeks"]!.AsArray();
        return weeks.Sum(w => w!["runs"]?.GetValue<int>() ?? 0);
    }
}
