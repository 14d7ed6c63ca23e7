using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests;

/// <summary>
/// <c>calfcoach serve …</c> run in-process until disposed, with the address it announced ("Open http(s)://127.0.0.1:PORT").
/// One helper for every test that talks to a served app, so waiting for the address and stopping are written once.
/// </summary>
internal sealed partial class ServingCli : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _serving;

    private ServingCli(Uri address, CancellationTokenSource stop, Task<int> serving, TestConsole output)
    {
        Address = address;
        _stop = stop;
        _serving = serving;
        Output = output;
    }

    public Uri Address { get; }

    public TestConsole Output { get; }

    /// <summary>Starts <c>serve</c> with <paramref name="args"/> (after the command name) and waits (at most 30 s) for its address.</summary>
    public static async Task<ServingCli> StartAsync(params string[] args)
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var error = new TestConsole { EmitAnsiSequences = false };
        var context = new CliContext(output, error, new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var serving = CliApp.RunAsync(["serve", .. args], context, stop.Token);
        for (var i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            if (Listening().Match(output.Output) is { Success: true } match)
            {
                return new ServingCli(new Uri(match.Groups[1].Value), stop, serving, output);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        var code = await serving;
        stop.Dispose();
        throw new InvalidOperationException($"serve did not announce an address (exit {code}). out: {output.Output} err: {error.Output}");
    }

    /// <summary>Stops the server as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _serving;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_serving.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"Open (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
