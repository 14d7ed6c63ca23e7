using System.Text.Json;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using static CalfCoach.Core.Tests.Analysis.Histories;

namespace CalfCoach.Core.Tests.Analysis;

public sealed class AnalysisContractTests
{
    [Fact]
    public void The_json_has_as_of_onset_and_findings_with_the_agreed_fields()
    {
        var sunday = Week(16).AddDays(6);
        var runs = Replace(Steady(20), sunday, Run(sunday, 26));
        var result = Analyzer.Analyze(runs, Profile, [], Week(18), Week(17).AddDays(1), AnalysisSettings.Default);

        using var json = JsonDocument.Parse(AnalysisJson.Serialize(result));
        var root = json.RootElement;

        Assert.Equal("2026-05-04", root.GetProperty("asOf").GetString());
        Assert.Equal("2026-04-28", root.GetProperty("onset").GetString());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal(["id", "severity", "dates", "values", "explanation", "action"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("long-run-spike", finding.GetProperty("id").GetString());
        Assert.Equal("moderate", finding.GetProperty("severity").GetString());
        Assert.Equal("2026-04-26", finding.GetProperty("dates")[0].GetString());
        Assert.Equal(30.0, finding.GetProperty("values").GetProperty("increasePercent").GetDouble());
        Assert.Equal("load-progression", finding.GetProperty("action").GetProperty("id").GetString());
    }

    [Fact]
    public void Every_finding_id_is_one_of_the_stable_ids_and_every_action_a_plan_item()
    {
        var planItems = new[] { "load-progression", "cadence-retraining", "shoe-review", "cramp-plan", "gait-analysis" };
        var sunday = Week(16).AddDays(6);
        var runs = Replace(Steady(24, cadence: 150, gear: "Old"), sunday, Run(sunday, 30, temperatureCelsius: 31, cadence: 150, gear: "Old"));
        runs.Add(Run(Week(17).AddDays(2), 12, intervals: 5, cadence: 150, gear: "Old"));
        var shortRunner = new AthleteProfile(heightMeters: 1.6, maxHeartRateBpm: 190, restingHeartRateBpm: 50, shoeReviewKilometers: 300, shoeReplaceKilometers: 500);

        var result = Analyze(runs, Week(18), shortRunner);

        Assert.True(result.Findings.Count >= 5);
        Assert.All(result.Findings, f =>
        {
            Assert.Contains(f.Id, FindingIds.All);
            Assert.Contains(f.Action.PlanItemId, planItems);
            Assert.NotEmpty(f.Dates);
            Assert.All(f.Values.Values, v => Assert.True(double.IsFinite(v)));
        });
        Assert.Equal(result.Findings.Count, result.Findings.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void An_onset_after_the_as_of_date_is_a_mistake()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Analyzer.Analyze([], Profile, [], Week(1), Week(2), AnalysisSettings.Default));
    }

    [Fact]
    public void No_runs_give_no_findings_and_empty_series()
    {
        var result = Analyze([], Week(1));

        Assert.Empty(result.Findings);
        Assert.Empty(result.Weeks);
        Assert.Empty(result.Days);
        Assert.Null(result.Cadence);
    }

    [Theory]
    [InlineData(0.5, null, null)]
    [InlineData(1.75, 1.4, null)]
    [InlineData(null, null, "Mars/Olympus")]
    public void A_profile_rejects_impossible_values(double? height, double? leg, string? zone)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AthleteProfile(heightMeters: height, legLengthMeters: leg, timeZoneId: zone));
    }

    [Fact]
    public void A_shoe_cannot_be_retired_before_it_was_first_used_nor_have_negative_distance()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shoe("A", new DateOnly(2026, 2, 1), 0, new DateOnly(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shoe("A", new DateOnly(2026, 2, 1), -1));
        Assert.Throws<ArgumentException>(() => new Shoe(" ", new DateOnly(2026, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AthleteProfile(shoeReviewKilometers: 800, shoeReplaceKilometers: 500));
    }
}
