using CalfCoach.Core.Activities;

namespace CalfCoach.Storage;

/// <summary>A stored activity that may be the same run as one being imported (see <see cref="ActivityStore.FindSameActivity"/>).</summary>
/// <param name="Richness">The stored copy's <see cref="Activity.Richness"/>, to keep the richer copy without loading streams.</param>
public sealed record StoredActivityCandidate(long Id, DateTimeOffset StartUtc, long Richness, ActivitySource Source);

/// <summary>A stored activity's summary: everything but laps, streams and problems.</summary>
/// <param name="StartUtc">The start instant, in UTC, to the millisecond.</param>
/// <param name="SampleCount">Samples in the stored streams.</param>
/// <param name="ImportedUtc">When this copy was stored.</param>
/// <param name="NotCountedBecause">Why the activity is left out of the analysis (<see cref="Activity.NotCountedBecause"/>), or null.</param>
public sealed record ActivitySummary(
    long Id,
    DateTimeOffset StartUtc,
    TimeSpan? UtcOffset,
    Sport Sport,
    SubSport SubSport,
    string? Name,
    string? Device,
    string? Gear,
    double ElapsedSeconds,
    double? TimerSeconds,
    double? DistanceMeters,
    double? AscentMeters,
    double? AvgHeartRateBpm,
    double? MaxHeartRateBpm,
    double? AvgCadenceStepsPerMinute,
    bool IsPartial,
    string? NotCountedBecause,
    int SampleCount,
    long Richness,
    ActivitySource Source,
    DateTimeOffset ImportedUtc);

/// <summary>What <see cref="ActivityStore.Store"/> did with a copy of a run.</summary>
public enum StoreOutcome
{
    /// <summary>A new activity was stored.</summary>
    Inserted,

    /// <summary>This exact content was already stored as the activity; nothing changed.</summary>
    AlreadyStored,

    /// <summary>The same run was stored from a poorer file; this copy replaced it, keeping its id.</summary>
    ReplacedPoorerCopy,

    /// <summary>The same run is stored from a file that ranks higher; this copy was recorded as its duplicate.</summary>
    KeptRicherCopy,
}

/// <summary>The outcome of <see cref="ActivityStore.Store"/>.</summary>
/// <param name="ActivityId">The stored activity that now holds this run.</param>
/// <param name="OtherCopy">The other file of the same run, when there was one.</param>
public sealed record StoreDecision(StoreOutcome Outcome, long ActivityId, ActivitySource? OtherCopy);
