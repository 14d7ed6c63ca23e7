namespace CalfCoach.Core.Assessment;

/// <summary>
/// A change in training, equipment or body the runner reports. These are possible contributing
/// causes of overload pain (the article's training errors, biomechanics, shoes and cramps).
/// </summary>
public enum RecentChange
{
    DistanceIncrease,
    PaceIncrease,
    NewSpeedwork,
    MoreHills,
    LongerLongRun,
    WornShoes,
    NewShoes,
    MinimalShoes,
    LongHotEfforts,
    LowCadence,
    Overstriding,
    WeakHipsHamstrings,
}
