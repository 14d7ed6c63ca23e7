using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Builds <see cref="RunFeatures"/> directly (no streams), and steady histories to plant patterns in.</summary>
internal static class Histories
{
    /// <summary>Monday 5 January 2026, week 1 of every generated history.</summary>
    public static readonly DateOnly FirstMonday = new(2026, 1, 5);

    public static readonly AthleteProfile Profile = new(heightMeters: 1.75, maxHeartRateBpm: 190, restingHeartRateBpm: 50);

    public static RunFeatures Run(
        DateOnly date,
        double km,
        double paceSecondsPerKm = 360,
        double cadence = 172,
        double ascentMeters = 50,
        double temperatureCelsius = 15,
        string? gear = null,
        int intervals = 0,
        double heartRate = 140,
        string? name = null,
        TimeSpan? utcOffset = null,
        TimeOnly? at = null)
    {
        var speed = 1000 / paceSecondsPerKm;
        var seconds = km * paceSecondsPerKm;
        var offset = utcOffset ?? TimeSpan.Zero;
        var local = date.ToDateTime(at ?? new TimeOnly(7, 0));
        return new RunFeatures
        {
            StartUtc = new DateTimeOffset(local, offset).ToUniversalTime(),
            UtcOffset = offset,
            Sport = Sport.Running,
            SubSport = SubSport.Road,
            Name = name ?? (intervals > 0 ? $"Intervals {intervals}x" : "Run"),
            Gear = gear,
            DistanceMeters = km * 1000,
            MovingSeconds = seconds,
            ElapsedSeconds = seconds,
            AscentMeters = ascentMeters,
            AvgHeartRateBpm = heartRate,
            MaxHeartRateBpm = heartRate + 15,
            AvgSpeedMetersPerSecond = speed,
            MeanTemperatureCelsius = temperatureCelsius,
            MaxTemperatureCelsius = temperatureCelsius + 1,
            MedianCadenceStepsPerMinute = cadence,
            MedianStepLengthMeters = speed * 60 / cadence,
            SpeedBins = [new SpeedBin(Math.Floor(speed / 0.25) * 0.25, seconds, cadence)],
            HeartRateBins = [new HeartRateBin((int)(heartRate / 5) * 5, seconds)],
            IntervalRepeats = intervals,
            IntervalSpeedMetersPerSecond = intervals > 0 ? speed * 1.2 : null,
            BestTwentyMinuteSpeedMetersPerSecond = seconds >= 1200 ? speed : null,
        };
    }

    /// <summary>
    /// A steady week: Tue 8, Thu 8, Sat 6, Sun 20 km (42 km) at 6:00 min/km, 172 spm, 15 °C. The Sunday run lasts
    /// 2 hours (a long effort) but is neither hot nor hard, so it is not a cramp risk.
    /// </summary>
    public static IEnumerable<RunFeatures> SteadyWeek(DateOnly monday, double cadence = 172, string? gear = null)
    {
        yield return Run(monday.AddDays(1), 8, cadence: cadence, gear: gear);
        yield return Run(monday.AddDays(3), 8, cadence: cadence, gear: gear);
        yield return Run(monday.AddDays(5), 6, cadence: cadence, gear: gear);
        yield return Run(monday.AddDays(6), 20, cadence: cadence, gear: gear);
    }

    public static List<RunFeatures> Steady(int weeks, double cadence = 172, string? gear = null) =>
        [.. Enumerable.Range(0, weeks).SelectMany(w => SteadyWeek(Week(w + 1), cadence, gear))];

    /// <summary>The Monday of week <paramref name="number"/> (1-based) of a generated history.</summary>
    public static DateOnly Week(int number) => FirstMonday.AddDays(7 * (number - 1));

    public static AnalysisResult Analyze(IReadOnlyList<RunFeatures> runs, DateOnly onset, AthleteProfile? profile = null, IReadOnlyList<Shoe>? shoes = null) =>
        Analyzer.Analyze(runs, profile ?? Profile, shoes ?? [], onset, onset, AnalysisSettings.Default);

    public static List<RunFeatures> Replace(List<RunFeatures> runs, DateOnly date, RunFeatures replacement)
    {
        var index = runs.FindIndex(r => r.LocalDate() == date);
        runs[index] = replacement;
        return runs;
    }
}
