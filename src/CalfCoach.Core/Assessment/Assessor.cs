using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Assessment;

/// <summary>Turns the runner's answers into an assessment: triage first, coaching only where it is safe.</summary>
public static class Assessor
{
    /// <summary>Turns answers into a result for the runner's country (the neutral default names the common numbers).</summary>
    /// <param name="findings">What the runner's own training data shows (see <see cref="Analysis.Analyzer"/>); none without a history.</param>
    /// <param name="services">Who to call where the runner lives; <see cref="EmergencyServices.Neutral"/> when unknown.</param>
    public static AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf, IReadOnlyList<Finding>? findings = null, EmergencyServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        services ??= EmergencyServices.Neutral;
        var triage = Triage.Evaluate(answers);
        var disposition = triage.Disposition;
        findings ??= [];
        var factors = findings.Count > 0
            ? ContributingFactors.Merge(answers, findings)
            : ContributingFactors.FromReportedAnswers(answers);
        var followUp = FollowUp.For(disposition, answers, asOf, services);
        var situation = AdviceSituation.From(disposition, triage, answers);

        // A red flag overrides all coaching (EVIDENCE.md 1.1 implementation notes): with an
        // emergency or urgent disposition the runner gets only what to do now.
        IReadOnlyList<PlanItem> selfCare = [];
        IReadOnlyList<WithheldItem> withheld = [];
        IReadOnlyList<PlanItem> prevention = [];
        if (!disposition.ForbidsCoaching())
        {
            var plan = SelfCarePlan.For(situation);
            selfCare = plan.Items;
            withheld = plan.Withheld;
            prevention = PreventionPlan.For(factors, findings);
        }

        return new AssessmentResult(asOf, disposition, DoNowAdvice.For(situation, services, followUp), triage.RedFlags,
            triage.Concerns, factors, selfCare, withheld, prevention, followUp)
        {
            NotAsked = answers.NotAsked,
            Services = services,
            Situation = situation,
        };
    }
}
