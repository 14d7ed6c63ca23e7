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

public static class RecentChangeText
{
    /// <summary>The change in the runner's own words, as the questionnaire offers it (CLI and web).</summary>
    public static string Describe(this RecentChange change) => change switch
    {
        RecentChange.DistanceIncrease => "I ran more each week than before",
        RecentChange.PaceIncrease => "I ran faster than usual",
        RecentChange.NewSpeedwork => "I started intervals, tempo runs or races",
        RecentChange.MoreHills => "I ran more hills",
        RecentChange.LongerLongRun => "My long run got longer",
        RecentChange.WornShoes => "My shoes are old or have a lot of distance on them",
        RecentChange.NewShoes => "I changed to new or different shoes",
        RecentChange.MinimalShoes => "I run in minimal or low-drop shoes",
        RecentChange.LongHotEfforts => "I did long, hard or hot runs",
        RecentChange.LowCadence => "My cadence is low (fewer than about 165 steps per minute)",
        RecentChange.Overstriding => "I have been told I overstride",
        RecentChange.WeakHipsHamstrings => "My hips or hamstrings are weak",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}
