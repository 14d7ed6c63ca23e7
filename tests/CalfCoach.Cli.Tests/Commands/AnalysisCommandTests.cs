using System.Text.Json;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>analyze, shoes, profile and assess --db on a generated history imported through the real importer.</summary>
public sealed class AnalysisCommandTests : IDisposable
{
    private static readonly DateOnly Onset = new(2026, 11, 24);
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-analyze-").FullName;

    private string Db => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task ImportDemoHistory()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        foreach (var run in DemoHistory.Generate(Onset))
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, Path.GetFileName(run.Source.Path)), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await CliHarness.RunAsync("import", dir, "--db", Db, "--json")).ExitCode);
    }

    [Fact]
    public async Task Analyze_json_has_the_contract_shape_and_finds_the_planted_causes()
    {
        await ImportDemoHistory();

        var run = await CliHarness.RunAsync("analyze", "--db", Db, "--as-of", "2026-11-27", "--onset", "2026-11-24", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2026-11-27", run.Json.GetProperty("asOf").GetString());
        Assert.Equal("2026-11-24", run.Json.GetProperty("onset").GetString());
        var findings = run.Json.GetProperty("findings").EnumerateArray().ToArray();
        var ids = findings.Select(f => f.GetProperty("id").GetString()).ToArray();
        Assert.Contains("long-run-spike", ids);
        Assert.Contains("new-speedwork", ids);
        Assert.Contains("low-cadence", ids);
        Assert.Contains("cramp-risk-efforts", ids);
        var spike = findings.Single(f => f.GetProperty("id").GetString() == "long-run-spike");
        Assert.Contains("2026-11-21", spike.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains(spike.GetProperty("severity").GetString(), new[] { "high", "moderate", "low" });
        Assert.Equal(JsonValueKind.Object, spike.GetProperty("values").ValueKind);
    }

    [Fact]
    public async Task Analyze_for_people_shows_findings_and_the_weekly_chart()
    {
        await ImportDemoHistory();

        var run = await CliHarness.RunAsync("analyze", "--db", Db, "--as-of", "2026-11-27", "--onset", "2026-11-24");

        Assert.Contains("What your data shows", run.Out);
        Assert.Contains(Core.Analysis.FindingText.Title("long-run-spike"), run.Out);
        Assert.Contains("Weekly running distance", run.Out);
    }

    [Fact]
    public async Task Analyze_an_empty_history_says_to_import_first()
    {
        var run = await CliHarness.RunAsync("analyze", "--db", Db, "--as-of", "2026-11-27");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No runs are stored yet", run.Out);
    }

    [Fact]
    public async Task An_onset_after_the_as_of_date_is_bad_input()
    {
        var run = await CliHarness.RunAsync("analyze", "--db", Db, "--as-of", "2026-11-27", "--onset", "2026-12-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--onset (2026-12-01) cannot be after --as-of (2026-11-27)", run.Error);
    }

    [Fact]
    public async Task Assess_with_a_history_merges_its_findings_into_the_causes()
    {
        await ImportDemoHistory();

        var run = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--db", Db, "--as-of", "2026-11-27", "--json");

        Assert.Equal(0, run.ExitCode);
        var sources = run.Json.GetProperty("contributingFactors").EnumerateArray().Select(f => f.GetProperty("source").GetString()).ToArray();
        Assert.Contains("training-data", sources);
    }

    [Fact]
    public async Task Shoes_can_be_added_listed_with_their_distance_assigned_and_retired()
    {
        await ImportDemoHistory();

        Assert.Equal(0, (await CliHarness.RunAsync("shoes", "add", DemoHistory.ShoeName, "--since", "2026-07-01", "--start-km", "520", "--db", Db)).ExitCode);
        Assert.Equal(0, (await CliHarness.RunAsync("shoes", "add", "Racers", "--since", "2026-11-01", "--db", Db)).ExitCode);
        Assert.Equal(0, (await CliHarness.RunAsync("shoes", "assign", "1", "Racers", "--db", Db)).ExitCode);
        Assert.Equal(0, (await CliHarness.RunAsync("shoes", "retire", "Racers", "--on", "2026-11-26", "--db", Db)).ExitCode);

        var list = await CliHarness.RunAsync("shoes", "list", "--db", Db, "--as-of", "2026-11-27", "--json");

        var shoes = list.Json.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s);
        Assert.True(shoes[DemoHistory.ShoeName].GetProperty("kilometers").GetDouble() > 800);
        Assert.Equal("2026-11-26", shoes["Racers"].GetProperty("retired").GetString());
        Assert.True(shoes["Racers"].GetProperty("kilometers").GetDouble() > 0);
    }

    [Fact]
    public async Task A_second_shoe_of_the_same_name_is_bad_input()
    {
        await CliHarness.RunAsync("shoes", "add", "Pegasus", "--db", Db);

        var again = await CliHarness.RunAsync("shoes", "add", "Pegasus", "--db", Db);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already", again.Error);
    }

    [Theory]
    [InlineData("--start-km", "1e308", "--start-km: The distance already run in the shoe must be a number from 0 to 10000 km, not 1E+308.")]
    [InlineData("--start-km", "NaN", "--start-km: ")]
    [InlineData("--since", "0001-01-01", "--since: The date must be between 1900-01-01 and 2199-12-31")]
    public async Task An_impossible_shoe_value_is_bad_input_naming_the_option_and_no_shoe_is_stored(string option, string value, string message)
    {
        var run = await CliHarness.RunAsync("shoes", "add", "Pegasus", option, value, "--db", Db);
        var listed = await CliHarness.RunAsync("shoes", "list", "--db", Db, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(0, listed.Json.GetArrayLength());
    }

    [Fact]
    public async Task A_shoe_name_over_100_characters_is_bad_input()
    {
        var run = await CliHarness.RunAsync("shoes", "add", new string('n', 5_000), "--db", Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NAME: The shoe's name is 5000 characters long; keep it to 100.", run.Error);
    }

    [Fact]
    public async Task The_profile_is_updated_and_kept()
    {
        Assert.Equal(0, (await CliHarness.RunAsync("profile", "--height-cm", "178", "--time-zone", "Europe/London", "--db", Db)).ExitCode);
        await CliHarness.RunAsync("profile", "--max-hr", "188", "--db", Db);

        var shown = await CliHarness.RunAsync("profile", "--db", Db, "--json");

        Assert.Equal(1.78, shown.Json.GetProperty("heightMeters").GetDouble(), 3);
        Assert.Equal("Europe/London", shown.Json.GetProperty("timeZoneId").GetString());
        Assert.Equal(188, shown.Json.GetProperty("maxHeartRateBpm").GetDouble());
    }

    [Theory]
    [InlineData("--height-cm", "40")]
    [InlineData("--time-zone", "Mars/Olympus")]
    [InlineData("--mass-kg", "1e308")]
    [InlineData("--max-hr", "NaN")]
    public async Task An_impossible_profile_value_is_bad_input_and_nothing_is_saved(string option, string value)
    {
        var run = await CliHarness.RunAsync("profile", option, value, "--db", Db);
        var shown = await CliHarness.RunAsync("profile", "--db", Db, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: profile: {option}:", run.Error);
        Assert.False(shown.Json.TryGetProperty("heightMeters", out _));
    }

    [Fact]
    public async Task Report_writes_one_self_contained_html_file_with_every_chart_and_the_plan()
    {
        await ImportDemoHistory();
        await CliHarness.RunAsync("shoes", "add", DemoHistory.ShoeName, "--since", "2026-07-01", "--start-km", "520", "--db", Db);
        var file = Path.Combine(_root, "report.html");

        var run = await CliHarness.RunAsync("report", "--out", file, "--db", Db, "--as-of", "2026-11-27", "--answers", CliHarness.Example("answers-overload.json"));

        Assert.Equal(0, run.ExitCode);
        var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(html, "<figure "));
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(html, "<svg")); // each chart drawn for a page and for a phone
        Assert.Contains("long-run-spike", html);
        Assert.Contains("self-care", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public async Task Report_without_out_is_bad_input()
    {
        var run = await CliHarness.RunAsync("report", "--db", Db);

        Assert.Equal(2, run.ExitCode);
    }
}
