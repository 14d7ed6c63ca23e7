using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Assessment;

/// <summary>Turns the runner's answers into an assessment: triage first, coaching only where it is safe.</summary>
public static class Assessor
{
    public const string EmergencyNumbers = "999 in the UK, 911 in the US and Canada, 112 in the EU";

    /// <param name="findings">What the runner's own training data shows (see <see cref="Analysis.Analyzer"/>); none without a history.</param>
    public static AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf, IReadOnlyList<Finding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var triage = Triage.Evaluate(answers);
        var disposition = triage.Disposition;
        findings ??= [];
        var factors = findings.Count > 0
            ? ContributingFactors.Merge(answers, findings)
            : ContributingFactors.FromReportedAnswers(answers);
        var followUp = FollowUp.For(disposition, answers, asOf);

        // A red flag overrides all coaching (EVIDENCE.md 1.1 implementation notes): with an
        // emergency or urgent disposition the runner gets only what to do now.
        IReadOnlyList<PlanItem> selfCare = [];
        IReadOnlyList<WithheldItem> withheld = [];
        IReadOnlyList<PlanItem> prevention = [];
        if (!disposition.ForbidsCoaching())
        {
            var plan = SelfCarePlan.For(answers);
            selfCare = plan.Items;
            withheld = plan.Withheld;
            prevention = PreventionPlan.For(factors, findings);
        }

        return new AssessmentResult(asOf, disposition, DoNow(disposition, triage, followUp), triage.RedFlags,
            triage.Concerns, factors, selfCare, withheld, prevention, followUp);
    }

    private static string[] DoNow(Disposition disposition, TriageOutcome triage, FollowUpPlan followUp)
    {
        var tear = triage.Concerns.Contains(Concern.TearOrRupture);
        var clot = triage.Concerns.Contains(Concern.BloodClotInLeg) || triage.Concerns.Contains(Concern.BloodClotInLungs);
        return disposition switch
        {
            Disposition.Emergency =>
            [
                $"Call your local emergency number now ({EmergencyNumbers}) or have someone take you to the emergency department.",
                "Do not drive yourself.",
                "Stop all activity and sit or lie down while you wait.",
                "Do not rub, massage, stretch or heat the calf.",
                "Tell the call handler which of the warning signs below you have and when they started.",
            ],
            Disposition.Urgent =>
            [
                "Get medical help today: an urgent appointment with your doctor, an urgent care or minor injuries centre, or your health advice line (111 in the UK).",
                $"If you become short of breath, get chest pain, cough blood or feel faint, call the emergency number ({EmergencyNumbers}) at once.",
                "Do not run, stretch or test the leg until you have been seen.",
                .. clot ? ["Do not massage or rub the calf: if there is a clot, pressure could dislodge it."] : Array.Empty<string>(),
                .. tear ? ["Keep weight off the leg as far as you can. If the Achilles tendon may be ruptured, being seen within 24 hours matters for treatment."] : Array.Empty<string>(),
            ],
            Disposition.SeeClinician =>
            [
                $"Book an appointment with a doctor or physiotherapist for the next few days (by {followUp.ReviewOn:yyyy-MM-dd}).",
                "Do not run until you have been seen. The self-care below is safe meanwhile.",
                "If any warning sign appears before then, run the assessment again at once.",
            ],
            Disposition.SelfCare =>
            [
                "None of your answers is a warning sign, so home care is reasonable for now.",
                $"Pause running, follow the self-care plan and review how it feels on {followUp.ReviewOn:yyyy-MM-dd}.",
                "If any warning sign appears, stop and run the assessment again at once.",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
        };
    }
}
