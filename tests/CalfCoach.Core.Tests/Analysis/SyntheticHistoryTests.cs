using CalfCoach.Core.Analysis;
using CalfCoach.Core.Demo;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Histories of generated 1 Hz runs, reduced by the extractor: the whole path from streams to findings.</summary>
public sealed class SyntheticHistoryTests
{
    private static readonly DateOnly FirstMonday = new(2026, 1, 5);

    private static List<RunFeatures> Generate(int weeks, double cadence, Func<DateOnly, SyntheticRunSpec, SyntheticRunSpec>? plant = null)
    {
        var runs = new List<RunFeatures>();
        var seed = 0;
        for (var w = 0; w < weeks; w++)
        {
            foreach (var (day, km) in new[] { (1, 8.0), (3, 8.0), (6, 14.0) })
            {
                var date = FirstMonday.AddDays((7 * w) + day);
                var spec = new SyntheticRunSpec(new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero), km, 345, cadence, HillAmplitudeMeters: 5);
                runs.Add(RunFeatureExtractor.Extract(SyntheticRun.Generate(plant?.Invoke(date, spec) ?? spec, seed++)));
            }
        }

        return runs;
    }

    private static AnalysisResult Analyze(List<RunFeatures> runs, DateOnly onset) =>
        Analyzer.Analyze(runs, new AthleteProfile(heightMeters: 1.78), [], onset, onset, AnalysisSettings.Default);

    [Fact]
    public void A_steady_generated_history_finds_nothing()
    {
        var result = Analyze(Generate(12, 172), FirstMonday.AddDays((7 * 12) - 1));

        Assert.Empty(result.Findings);
        Assert.Equal(172, result.Cadence!.CadenceAtEasySpeed, 0);
    }

    [Fact]
    public void Generated_runs_at_160_spm_are_low_cadence_measured_at_160()
    {
        var result = Analyze(Generate(12, 160), FirstMonday.AddDays((7 * 12) - 1));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.LowCadence, finding.Id);
        Assert.Equal(160, finding.Values["cadenceSpm"], 0);
        Assert.Equal(24, finding.Dates.Count); // 3 runs a week over the 8-week fit window
    }

    [Fact]
    public void A_generated_interval_session_after_none_is_new_speedwork()
    {
        var thursday = FirstMonday.AddDays((7 * 9) + 3);
        var runs = Generate(12, 172, (date, spec) => date == thursday ? spec with { Intervals = 6 } : spec);

        var result = Analyze(runs, thursday.AddDays(5));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingIds.NewSpeedwork, finding.Id);
        Assert.Equal([thursday], finding.Dates);
    }
}
