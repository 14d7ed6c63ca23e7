namespace CalfCoach.Core.Assessment;

/// <summary>What should make the runner act before or at the review.</summary>
/// <param name="Then">What to do when it happens.</param>
/// <param name="EscalatesTo">The disposition it leads to, when it is a fixed one.</param>
public sealed record EscalationTrigger(string Id, string When, string Then, Disposition? EscalatesTo);

/// <summary>When to look again, and what should not wait until then.</summary>
public sealed record FollowUpPlan(DateOnly ReviewOn, IReadOnlyList<EscalationTrigger> Triggers);

public static class FollowUp
{
    /// <summary>"Within days" for a clinician appointment.</summary>
    public const int SeeClinicianWithinDays = 3;

    /// <summary>Silbernagel pain-monitoring model: pain during activity may reach 5/10 (EVIDENCE.md 4.2).</summary>
    public const int AcceptablePainDuringActivity = 5;

    public static FollowUpPlan For(Disposition disposition, RunnerAnswers answers, DateOnly asOf, EmergencyServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        services ??= EmergencyServices.Neutral;
        var newSign = new EscalationTrigger("new-warning-sign",
            "Any new warning sign: breathlessness, chest pain, a cold or pale foot, numbness, swelling, warmth, redness, fever, or pain that becomes severe",
            $"Breathlessness, chest pain, fainting or a cold, pale foot: call {services.EmergencyNumberText} now. Any of the others: get help the same day ({services.SameDayCare}).", null);

        switch (disposition)
        {
            case Disposition.Emergency:
                return new FollowUpPlan(asOf, [newSign with
                {
                    When = "While you wait for help, you get worse",
                    Then = $"Call {services.EmergencyNumberText} again and say what has changed.",
                    EscalatesTo = Disposition.Emergency,
                }]);
            case Disposition.Urgent:
                return new FollowUpPlan(asOf,
                [
                    new EscalationTrigger("breathing-or-chest",
                        "You become short of breath, get chest pain, cough blood or feel faint",
                        $"Call {services.EmergencyNumberText} for an ambulance now.", Disposition.Emergency),
                    new EscalationTrigger("not-seen-today", "You cannot be seen today",
                        "Go to an urgent care centre or the emergency department.", Disposition.Urgent),
                ]);
            case Disposition.SeeClinician:
                return new FollowUpPlan(asOf.AddDays(SeeClinicianWithinDays),
                [
                    newSign,
                    new EscalationTrigger("getting-worse", "The pain gets worse before your appointment",
                        "Ask for an earlier, same-day appointment.", Disposition.Urgent),
                ]);
            case Disposition.SelfCare:
                var review = ReviewDate(answers.DaysOfHomeCare, asOf);
                var latest = asOf.AddDays(Math.Max(0, TriageRules.HomeCareDaysLatestReview - answers.DaysOfHomeCare));
                var triggers = new List<EscalationTrigger>
                {
                    newSign,
                    new("not-improving",
                        $"No clear improvement by {IsoDate.ToText(review)}"
                            + (latest > review ? $" (at the latest by {IsoDate.ToText(latest)}, day {TriageRules.HomeCareDaysLatestReview} of home care)" : string.Empty),
                        "Book a doctor or physiotherapist; the problem may be more than simple overload.",
                        Disposition.SeeClinician),
                    new("morning-pain-rising", "Morning pain or stiffness is worse from one week to the next",
                        "Book a doctor or physiotherapist.", Disposition.SeeClinician),
                    new("pain-during-activity",
                        $"Pain during walking or exercises goes above {AcceptablePainDuringActivity}/10, or has not settled by the next morning",
                        "Do less the next day and hold your progression until it settles.", null),
                };
                return new FollowUpPlan(review, triggers);
            default:
                throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null);
        }
    }

    /// <summary>
    /// The review falls on day 7 of home care (the article's 7–10 day window, earliest end); if the
    /// runner is already past day 7 and improving, on day 10; past that, a week later.
    /// </summary>
    public static DateOnly ReviewDate(int daysOfHomeCare, DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysOfHomeCare);
        if (daysOfHomeCare < TriageRules.HomeCareDaysBeforeReview)
        {
            return asOf.AddDays(TriageRules.HomeCareDaysBeforeReview - daysOfHomeCare);
        }

        return daysOfHomeCare < TriageRules.HomeCareDaysLatestReview
            ? asOf.AddDays(TriageRules.HomeCareDaysLatestReview - daysOfHomeCare)
            : asOf.AddDays(7);
    }
}
