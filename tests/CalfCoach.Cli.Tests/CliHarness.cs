using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests;

/// <summary>Runs the CLI in-process against test consoles, a fixed clock and scripted standard input.</summary>
internal static class CliHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    public sealed record Run(int ExitCode, string Out, string Error)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public static async Task<Run> RunWithInputAsync(string input, params string[] args)
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var error = new TestConsole { EmitAnsiSequences = false };
        error.Profile.Width = 200;
        var context = new CliContext(output, error, new StringReader(input), InputIsInteractive: false, new FakeTimeProvider(Now));

        var code = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new Run(code, output.Output, error.Output);
    }

    public static Task<Run> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public static string Example(string name) => Path.Combine(TestPaths.RepoRoot, "examples", name);
}
