namespace CalfCoach.Core.Assessment;

/// <summary>The whole answer to a runner: how urgent, why, what to do now, and what comes next.</summary>
public sealed record AssessmentResult(
    DateOnly AsOf,
    Disposition Disposition,
    IReadOnlyList<AdviceLine> DoNow,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<Concern> Concerns,
    IReadOnlyList<ContributingFactor> ContributingFactors,
    IReadOnlyList<PlanItem> SelfCare,
    IReadOnlyList<WithheldItem> Withheld,
    IReadOnlyList<PlanItem> Prevention,
    FollowUpPlan FollowUp)
{
    /// <summary>
    /// Warning signs these answers were never asked (they were given in an older version of the questions): the result
    /// names them and offers the re-check.
    /// </summary>
    public IReadOnlyList<Symptom> NotAsked { get; init; } = [];

    /// <summary>What the advice was chosen against (concerns, disposition, day): a plan built on this result re-checks
    /// its own lines against the same facts on later days.</summary>
    public AdviceSituation? Situation { get; init; }

    /// <summary>The country's numbers the advice was written with.</summary>
    public EmergencyServices Services { get; init; } = EmergencyServices.Neutral;

    /// <summary>The words of the "do now" lines, in order.</summary>
    public IReadOnlyList<string> DoNowText => DoNow.Select(line => line.Text).ToArray();

    /// <summary>Shown with every result, whatever the disposition.</summary>
    public const string Notice =
        "CalfCoach does not diagnose. It sorts your answers by how urgently you should get help and suggests safe self-care; "
        + "only a clinician who examines you can say what is wrong. If you feel seriously unwell or something feels wrong, get help whatever this tool says.";
}
