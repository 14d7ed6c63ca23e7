using System.Text.Json;
using CalfCoach.Core;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>Issue 12 in the CLI's own words: bounded failures with a count, the BOM defect, and the memory variable.</summary>
public sealed class HostileImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-hostile-").FullName;

    private string Db => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Inspect_of_a_bad_gpx_and_a_good_fit_still_reports_the_good_file()
    {
        var bad = Write("bad.gpx", HostileArchives.GpxWithBadByteAfterBom());
        var good = Write("good.fit", FitActivityWriter.Write(SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero), 5, 330, 164), seed: 1)));

        var run = await CliHarness.RunAsync("inspect", bad, good, "--json");

        var reports = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.False(reports[0].GetProperty("ok").GetBoolean());
        Assert.Equal(bad, reports[0].GetProperty("file").GetString());
        Assert.StartsWith("line 1, position ", reports[0].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.True(reports[1].GetProperty("ok").GetBoolean());
        Assert.True(reports[1].GetProperty("records").GetInt32() > 1000);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Import_json_of_the_error_bomb_lists_a_hundred_bounded_failures_and_counts_all()
    {
        var bomb = Write("bomb.zip", HostileArchives.ErrorBomb(entries: 200, nameLength: 1_000_000));

        var run = await CliHarness.RunAsync("import", bomb, "--db", Db, "--json");

        Assert.Equal(1, run.ExitCode); // nothing could be imported
        Assert.Equal(200, run.Json.GetProperty("failedCount").GetInt32());
        var failed = run.Json.GetProperty("failed").EnumerateArray().ToArray();
        Assert.Equal(100, failed.Length);
        Assert.All(failed, f => Assert.True(f.GetProperty("error").GetString()!.Length <= ProblemText.MaxChars));
        Assert.True(run.Out.Length < 200_000, $"{run.Out.Length} characters of JSON");
    }

    [Fact]
    public async Task Import_table_says_how_many_failures_are_not_listed()
    {
        var bomb = Write("bomb.zip", HostileArchives.ErrorBomb(entries: 120, nameLength: 1_000));

        var run = await CliHarness.RunAsync("import", bomb, "--db", Db);

        Assert.Contains("… and 20 more files that could not be imported (the first 100 are listed).", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("serve")]
    public async Task An_invalid_import_memory_variable_is_bad_input_naming_it(string command)
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        var error = new TestConsole { EmitAnsiSequences = false };
        error.Profile.Width = 200;
        var context = new CliContext(output, error, new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now), ImportMemoryMb: "lots");
        string[] args = command == "import" ? ["import", _root, "--db", Db] : ["serve", "--db", Db, "--urls", "http://127.0.0.1:0"];

        var code = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("CALFCOACH_IMPORT_MEMORY_MB=\"lots\" is not a memory budget", error.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
