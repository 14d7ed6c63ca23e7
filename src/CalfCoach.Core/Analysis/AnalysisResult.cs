namespace CalfCoach.Core.Analysis;

/// <summary>What the analysis found, and the metric series behind it (for tables and charts).</summary>
public sealed record AnalysisResult
{
    public required DateOnly AsOf { get; init; }

    public required DateOnly Onset { get; init; }

    /// <summary>Most relevant to the onset first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Every local ISO week (Monday start) from the first run to <see cref="AsOf"/>, empty weeks included.</summary>
    public required IReadOnlyList<WeekSummary> Weeks { get; init; }

    /// <summary>Every day from the first run to <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<DayLoad> Days { get; init; }

    /// <summary>Every run up to <see cref="AsOf"/>, in time order.</summary>
    public required IReadOnlyList<RunSummary> Runs { get; init; }

    /// <summary>The runner's easy speed at the onset: median average speed of non-speedwork runs (see <see cref="AnalysisSettings.EasyReferenceDays"/>).</summary>
    public double? EasySpeedMetersPerSecond { get; init; }

    public CadenceRelation? Cadence { get; init; }

    public OverstridingEstimate? Overstriding { get; init; }

    public required IReadOnlyList<ShoeStatus> Shoes { get; init; }

    public required HeartRateBasis HeartRate { get; init; }

    /// <summary>
    /// The Mondays of the weeks holding a weekly-distance or long-run spike finding: the weeks the report's chart, the CLI's
    /// chart and the API's weeks all mark as "spike".
    /// </summary>
    public IReadOnlySet<DateOnly> SpikeWeeks() =>
        Findings.Where(f => f.Id is FindingIds.WeeklyDistanceSpike or FindingIds.LongRunSpike)
            .SelectMany(f => f.Dates)
            .Select(TrainingMetrics.WeekOf)
            .ToHashSet();
}

/// <summary>One local ISO week of running.</summary>
/// <param name="ChangePercent">Against the previous week; null when that week had no running.</param>
/// <param name="RollingMeanKilometers">Mean of this week and the 3 before it (<see cref="AnalysisSettings.RollingMeanWeeks"/>).</param>
/// <param name="HardMinutes">Minutes above <see cref="AnalysisSettings.HardHeartRateFractionOfReserve"/> of the heart-rate reserve (or, without heart rate, faster than tempo speed).</param>
/// <param name="ZoneMinutes">Minutes in each intensity zone, easiest first (<see cref="IntensityZones"/>): by heart-rate reserve where heart rate covers the run, else by speed relative to easy speed.</param>
public sealed record WeekSummary(
    DateOnly Monday,
    double DistanceKilometers,
    double MovingMinutes,
    int Runs,
    double AscentMeters,
    double LongestRunKilometers,
    double? ChangePercent,
    double RollingMeanKilometers,
    double HardMinutes,
    int SpeedworkSessions,
    double Trimp,
    IReadOnlyList<double> ZoneMinutes);

/// <summary>One day's running load and the acute:chronic ratios at the end of it (null until the chronic window has data).</summary>
public sealed record DayLoad(
    DateOnly Date,
    double DistanceKilometers,
    double Trimp,
    double? RollingRatioDistance,
    double? EwmaRatioDistance,
    double? RollingRatioTrimp,
    double? EwmaRatioTrimp);

/// <summary>What kind of session a run was.</summary>
[Flags]
public enum SessionTraits
{
    None = 0,
    Intervals = 1,
    Tempo = 2,
    Race = 4,
    LongEffort = 8,
    Hot = 16,
    Hard = 32,
    Speedwork = Intervals | Tempo | Race,
}

/// <summary>One run as the analysis saw it.</summary>
/// <param name="LongestPreviousKilometers">Longest run in the <see cref="AnalysisSettings.SpikeWindowDays"/> days before; null when there was none.</param>
/// <param name="SpikePercent">Distance above that longest run, in percent (negative when shorter).</param>
/// <param name="CadenceAtEasySpeed">The run's cadence moved along the fitted cadence~speed line to the runner's easy speed (comparable across runs).</param>
/// <param name="MedianCadenceStepsPerMinute">The run's own measured median cadence at running speed.</param>
public sealed record RunSummary(
    DateOnly Date,
    DateTimeOffset StartUtc,
    double DistanceKilometers,
    double MovingMinutes,
    SessionTraits Traits,
    double Trimp,
    double? LongestPreviousKilometers,
    double? SpikePercent,
    string? Shoe,
    double? ShoeKilometers,
    int? ShoeAgeDays,
    double? CadenceAtEasySpeed,
    double? AvgSpeedMetersPerSecond,
    double? MedianCadenceStepsPerMinute);

/// <summary>
/// Cadence against speed, fitted by weighted least squares (weights: seconds) over the speed bins of recent runs.
/// </summary>
/// <param name="StandardErrorStepsPerMinute">Run-to-run standard error of <see cref="CadenceAtEasySpeed"/>.</param>
/// <param name="TrendStepsPerMinutePerMonth">Least-squares slope of the runs' cadence at easy speed against time (per 30 days) over the last 26 weeks.</param>
public sealed record CadenceRelation(
    double InterceptStepsPerMinute,
    double SlopeStepsPerMinutePerMeterPerSecond,
    bool SlopeEstimated,
    double EasySpeedMetersPerSecond,
    double CadenceAtEasySpeed,
    double StandardErrorStepsPerMinute,
    int Runs,
    double? TrendStepsPerMinutePerMonth);

/// <summary>
/// Step length at the runner's easy speed against that of a reference runner scaled to the same leg length
/// (dynamic similarity: cadence ∝ 1/√leg length). A ratio above 1 means longer steps than the reference.
/// No validated threshold exists (EVIDENCE.md 5.4); the interval is 95 % from cadence scatter and leg-length uncertainty.
/// </summary>
public sealed record OverstridingEstimate(
    double StepLengthMeters,
    double? StepLengthFractionOfHeight,
    double ReferenceCadenceStepsPerMinute,
    double Ratio,
    double RatioLow,
    double RatioHigh,
    bool LegLengthEstimated);

/// <summary>A shoe's distance and age on the as-of date.</summary>
public sealed record ShoeStatus(string Name, double Kilometers, int AgeDays, bool Retired, bool FromGearName);

/// <summary>The heart rates TRIMP and zones used, and where they came from ("profile", "age", "runs", "default").</summary>
public sealed record HeartRateBasis(double MaxBpm, string MaxSource, double RestingBpm, string RestingSource);
