namespace CalfCoach.Core.Activities;

/// <summary>Where an activity came from: the format, the file as the user knows it, and its content hash.</summary>
/// <param name="Format">"fit", "gpx" or "tcx".</param>
/// <param name="Path">The file as given, with the path inside archives after "!" (e.g. "export.zip!activities/123.fit.gz").</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the decoded file bytes (after gunzip): the idempotency key.</param>
public sealed record ActivitySource(string Format, string Path, string ContentSha256);

/// <summary>A lap or split as the device recorded it.</summary>
public sealed record ActivityLap(
    DateTimeOffset StartUtc,
    double ElapsedSeconds,
    double? TimerSeconds,
    double? DistanceMeters,
    double? AvgHeartRateBpm,
    double? AvgCadenceStepsPerMinute,
    double? AvgSpeedMetersPerSecond);

/// <summary>
/// One activity, whatever file it came from. Totals are the device's own where it recorded them,
/// otherwise derived from the samples (and then said so by the reader's tests, not here).
/// </summary>
public sealed record Activity
{
    public required DateTimeOffset StartUtc { get; init; }

    /// <summary>The device's local time offset from UTC, when the file says; places the run on the runner's day.</summary>
    public TimeSpan? UtcOffset { get; init; }

    public required Sport Sport { get; init; }

    public SubSport SubSport { get; init; } = SubSport.Generic;

    public string? Name { get; init; }

    /// <summary>The recording device, e.g. "garmin fenix2" or "Strava iPhone App".</summary>
    public string? Device { get; init; }

    /// <summary>The shoe or other gear, when the source names it (Strava's activities.csv does).</summary>
    public string? Gear { get; init; }

    /// <summary>Wall-clock duration from start to end, pauses included.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Moving (timer) duration, pauses excluded, when known.</summary>
    public double? TimerSeconds { get; init; }

    public double? DistanceMeters { get; init; }

    public double? AscentMeters { get; init; }

    public double? AvgHeartRateBpm { get; init; }

    public double? MaxHeartRateBpm { get; init; }

    /// <summary>Average cadence in steps per minute (both feet); foot sports only.</summary>
    public double? AvgCadenceStepsPerMinute { get; init; }

    /// <summary>
    /// The unit of <see cref="ActivityStreams.Cadence"/>: the sport's (<see cref="SportExtensions.CadenceUnit"/>) unless
    /// a reader or the database says otherwise. Analysis reads cadence as steps only when this is steps per minute.
    /// </summary>
    public CadenceUnit CadenceUnit
    {
        get => _cadenceUnit ?? Sport.CadenceUnit();
        init => _cadenceUnit = value;
    }

    private readonly CadenceUnit? _cadenceUnit;

    public IReadOnlyList<ActivityLap> Laps { get; init; } = [];

    public ActivityStreams Streams { get; init; } = ActivityStreams.Empty;

    public required ActivitySource Source { get; init; }

    /// <summary>True when the file was damaged and only the part before the damage was read.</summary>
    public bool IsPartial { get; init; }

    /// <summary>What was wrong with the file, each with its byte offset or line.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// Why the activity cannot be one real recording (an implausible duration, speed or number of sessions:
    /// <see cref="ActivityPlausibility"/>), in plain words; null when it is plausible. A marked activity is kept and
    /// shown, but never counted in the training analysis.
    /// </summary>
    public string? NotCountedBecause { get; init; }

    public bool CountsAsRunningLoad => Sport.CountsAsRunningLoad() && NotCountedBecause is null;

    /// <summary>
    /// How much the activity tells us, used to keep the richer of two copies of the same run
    /// (a FIT file and a GPX export of it): one point per sample of each channel present.
    /// </summary>
    public long Richness
    {
        get
        {
            long score = Laps.Count;
            foreach (var kind in Enum.GetValues<StreamKind>())
            {
                score += Streams.CountPresent(kind);
            }

            return score;
        }
    }

    /// <summary>True when <paramref name="other"/> is the same activity recorded or exported twice: same sport, start within a minute.</summary>
    public bool IsSameActivityAs(Activity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Sport == other.Sport && (StartUtc - other.StartUtc).Duration() <= SameActivityTolerance;
    }

    public static readonly TimeSpan SameActivityTolerance = TimeSpan.FromMinutes(1);
}
