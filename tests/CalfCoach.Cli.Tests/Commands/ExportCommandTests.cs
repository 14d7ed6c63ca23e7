using System.IO.Compression;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Storage;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// <c>calfcoach export</c> and <c>calfcoach import EXPORT.zip</c> (local and <c>--server</c>): the re-imported runner's
/// <c>analyze --json</c> and <c>plan --json</c> as of the export's day are the original's, byte for byte.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private const string AsOf = "2026-11-25";
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-export-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_root, name);

    /// <summary>
    /// A runner as a server keeps one: each file kept as uploaded (what POST /api/imports does) and imported; then an
    /// assessment and check-ins through the commands.
    /// </summary>
    private async Task<string> RunnerAsync()
    {
        var db = PathOf("original.db");
        var runs = Directory.CreateDirectory(PathOf("runs")).FullName;
        using (var database = Database.OpenSqlite(db))
        {
            var originals = new OriginalStore(database);
            for (var i = 0; i < 6; i++)
            {
                var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero).AddDays(i * 3), 6 + i, 330, 164), seed: i + 1);
                var path = Path.Combine(runs, $"run{i}.fit");
                await File.WriteAllBytesAsync(path, FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
                using var stream = File.OpenRead(path);
                originals.Keep($"runs/run{i}.fit", stream);
            }
        }

        foreach (var args in new[]
        {
            new[] { "import", runs },
            ["profile", "--height-cm", "181"],
            ["shoes", "add", "Pegasus", "--since", "2026-01-01"],
            ["assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2026-11-21"],
            ["log", "pain", "3", "--morning", "--as-of", "2026-11-22"],
            ["log", "exercise", "heel-drops-straight-knee", "--sets", "3", "--reps", "15", "--as-of", "2026-11-23"],
            ["log", "clinician", "--cleared-for-rehab", "--as-of", "2026-11-24"],
        })
        {
            var run = await CliHarness.RunAsync([.. args, "--db", db]);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}{run.Out}");
        }

        return db;
    }

    private static async Task<(string Analysis, string Plan)> OutputsAsync(string db)
    {
        var analysis = await CliHarness.RunAsync("analyze", "--json", "--as-of", AsOf, "--db", db);
        var plan = await CliHarness.RunAsync("plan", "--json", "--as-of", AsOf, "--db", db);
        Assert.True(analysis.ExitCode == 0 && plan.ExitCode == 0, analysis.Error + plan.Error);
        return (analysis.Out, plan.Out);
    }

    private static async Task<string> ExportAsync(string db, string file)
    {
        var exported = await CliHarness.RunAsync("export", "--out", file, "--db", db, "--as-of", AsOf);
        Assert.True(exported.ExitCode == 0, exported.Error);
        return file;
    }

    [Fact]
    public async Task An_export_imported_into_a_fresh_database_gives_the_same_analysis_and_plan_json_and_a_second_import_changes_nothing()
    {
        var original = await RunnerAsync();
        var export = await ExportAsync(original, PathOf("export.zip"));
        var fresh = PathOf("fresh.db");

        var imported = await CliHarness.RunAsync("import", export, "--db", fresh, "--json");

        Assert.True(imported.ExitCode == 0, imported.Error);
        var restored = imported.Json.GetProperty("restored");
        Assert.True(restored.GetProperty("journal").GetBoolean());
        Assert.Equal(6, restored.GetProperty("originals").GetInt32());
        Assert.Equal(6, imported.Json.GetProperty("imported").GetInt32());
        Assert.Equal(await OutputsAsync(original), await OutputsAsync(fresh));

        var again = await CliHarness.RunAsync("import", export, "--db", fresh);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("journal", again.Out, StringComparison.Ordinal);
        Assert.Contains("was not restored", again.Out, StringComparison.Ordinal);
        Assert.Equal(await OutputsAsync(original), await OutputsAsync(fresh));
        using var zip = ZipFile.OpenRead(await ExportAsync(fresh, PathOf("again.zip")));
        Assert.Equal(6, zip.Entries.Count(e => e.FullName.StartsWith("originals/runs/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_export_sent_with_import_server_is_restored_on_the_server()
    {
        var original = await RunnerAsync();
        var export = await ExportAsync(original, PathOf("export.zip"));
        var serverDb = PathOf("server.db");

        await using (var serving = await ServingCli.StartAsync("--db", serverDb, "--urls", "http://127.0.0.1:0"))
        {
            var remote = await CliHarness.RunAsync("import", export, "--server", serving.Address.ToString(), "--token", "cc_any-token-for-a-local-server", "--json");
            Assert.True(remote.ExitCode == 0, remote.Error);
            Assert.True(remote.Json.GetProperty("restored").GetProperty("journal").GetBoolean());
            Assert.Equal(0, await serving.StopAsync());
        }

        Assert.Equal(await OutputsAsync(original), await OutputsAsync(serverDb));
    }

    [Fact]
    public async Task A_damaged_export_is_refused_naming_the_entry_and_nothing_is_imported()
    {
        var original = await RunnerAsync();
        var export = await ExportAsync(original, PathOf("export.zip"));
        using (var zip = ZipFile.Open(export, ZipArchiveMode.Update))
        {
            zip.GetEntry("assessments.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("assessments.json").Open());
            writer.Write("{\"assessments\": [{\"kind\": \"assessment\"}]}");
        }

        var fresh = PathOf("fresh.db");
        var refused = await CliHarness.RunAsync("import", export, "--db", fresh);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("export.zip!assessments.json", refused.Error, StringComparison.Ordinal);
        var activities = await CliHarness.RunAsync("activities", "--json", "--db", fresh);
        Assert.DoesNotContain("run0", activities.Out, StringComparison.Ordinal);
    }
}
