using System.Text.Json.Serialization;
using CalfCoach.Core.Activities;

namespace CalfCoach.Core.Analysis;

/// <summary>
/// Everything the training analysis needs from one activity, computed once at import by
/// <see cref="RunFeatureExtractor.Extract"/> so that analysing years of history never touches the
/// sample streams. Persisted as JSON (<see cref="Json.RunFeaturesJson"/>). A value the activity did
/// not record is null, never NaN.
/// </summary>
public sealed record RunFeatures
{
    public required DateTimeOffset StartUtc { get; init; }

    /// <summary>The device's offset from UTC, when the file says; see <see cref="TrainingDay"/>.</summary>
    public TimeSpan? UtcOffset { get; init; }

    public required Sport Sport { get; init; }

    public SubSport SubSport { get; init; } = SubSport.Generic;

    public string? Name { get; init; }

    /// <summary>The shoe named by the source (Strava's activities.csv), matched to <see cref="Shoe.Name"/>.</summary>
    public string? Gear { get; init; }

    public double DistanceMeters { get; init; }

    /// <summary>Timer (moving) time: the device's, or the time spent above walking speed when the device gave none.</summary>
    public double MovingSeconds { get; init; }

    /// <summary>Wall-clock duration, pauses included.</summary>
    public double ElapsedSeconds { get; init; }

    public double? AscentMeters { get; init; }

    public double? AvgHeartRateBpm { get; init; }

    public double? MaxHeartRateBpm { get; init; }

    /// <summary>Distance ÷ moving time.</summary>
    public double? AvgSpeedMetersPerSecond { get; init; }

    /// <summary>Mean of the device's temperature samples. Wrist devices read several degrees above the air.</summary>
    public double? MeanTemperatureCelsius { get; init; }

    public double? MaxTemperatureCelsius { get; init; }

    /// <summary>Median cadence (both feet) over the samples at running speed (≥ <see cref="RunFeatureExtractor.RunningSpeedMetersPerSecond"/>).</summary>
    public double? MedianCadenceStepsPerMinute { get; init; }

    /// <summary>Median step length (one step, not a stride of two) at running speed: speed × 60 ÷ cadence (EVIDENCE.md 5.4).</summary>
    public double? MedianStepLengthMeters { get; init; }

    /// <summary>
    /// Time and median cadence per speed bin of <see cref="RunFeatureExtractor.SpeedBinWidthMetersPerSecond"/>,
    /// at running speed only, non-empty bins in speed order: the raw material of the cadence~speed fit across runs.
    /// </summary>
    public IReadOnlyList<SpeedBin> SpeedBins { get; init; } = [];

    /// <summary>Time per heart-rate bin of <see cref="RunFeatureExtractor.HeartRateBinWidthBpm"/> bpm, non-empty bins in order: zones and TRIMP without the stream.</summary>
    public IReadOnlyList<HeartRateBin> HeartRateBins { get; init; } = [];

    /// <summary>Fast repeats detected within the run (see <see cref="RunFeatureExtractor"/> for the rule); 0 on a steady run.</summary>
    public int IntervalRepeats { get; init; }

    /// <summary>Mean speed over the detected fast repeats.</summary>
    public double? IntervalSpeedMetersPerSecond { get; init; }

    /// <summary>Best average speed over any 20 minutes (a sustained fast portion: tempo), null for shorter runs.</summary>
    public double? BestTwentyMinuteSpeedMetersPerSecond { get; init; }

    /// <summary>True when the activity's name says race (see <see cref="RunFeatureExtractor.RaceWords"/>).</summary>
    public bool NameSuggestsRace { get; init; }

    /// <summary>The activity's <see cref="Activity.NotCountedBecause"/>: set, the run is left out of the analysis.</summary>
    public string? NotCountedBecause { get; init; }

    [JsonIgnore]
    public bool CountsAsRunningLoad => Sport.CountsAsRunningLoad() && NotCountedBecause is null;

    /// <summary>The run's day on the runner's calendar: the device offset, else <paramref name="zone"/>, else UTC.</summary>
    public DateOnly LocalDate(TimeZoneInfo? zone = null) =>
        TrainingDay.ZoneOffset(UtcOffset) is not null || zone is null
            ? TrainingDay.Of(StartUtc, UtcOffset)
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartUtc, zone).DateTime);
}

/// <summary>Time spent in one speed bin [<paramref name="LowerMetersPerSecond"/>, + bin width) and the median cadence there.</summary>
public sealed record SpeedBin(double LowerMetersPerSecond, double Seconds, double? MedianCadenceStepsPerMinute)
{
    [JsonIgnore]
    public double MidMetersPerSecond => LowerMetersPerSecond + (RunFeatureExtractor.SpeedBinWidthMetersPerSecond / 2);
}

/// <summary>Time spent with heart rate in [<paramref name="LowerBpm"/>, + bin width).</summary>
public sealed record HeartRateBin(int LowerBpm, double Seconds)
{
    [JsonIgnore]
    public double MidBpm => LowerBpm + (RunFeatureExtractor.HeartRateBinWidthBpm / 2.0);
}
