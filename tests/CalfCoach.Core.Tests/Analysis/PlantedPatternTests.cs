using CalfCoach.Core.Analysis;
using static CalfCoach.Core.Tests.Analysis.Histories;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Generated 24-week histories with one planted pattern each: exactly that finding, on the planted dates.</summary>
public sealed class PlantedPatternTests
{
    private static readonly DateOnly EndOfWeek24 = Week(24).AddDays(6);

    [Fact]
    public void A_steady_history_finds_nothing()
    {
        var result = Analyze(Steady(24), EndOfWeek24);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_40_percent_weekly_jump_in_week_12_is_a_weekly_distance_spike_on_that_week()
    {
        // 42 km → 58.8 km (+40 %): an extra Monday 8 km and Wednesday 8.8 km, none longer than the usual 20 km.
        var runs = Steady(24);
        runs.Add(Run(Week(12), 8));
        runs.Add(Run(Week(12).AddDays(2), 8.8));

        var result = Analyze(runs, Week(13).AddDays(2));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.WeeklyDistanceSpike, finding.Id);
        Assert.Equal([Week(12)], finding.Dates);
        Assert.Equal(40.0, finding.Values["changePercent"]);
        Assert.Equal(Severity.Moderate, finding.Severity); // weak evidence caps it below high
        Assert.Equal("load-progression", finding.Action.PlanItemId);
    }

    [Fact]
    public void A_run_30_percent_longer_than_the_30_day_longest_is_a_long_run_spike_on_that_day()
    {
        var sunday = Week(16).AddDays(6);
        var runs = Replace(Steady(24), sunday, Run(sunday, 26)); // 26 ÷ 20 = 1.30: Frandsen's small band (>10–30 %)

        var result = Analyze(runs, Week(17).AddDays(1));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.LongRunSpike, finding.Id);
        Assert.Equal([sunday], finding.Dates);
        Assert.Equal(30.0, finding.Values["increasePercent"]);
        Assert.Equal(20.0, finding.Values["longestPrevious30DaysKm"]);
        Assert.Equal(Severity.Moderate, finding.Severity);
    }

    [Fact]
    public void A_run_twice_the_30_day_longest_close_to_the_onset_is_high()
    {
        var sunday = Week(16).AddDays(6);
        var runs = Replace(Steady(24), sunday, Run(sunday, 42, temperatureCelsius: 10));

        var result = Analyze(runs, Week(17).AddDays(1));

        var finding = result.Findings[0];
        Assert.Equal(FindingIds.LongRunSpike, finding.Id);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Intervals_appearing_in_week_20_after_none_are_new_speedwork_on_that_day()
    {
        var thursday = Week(20).AddDays(3);
        var runs = Replace(Steady(24), thursday, Run(thursday, 8, intervals: 6));

        var result = Analyze(runs, Week(21).AddDays(2));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.NewSpeedwork, finding.Id);
        Assert.Equal([thursday], finding.Dates);
        Assert.Equal(19, finding.Values["weeksWithoutSpeedwork"]);
    }

    [Fact]
    public void Shoes_past_800_km_are_worn_shoes_on_the_runs_past_800_km()
    {
        var shoes = new[] { new Shoe("Old Pegasus", FirstMonday, startingKilometers: 700) };
        var runs = Steady(24, gear: "old pegasus");

        var result = Analyze(runs, EndOfWeek24, shoes: shoes);

        // 700 km + 42 km a week passes 800 km during week 3; every run of the 12-week window is past it.
        var expected = runs.Select(r => r.LocalDate()).Where(d => d >= EndOfWeek24.AddDays(-84)).ToList();
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.WornShoes, finding.Id);
        Assert.Equal(expected, finding.Dates);
        Assert.Equal(700 + (24 * 42), finding.Values["shoeKm"]);
        Assert.Equal("shoe-review", finding.Action.PlanItemId);
        Assert.Contains("\"Old Pegasus\"", finding.Action.Detail, StringComparison.Ordinal);
        Assert.NotEqual("Old Pegasus", finding.Action.Detail);
    }

    [Fact]
    public void Cadence_160_at_easy_pace_is_low_cadence_and_the_plan_starts_from_160()
    {
        var result = Analyze(Steady(24, cadence: 160), EndOfWeek24);

        var finding = Assert.Single(result.Findings); // 1.75 m: 160 spm is only 6 % below the leg-scaled reference, not overstriding
        Assert.Equal(FindingIds.LowCadence, finding.Id);
        Assert.Equal(32, finding.Dates.Count); // every run of the 8-week fit window
        Assert.Equal(160, finding.Values["cadenceSpm"]);
        Assert.Equal(168, finding.Values["firstTargetSpm"]);
        Assert.Equal("cadence-retraining", finding.Action.PlanItemId);
        Assert.Contains("160", finding.Action.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Cadence_150_for_a_short_runner_is_also_possible_overstriding()
    {
        var shortRunner = new AthleteProfile(heightMeters: 1.60, maxHeartRateBpm: 190, restingHeartRateBpm: 50);

        var result = Analyze(Steady(24, cadence: 150), EndOfWeek24, shortRunner);

        Assert.Equal([FindingIds.LowCadence, FindingIds.Overstriding], result.Findings.Select(f => f.Id));
        var overstriding = result.Findings[1];
        Assert.Equal(Severity.Low, overstriding.Severity);
        Assert.StartsWith("Possible overstriding", overstriding.Explanation, StringComparison.Ordinal);
        Assert.True(overstriding.Values["stepLengthRatioLow"] < overstriding.Values["stepLengthRatio"]);
    }

    [Fact]
    public void A_2_hour_run_at_30_degrees_is_a_cramp_risk_effort_on_that_day()
    {
        var sunday = Week(18).AddDays(6);
        var runs = Replace(Steady(24), sunday, Run(sunday, 20, temperatureCelsius: 30));

        var result = Analyze(runs, Week(19).AddDays(1));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.CrampRiskEfforts, finding.Id);
        Assert.Equal([sunday], finding.Dates);
        Assert.Equal(120, finding.Values["movingMinutes"]);
        Assert.Equal("cramp-plan", finding.Action.PlanItemId);
    }

    [Fact]
    public void Findings_close_to_the_onset_come_first_and_older_ones_are_downgraded()
    {
        // A spike 9 weeks before the onset and a hot long run 1 week before it.
        var oldSpike = Week(15).AddDays(6);
        var hot = Week(23).AddDays(6);
        var runs = Replace(Replace(Steady(24), oldSpike, Run(oldSpike, 26)), hot, Run(hot, 20, temperatureCelsius: 30));

        var result = Analyze(runs, EndOfWeek24);

        Assert.Equal([FindingIds.CrampRiskEfforts, FindingIds.LongRunSpike], result.Findings.Select(f => f.Id));
        Assert.Equal(Severity.Low, result.Findings[1].Severity); // moderate, one level down: outside the 3 weeks
    }

    [Fact]
    public void Runs_after_the_as_of_date_and_other_sports_are_ignored()
    {
        var runs = Steady(24);
        runs.Add(Run(Week(25).AddDays(1), 80)); // after as-of
        runs.Add(Run(Week(24).AddDays(2), 60) with { Sport = CalfCoach.Core.Activities.Sport.Cycling });

        var result = Analyze(runs, EndOfWeek24);

        Assert.Empty(result.Findings);
        Assert.Equal(24, result.Weeks.Count);
        Assert.Equal(42, result.Weeks[^1].DistanceKilometers);
    }
}
