using CalfCoach.Core.Analysis;
using CalfCoach.Core.Demo;

namespace CalfCoach.Core.Tests.Demo;

/// <summary>The generated demo runner: the same every run, not a copy-paste week, weather of its season, and every kind of finding.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateOnly LateNovember = new(2026, 11, 24);

    private static AnalysisResult Analyze(DateOnly onset)
    {
        var runs = DemoHistory.Generate(onset).Select(RunFeatureExtractor.Extract).ToList();
        var shoes = new[] { new Shoe(DemoHistory.ShoeName, DemoHistory.FirstDay(onset), DemoHistory.ShoeStartKm) };
        return Analyzer.Analyze(runs, DemoHistory.Profile, shoes, onset.AddDays(3), onset, AnalysisSettings.Default);
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("2026-07-14")]
    [InlineData("2027-02-03")]
    public void The_demo_analysis_finds_every_kind_of_finding_the_analysis_has(string onset)
    {
        var found = Analyze(DateOnly.Parse(onset, System.Globalization.CultureInfo.InvariantCulture)).Findings.Select(f => f.Id).ToHashSet();

        // The kinds come from the core's catalogue at run time, so a new kind of finding fails here until the demo shows it.
        Assert.All(FindingText.Ids, id => Assert.Contains(id, found));
    }

    [Fact]
    public void The_demo_runner_is_the_same_on_every_run()
    {
        var first = DemoHistory.Generate(LateNovember);
        var second = DemoHistory.Generate(LateNovember);

        Assert.Equal(first.Select(r => (r.StartUtc, r.DistanceMeters, r.AvgCadenceStepsPerMinute, r.AvgHeartRateBpm)),
            second.Select(r => (r.StartUtc, r.DistanceMeters, r.AvgCadenceStepsPerMinute, r.AvgHeartRateBpm)));
    }

    [Fact]
    public void Weeks_differ_in_distance_and_pace_and_runs_in_step_rate()
    {
        var runs = DemoHistory.Generate(LateNovember);
        var weeks = runs.GroupBy(r => TrainingMetrics.WeekOf(DateOnly.FromDateTime(r.StartUtc.UtcDateTime)))
            .Select(w => (Km: w.Sum(r => r.DistanceMeters!.Value) / 1000, SecondsPerKm: w.Sum(r => r.ElapsedSeconds) / (w.Sum(r => r.DistanceMeters!.Value) / 1000)))
            .ToList();
        var cadences = runs.Select(r => r.AvgCadenceStepsPerMinute!.Value).ToList();

        // A real log's weekly distance varies by 10-30 % (coefficient of variation); the old demo's was 0.
        Assert.InRange(CoefficientOfVariation(weeks.Select(w => w.Km)), 0.15, 0.6);
        Assert.InRange(CoefficientOfVariation(weeks.Select(w => w.SecondsPerKm)), 0.01, 0.1);
        Assert.InRange(StandardDeviation(cadences), 1.0, 8.0);
        Assert.InRange(cadences.Average(), 152, 165);
        Assert.True(weeks.Select(w => Math.Round(w.Km, 1)).Distinct().Count() >= weeks.Count - 2, "Nearly every week has its own distance.");
    }

    [Fact]
    public void Temperatures_fit_the_season_in_London()
    {
        static List<double> TemperaturesIn(DateOnly onset, int month) =>
            [.. DemoHistory.Generate(onset)
                .Where(r => r.StartUtc.Month == month)
                .Select(r => r.Streams.TemperatureCelsius.Where(float.IsFinite).Average(t => (double)t))];

        var november = TemperaturesIn(LateNovember, 11);
        var july = TemperaturesIn(new DateOnly(2026, 8, 4), 7);

        Assert.NotEmpty(november);
        Assert.All(november, t => Assert.InRange(t, -2, 18)); // a late-November morning in London, on a wrist
        Assert.InRange(july.Average() - november.Average(), 7, 14);
    }

    [Fact]
    public void The_demo_note_states_the_day_the_pain_began()
    {
        Assert.Contains("began to hurt on Tuesday 24 November 2026", DemoHistory.Note(LateNovember), StringComparison.Ordinal);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    private static double CoefficientOfVariation(IEnumerable<double> values)
    {
        var list = values.ToList();
        return StandardDeviation(list) / list.Average();
    }
}
