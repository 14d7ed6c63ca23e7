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
            Assert.Contains("finding-new-speedwork", dashboard);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [GeneratedRegex(@"Open (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
