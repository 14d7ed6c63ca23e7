namespace CalfCoach.Core.Plans;

/// <summary>What a clinician is alerted to about a runner in a programme (issue 14: the roster's alerts).</summary>
public enum ProgrammeAlertKind
{
    /// <summary>A warning sign answered "yes" that was not "yes" in the answers before.</summary>
    WarningSign,

    /// <summary>An escalation rule fired: the advice rose, or a new reason to see someone appeared.</summary>
    Escalation,

    /// <summary>A pain score of <see cref="ProgrammeAlerts.HighPain"/> or more, in a pain or an exercise check-in.</summary>
    HighPain,

    /// <summary>The programme's rising-morning-pain rule fired after a morning check-in.</summary>
    RisingMorningPain,

    /// <summary>No pain or exercise check-in for <see cref="ProgrammeAlerts.DaysWithoutCheckIn"/> days or more during a programme.</summary>
    NoCheckIn,
}

/// <summary>The stable names of <see cref="ProgrammeAlertKind"/> (JSON, storage): part of the public contract.</summary>
public static class ProgrammeAlertKinds
{
    public static string Name(ProgrammeAlertKind kind) => kind switch
    {
        ProgrammeAlertKind.WarningSign => "warning-sign",
        ProgrammeAlertKind.Escalation => "escalation",
        ProgrammeAlertKind.HighPain => "high-pain",
        ProgrammeAlertKind.RisingMorningPain => "rising-morning-pain",
        ProgrammeAlertKind.NoCheckIn => "no-check-in",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a stable name stands for; false for any other text.</summary>
    public static bool TryParse(string? name, out ProgrammeAlertKind kind)
    {
        foreach (var candidate in Enum.GetValues<ProgrammeAlertKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>One alert for a clinician.</summary>
/// <param name="Day">The day of the check-in or answers that raised it (for <see cref="ProgrammeAlertKind.NoCheckIn"/>, the as-of day).</param>
/// <param name="Detail">A short plain sentence for a clinician ("Pain 8/10 during activity"); dates in it are ISO (YYYY-MM-DD).</param>
public sealed record ProgrammeAlert(ProgrammeAlertKind Kind, DateOnly Day, string Detail)
{
    private readonly string _detail = string.IsNullOrWhiteSpace(Detail) ? throw new ArgumentException("An alert says what happened.", nameof(Detail)) : Detail;

    public string Detail
    {
        get => _detail;
        init => _detail = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("An alert says what happened.", nameof(Detail)) : value;
    }
}
