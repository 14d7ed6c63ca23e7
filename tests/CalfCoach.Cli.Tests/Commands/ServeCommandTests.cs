using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_refuses_an_address_that_is_not_http()
    {
        var run = await CliHarness.RunAsync("serve", "--urls", "ftp://127.0.0.1:21");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--urls", run.Error);
    }

    [Fact]
    public void Only_loopback_addresses_count_as_this_computer()
    {
        Assert.True(CalfCoach.Web.CalfCoachWebOptions.IsLoopbackUrl("http://127.0.0.1:5080"));
        Assert.True(CalfCoach.Web.CalfCoachWebOptions.IsLoopbackUrl("http://localhost:5080"));
        Assert.True(CalfCoach.Web.CalfCoachWebOptions.IsLoopbackUrl("http://[::1]:5080"));
        Assert.False(CalfCoach.Web.CalfCoachWebOptions.IsLoopbackUrl("http://0.0.0.0:5080"));
    }

    [Fact]
    public async Task Serve_demo_shows_the_generated_runner_on_loopback_and_stops_cleanly_when_cancelled()
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var error = new TestConsole { EmitAnsiSequences = false };
        var context = new CliContext(output, error, new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var serving = CliApp.RunAsync(["serve", "--demo", "--urls", "http://127.0.0.1:0"], context, stop.Token);
        Uri? address = null;
        for (var i = 0; i < 300 && address is null && !serving.IsCompleted; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            if (Listening().Match(output.Output) is { Success: true } match)
            {
                address = new Uri(match.Groups[1].Value);
            }
        }

        Assert.True(address is not null, $"serve did not report its address. out: {output.Output} err: {error.Output}");
        using (var client = new HttpClient { BaseAddress = address })
        {
            var dashboard = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
            Assert.Contains("Demo: a generated runner", dashboard);
            Assert.Contains("began to hurt on", dashboard);
            Assert.Contains("finding-new-speedwork", dashboard);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [Fact]
    public async Task Serve_on_every_address_without_allowed_hosts_is_refused_naming_the_option()
    {
        var run = await CliHarness.RunAsync("serve", "--urls", "http://0.0.0.0:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--allowed-hosts", run.Error);
        Assert.Contains("read and change your data", run.Error);
    }

    [Theory]
    [InlineData("--allowed-hosts", "not a host!")]
    [InlineData("--known-proxies", "proxy.example")]
    public async Task Serve_refuses_a_host_or_proxy_that_is_not_one(string option, string value)
    {
        var run = await CliHarness.RunAsync("serve", "--urls", "http://0.0.0.0:0", "--allowed-hosts", "calfcoach.lan", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task Serve_on_every_address_with_allowed_hosts_warns_and_answers_only_to_those_names()
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 300;
        var error = new TestConsole { EmitAnsiSequences = false };
        error.Profile.Width = 300;
        var context = new CliContext(output, error, new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now));
        var folder = Directory.CreateTempSubdirectory("calfcoach-serve-network-");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var serving = CliApp.RunAsync(["serve", "--db", Path.Combine(folder.FullName, "me.db"), "--urls", "http://0.0.0.0:0", "--allowed-hosts", "calfcoach.lan"], context, stop.Token);
        Uri? address = null;
        for (var i = 0; i < 300 && address is null && !serving.IsCompleted; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            if (AnyAddress().Match(output.Output) is { Success: true } match)
            {
                address = new Uri($"http://127.0.0.1:{match.Groups[1].Value}");
            }
        }

        try
        {
            Assert.True(address is not null, $"serve did not report its address. out: {output.Output} err: {error.Output}");
            Assert.Contains("anyone on that network who opens CalfCoach can read and change", error.Output.ReplaceLineEndings(" "));
            using var client = new HttpClient { BaseAddress = address };
            using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/shoes") { Headers = { Host = "calfcoach.lan" } };
            using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/shoes") { Headers = { Host = "evil.example" } };

            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SendAsync(allowed, TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.SendAsync(rebound, TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serving);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"Open (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"Open http://(?:0\.0\.0\.0|\[::\]|\*|\+):(\d+)")]
    private static partial Regex AnyAddress();
}
