using System.Text.Json;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>import, inspect and activities, in-process on generated FIT files.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-").FullName;

    private string Db => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string WriteRuns(int count, string folder = "runs")
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, folder)).FullName;
        for (var i = 0; i < count; i++)
        {
            var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero).AddDays(i * 2), 5 + i, 330, 164), seed: i + 1);
            File.WriteAllBytes(Path.Combine(dir, $"run{i:00}.fit"), FitActivityWriter.Write(run));
        }

        return dir;
    }

    [Fact]
    public async Task Import_json_reports_the_counts_of_the_contract()
    {
        var runs = WriteRuns(3);
        File.WriteAllText(Path.Combine(runs, "broken.fit"), "not a fit file");

        var run = await CliHarness.RunAsync("import", runs, "--db", Db, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(3, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, json.GetProperty("notRunning").GetInt32());
        Assert.Equal(0, json.GetProperty("partial").GetInt32());
        var failed = Assert.Single(json.GetProperty("failed").EnumerateArray());
        Assert.EndsWith("broken.fit", failed.GetProperty("file").GetString());
        Assert.StartsWith("byte 0:", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_run_at_car_speed_is_imported_but_reported_and_listed_as_not_counted_with_its_reason()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "odd")).FullName;
        var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero), 5, 330, 164), seed: 1);
        var drive = run with { ElapsedSeconds = 200, TimerSeconds = 200 }; // 5 km in 200 s: 90 km/h
        File.WriteAllBytes(Path.Combine(dir, "drive.fit"), FitActivityWriter.Write(drive));

        var json = (await CliHarness.RunAsync("import", dir, "--db", Db, "--json")).Json;
        var people = await CliHarness.RunAsync("import", dir, "--db", Path.Combine(_root, "other.db"));
        var list = await CliHarness.RunAsync("activities", "--db", Db);
        var listJson = (await CliHarness.RunAsync("activities", "--db", Db, "--json")).Json;

        Assert.Equal(0, json.GetProperty("imported").GetInt32());
        var item = Assert.Single(json.GetProperty("notCounted").EnumerateArray());
        Assert.Contains("90 km/h", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Stored but not counted", people.Out, StringComparison.Ordinal);
        Assert.Contains("90 km/h", people.Out, StringComparison.Ordinal);
        Assert.Contains("Not counted", list.Out, StringComparison.Ordinal);
        Assert.Contains("90 km/h", listJson[0].GetProperty("notCountedBecause").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_are_not_activities_in_a_folder_or_zip_are_named_as_skipped_with_why()
    {
        var runs = WriteRuns(1);
        File.WriteAllText(Path.Combine(runs, "notes.txt"), "felt good");
        File.WriteAllBytes(Path.Combine(runs, "finish.jpg"), [0xFF, 0xD8, 0xFF]);
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(runs, "export.zip"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("media/photo.PNG").Open());
            writer.Write("png");
        }

        var json = (await CliHarness.RunAsync("import", runs, "--db", Db, "--json")).Json;
        var people = await CliHarness.RunAsync("import", runs, "--db", Path.Combine(_root, "people.db"));

        Assert.Equal(1, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("failedCount").GetInt32());
        Assert.Equal(3, json.GetProperty("skippedCount").GetInt32());
        var skipped = json.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => Path.GetFileName(s.GetProperty("file").GetString()!.Split('!')[^1]), s => s.GetProperty("reason").GetString()!);
        Assert.StartsWith("not an activity file: .txt", skipped["notes.txt"], StringComparison.Ordinal);
        Assert.StartsWith("not an activity file: .jpg", skipped["finish.jpg"], StringComparison.Ordinal);
        Assert.StartsWith("not an activity file: .png", skipped["photo.PNG"], StringComparison.Ordinal);
        Assert.EndsWith("export.zip!media/photo.PNG", json.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("file").GetString()!).Single(f => f.Contains('!', StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Skipped: not activity files", people.Out, StringComparison.Ordinal);
        Assert.Contains("not an activity file: .jpg", people.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_twice_reports_duplicates_and_stores_nothing_new()
    {
        var runs = WriteRuns(2);
        await CliHarness.RunAsync("import", runs, "--db", Db, "--json");

        var again = await CliHarness.RunAsync("import", runs, "--db", Db, "--json");
        var list = await CliHarness.RunAsync("activities", "--db", Db, "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, again.Json.GetProperty("imported").GetInt32());
        Assert.Equal(2, again.Json.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, list.Json.GetArrayLength());
    }

    [Fact]
    public async Task Import_exits_1_when_nothing_could_be_imported()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "junk")).FullName;
        File.WriteAllText(Path.Combine(dir, "a.fit"), "garbage");

        var run = await CliHarness.RunAsync("import", dir, "--db", Db, "--json");

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Import_without_a_path_exits_2()
    {
        var run = await CliHarness.RunAsync("import", "--db", Db);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Import_summary_for_people_lists_counts_and_the_failed_files_with_reasons()
    {
        var runs = WriteRuns(1);
        File.WriteAllText(Path.Combine(runs, "broken.fit"), "not a fit file");

        var run = await CliHarness.RunAsync("import", runs, "--db", Db);

        Assert.Contains("Imported (running)", run.Out);
        Assert.Contains("Files that could not be imported", run.Out);
        Assert.Contains("broken.fit", run.Out);
    }

    [Fact]
    public async Task Activities_lists_stored_runs_with_local_date_distance_and_cadence()
    {
        var runs = WriteRuns(2);
        await CliHarness.RunAsync("import", runs, "--db", Db);

        var list = (await CliHarness.RunAsync("activities", "--db", Db, "--json")).Json;

        var first = list[0];
        Assert.Equal("2026-01-05", first.GetProperty("date").GetString());
        Assert.Equal("running", first.GetProperty("sport").GetString());
        Assert.Equal(5.0, first.GetProperty("distanceKm").GetDouble(), 0.01);
        Assert.InRange(first.GetProperty("avgCadenceSpm").GetDouble(), 155, 175);
    }

    [Fact]
    public async Task Inspect_json_prints_one_object_per_file_without_storing()
    {
        var runs = WriteRuns(2);

        var run = await CliHarness.RunAsync("inspect", runs, "--json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.True(first.GetProperty("ok").GetBoolean());
        Assert.Equal("fit", first.GetProperty("format").GetString());
        Assert.Equal("running", first.GetProperty("sport").GetString());
        Assert.Equal("2026-01-05T07:00:00.000Z", first.GetProperty("firstTimestamp").GetString());
        Assert.True(first.GetProperty("records").GetInt32() > 1000);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Inspect_reports_a_broken_file_as_not_ok_with_the_reason()
    {
        var path = Path.Combine(_root, "broken.fit");
        File.WriteAllText(path, "not a fit file");

        var run = await CliHarness.RunAsync("inspect", path, "--json");

        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.False(report.GetProperty("ok").GetBoolean());
        Assert.StartsWith("byte 0:", report.GetProperty("errors")[0].GetString());
        Assert.Equal(1, run.ExitCode);
    }
}
