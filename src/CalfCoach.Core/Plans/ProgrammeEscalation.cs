using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>Which of the programme's escalation rules fired (EVIDENCE.md 1.1, 4.2).</summary>
public enum EscalationCause
{
    /// <summary>A re-check of the warning signs triaged higher than the programme's advice.</summary>
    WarningSignRecheck,

    /// <summary>No improvement at day 7 of home care.</summary>
    NotImproving,

    /// <summary>Still no improvement at day 10 of home care.</summary>
    StillNotImproving,

    /// <summary>Morning pain rose week on week (Silbernagel).</summary>
    RisingMorningPain,
}

/// <summary>
/// One firing of an escalation rule in the replay, kept as a value (beside the reason's sentence) so that what one new
/// check-in or answer set made fire can be told from what had fired already (<see cref="ProgrammeAlerts"/>).
/// </summary>
/// <param name="Advice">The programme's advice right after it fired.</param>
/// <param name="Raised">True when it raised the advice; false when the advice was already as high (the reason still counts).</param>
/// <param name="Summary">A short plain sentence for a clinician, without the date ("Not improving after 7 days of home care").</param>
public sealed record ProgrammeEscalation(DateOnly Day, EscalationCause Cause, Disposition Advice, bool Raised, string Summary);
