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

    public static Task<Run> RunWithInputAsync(string input, params string[] args) => RunAsync(input, FreshDatabasePath(), args);

    /// <summary>Runs with <paramref name="defaultDatabase"/> as the database used without --db.</summary>
    public static async Task<Run> RunAsync(string input, string defaultDatabase, string[] args)
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var error = new TestConsole { EmitAnsiSequences = false };
        error.Profile.Width = 200;
        // Without --db, assess records into the default database: a fresh file per run, never the user's own.
        var context = new CliContext(output, error, new StringReader(input), InputIsInteractive: false, new FakeTimeProvider(Now), DefaultDatabase: defaultDatabase);

        var code = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new Run(code, output.Output, error.Output);
    }

    public static Task<Run> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    private static readonly string DatabaseFolder = Directory.CreateTempSubdirectory("calfcoach-cli-default-").FullName;

    /// <summary>A database path no test has used yet (the file does not exist).</summary>
    public static string FreshDatabasePath() => Path.Combine(DatabaseFolder, $"{Guid.NewGuid():N}.db");

    public static string Example(string name) => Path.Combine(TestPaths.RepoRoot, "examples", name);
}
