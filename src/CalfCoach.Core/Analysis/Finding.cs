namespace CalfCoach.Core.Analysis;

/// <summary>How much a finding is likely to matter for this pain: magnitude, strength of the evidence and closeness to the onset.</summary>
public enum Severity
{
    Low,
    Moderate,
    High,
}

/// <summary>The stable finding ids (issue 4). Scripts and the assessment key on these; never rename one.</summary>
public static class FindingIds
{
    public const string WeeklyDistanceSpike = "weekly-distance-spike";
    public const string AcuteChronicRatioHigh = "acute-chronic-ratio-high";
    public const string LongRunSpike = "long-run-spike";
    public const string NewSpeedwork = "new-speedwork";
    public const string PaceIncrease = "pace-increase";
    public const string HillIncrease = "hill-increase";
    public const string ReturnAfterBreak = "return-after-break";
    public const string LowCadence = "low-cadence";
    public const string Overstriding = "overstriding";
    public const string WornShoes = "worn-shoes";
    public const string CrampRiskEfforts = "cramp-risk-efforts";

    /// <summary>All ids, in the order used to break ties between equally relevant findings.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LongRunSpike, WeeklyDistanceSpike, ReturnAfterBreak, NewSpeedwork, LowCadence, WornShoes,
        CrampRiskEfforts, HillIncrease, PaceIncrease, Overstriding, AcuteChronicRatioHigh,
    ];
}

/// <summary>The prevention plan item a finding leads to (an id of <see cref="Assessment.PreventionPlan"/>), with a runner-specific detail.</summary>
public sealed record FindingAction(string PlanItemId, string? Detail = null);

/// <summary>One cause of calf pain seen in the runner's data.</summary>
/// <param name="Dates">Local dates of the runs concerned, or the Mondays of the weeks concerned, in order.</param>
/// <param name="Values">Measured values and the thresholds they were compared with; units are in the names.</param>
public sealed record Finding(
    string Id,
    Severity Severity,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyDictionary<string, double> Values,
    string Explanation,
    FindingAction Action);

public static class SeverityExtensions
{
    public static string WireName(this Severity severity) => severity switch
    {
        Severity.Low => "low",
        Severity.Moderate => "moderate",
        Severity.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    internal static Severity Downgraded(this Severity severity) => severity == Severity.Low ? Severity.Low : severity - 1;
}
