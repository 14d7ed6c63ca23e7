using System.Globalization;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>After <c>profile --units mi</c>, human output shows miles while --json stays in kilometres.</summary>
public sealed class DistanceUnitCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-units-").FullName;

    private string Db => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task ImportRunsAsync(int count)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        for (var i = 0; i < count; i++)
        {
            var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero).AddDays(i * 2), 8 + i, 330, 164), seed: i + 1);
            File.WriteAllBytes(Path.Combine(dir, $"run{i:00}.fit"), FitActivityWriter.Write(run));
        }

        var import = await CliHarness.RunAsync("import", dir, "--db", Db, "--json");
        Assert.Equal(0, import.ExitCode);
    }

    private async Task<double> FirstDistanceKmAsync()
    {
        var json = await CliHarness.RunAsync("activities", "--db", Db, "--json");
        Assert.Equal(0, json.ExitCode);
        return json.Json[0].GetProperty("distanceKm").GetDouble();
    }

    [Fact]
    public async Task Activities_shows_km_by_default_and_miles_after_profile_units_mi()
    {
        await ImportRunsAsync(2);
        var km = await FirstDistanceKmAsync();
        var miles = km * 1000 / AthleteProfile.MetersPerMile;
        var kmText = km.ToString("0.00", CultureInfo.InvariantCulture);
        var milesText = miles.ToString("0.00", CultureInfo.InvariantCulture);
        Assert.NotEqual(kmText, milesText);

        var before = await CliHarness.RunAsync("activities", "--db", Db);
        Assert.Equal(0, before.ExitCode);
        Assert.Matches(@"│\s*km\s*│", before.Out);
        Assert.Contains(kmText, before.Out, StringComparison.Ordinal);

        var profile = await CliHarness.RunAsync("profile", "--units", "mi", "--db", Db);
        Assert.Equal(0, profile.ExitCode);

        var after = await CliHarness.RunAsync("activities", "--db", Db);
        Assert.Equal(0, after.ExitCode);
        Assert.Matches(@"│\s*mi\s*│", after.Out);
        Assert.DoesNotMatch(@"│\s*km\s*│", after.Out);
        Assert.Contains(milesText, after.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(kmText, after.Out, StringComparison.Ordinal);

        // The JSON contract is unchanged: still kilometres, still distanceKm.
        Assert.Equal(km, await FirstDistanceKmAsync());
    }

    [Fact]
    public async Task Analyze_labels_the_weekly_chart_in_miles_after_profile_units_mi()
    {
        await ImportRunsAsync(3);
        await CliHarness.RunAsync("profile", "--units", "mi", "--db", Db);

        var run = await CliHarness.RunAsync("analyze", "--db", Db, "--as-of", "2026-01-12");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Weekly running distance, last 12 weeks (mi; red = spike)", run.Out, StringComparison.Ordinal);
    }
}
