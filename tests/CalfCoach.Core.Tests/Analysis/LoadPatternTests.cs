using CalfCoach.Core.Analysis;
using static CalfCoach.Core.Tests.Analysis.Histories;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Breaks, hills and pace planted in a steady history.</summary>
public sealed class LoadPatternTests
{
    [Fact]
    public void Two_weeks_off_then_straight_back_to_full_distance_is_a_return_after_break()
    {
        var runs = Steady(10).Concat(Enumerable.Range(13, 2).SelectMany(w => SteadyWeek(Week(w)))).ToList();

        var result = Analyze(runs, Week(14).AddDays(2));

        var finding = result.Findings.Single(f => f.Id == FindingIds.ReturnAfterBreak);
        Assert.Equal([Week(13)], finding.Dates);
        Assert.Equal(100, finding.Values["fractionOfBeforePercent"]);
        // The ratio of last week to the decayed chronic load is high too; it is reported, but only as low.
        Assert.All(result.Findings.Where(f => f.Id != FindingIds.ReturnAfterBreak), f =>
        {
            Assert.Equal(FindingIds.AcuteChronicRatioHigh, f.Id);
            Assert.Equal(Severity.Low, f.Severity);
        });
    }

    [Fact]
    public void Six_times_the_usual_climbing_in_week_20_is_a_hill_increase_on_that_week()
    {
        var runs = Steady(24);
        runs = [.. runs.Select(r => TrainingMetrics.WeekOf(r.LocalDate()) == Week(20) ? r with { AscentMeters = 300 } : r)];

        var result = Analyze(runs, Week(21).AddDays(1));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.HillIncrease, finding.Id);
        Assert.Equal([Week(20)], finding.Dates);
        Assert.Equal(1200, finding.Values["ascentM"]);
    }

    [Fact]
    public void Easy_runs_9_percent_faster_in_the_last_3_weeks_are_a_pace_increase()
    {
        var onset = Week(24).AddDays(6);
        var runs = Steady(24).Select(r => r.LocalDate() > onset.AddDays(-21)
            ? Run(r.LocalDate(), r.DistanceMeters / 1000, paceSecondsPerKm: 330)
            : r).ToList();

        var result = Analyze(runs, onset);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.PaceIncrease, finding.Id);
        Assert.Equal(12, finding.Dates.Count);
        Assert.Equal(9.1, finding.Values["changePercent"]);
        Assert.Equal(Severity.Low, finding.Severity);
    }
}
