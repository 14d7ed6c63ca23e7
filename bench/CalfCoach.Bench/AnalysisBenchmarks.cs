using BenchmarkDotNet.Attributes;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Demo;

namespace CalfCoach.Bench;

/// <summary>
/// The training analysis over a generated 10-year history (~3 000 runs of <see cref="RunFeatures"/>, as storage
/// would load them), and feature extraction from one generated one-hour run at 1 Hz (3 600 samples).
/// Target (issue 4): Analyze under 200 ms.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private RunFeatures[] _history = [];
    private Shoe[] _shoes = [];
    private Activity _hour = null!;
    private readonly AthleteProfile _profile = new(timeZoneId: "Europe/Amsterdam", heightMeters: 1.78, dateOfBirth: new DateOnly(1985, 4, 2));

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var runs = new List<RunFeatures>();
        var shoes = new List<Shoe>();
        var first = AsOf.AddDays(-3652);
        for (var date = first; date <= AsOf; date = date.AddDays(1))
        {
            // ~6 runs a week, a fortnight off each year, a new pair of shoes every ~4 months.
            if (date.DayOfYear is > 200 and < 215 || random.NextDouble() > 0.83)
            {
                continue;
            }

            if (shoes.Count == 0 || date.DayNumber - shoes[^1].StartDate.DayNumber > 120)
            {
                shoes.Add(new Shoe($"Shoe {shoes.Count + 1}", date));
            }

            var longRun = date.DayOfWeek == DayOfWeek.Sunday;
            var km = longRun ? 16 + (random.NextDouble() * 8) : 6 + (random.NextDouble() * 6);
            var pace = 300 + (random.NextDouble() * 60);
            runs.Add(Features(date, km, pace, random, shoes[^1].Name, intervals: date.DayOfWeek == DayOfWeek.Thursday && random.NextDouble() < 0.5 ? 6 : 0));
        }

        _history = [.. runs];
        _shoes = [.. shoes];
        _hour = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), 12, 300, 168, Intervals: 6), seed: 1);
        Console.WriteLine($"// {_history.Length} runs from {first} to {AsOf}; one-hour run: {_hour.Streams.Count} samples");
    }

    [Benchmark(Description = "Analyzer.Analyze (10 years)")]
    public int Analyze() =>
        Analyzer.Analyze(_history, _profile, _shoes, AsOf, AsOf.AddDays(-3), AnalysisSettings.Default).Findings.Count;

    [Benchmark(Description = "RunFeatureExtractor.Extract (1 h at 1 Hz)")]
    public int Extract() => RunFeatureExtractor.Extract(_hour).SpeedBins.Count;

    private static RunFeatures Features(DateOnly date, double km, double pace, Random random, string gear, int intervals)
    {
        var seconds = km * pace;
        var speed = 1000 / pace;
        var cadence = 165 + (random.NextDouble() * 10);
        var bin = Math.Floor((speed - 1.75) / 0.25) * 0.25 + 1.75;
        return new RunFeatures
        {
            StartUtc = new DateTimeOffset(date.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero),
            Sport = Sport.Running,
            Gear = gear,
            DistanceMeters = km * 1000,
            MovingSeconds = seconds,
            ElapsedSeconds = seconds + 60,
            AscentMeters = 20 + (random.NextDouble() * 150),
            AvgHeartRateBpm = 140 + (random.NextDouble() * 15),
            MaxHeartRateBpm = 170,
            AvgSpeedMetersPerSecond = speed,
            MeanTemperatureCelsius = 5 + (random.NextDouble() * 25),
            MedianCadenceStepsPerMinute = cadence,
            MedianStepLengthMeters = speed * 60 / cadence,
            SpeedBins =
            [
                new SpeedBin(bin - 0.25, seconds * 0.2, cadence - 2),
                new SpeedBin(bin, seconds * 0.6, cadence),
                new SpeedBin(bin + 0.25, seconds * 0.2, cadence + 2),
            ],
            HeartRateBins = [.. Enumerable.Range(0, 8).Select(i => new HeartRateBin(120 + (5 * i), seconds / 8))],
            IntervalRepeats = intervals,
            BestTwentyMinuteSpeedMetersPerSecond = seconds > 1200 ? speed * 1.02 : null,
        };
    }
}
