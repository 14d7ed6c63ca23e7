using System.Globalization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>
/// The alerts one new event raises, found by comparing the answers and the programme just before and just after it on
/// the event's day. Pure: the caller stores what these return with the event, and never asks again.
/// </summary>
/// <remarks>
/// Issue 14: "alerts come from new answers and check-ins, never from a change of rules". Both states given here are
/// replays under the same rules, one without and one with the event, so whatever the rules say about the older log shows
/// in both and cancels out: only what this event changed is an alert. Stored alerts are then never recomputed, so a later
/// release with other rules neither adds nor removes any.
/// </remarks>
public static class ProgrammeAlerts
{
    /// <summary>A pain score at or above this alerts (issue 14: "pain ≥ 7"; EVIDENCE.md 4.2 calls above 5 "high risk").</summary>
    public const int HighPain = 7;

    /// <summary>Days without a pain or exercise check-in after which a programme alerts (issue 14).</summary>
    public const int DaysWithoutCheckIn = 3;

    /// <summary>The alerts of a new answer set (an assessment or a re-check of the warning signs).</summary>
    /// <param name="before">The latest answers of the same programme before these; null when these start a programme.</param>
    /// <param name="stateBefore">The programme on <paramref name="day"/> without these answers; null when these start a programme.</param>
    /// <param name="stateAfter">The programme on <paramref name="day"/> with them.</param>
    public static IReadOnlyList<ProgrammeAlert> OfAnswers(DateOnly day, RunnerAnswers? before, RunnerAnswers after, ProgrammeState? stateBefore, ProgrammeState stateAfter)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(stateAfter);
        var alerts = Questionnaire.SymptomQuestions
            .Select(q => q.Symptom)
            .Where(s => after.Has(s) && before?.Has(s) != true)
            .Select(s => new ProgrammeAlert(ProgrammeAlertKind.WarningSign, day, $"New warning sign: {SignTitles.Of(s)}"))
            .ToList();
        alerts.AddRange(Escalations(stateBefore, stateAfter));
        return alerts;
    }

    /// <summary>The alerts of a new pain check-in; the states are the programme on its day without and with it.</summary>
    public static IReadOnlyList<ProgrammeAlert> OfPain(PainCheckIn checkIn, ProgrammeState before, ProgrammeState after)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var alerts = new List<ProgrammeAlert>();
        if (checkIn.Score >= HighPain)
        {
            var when = checkIn.Morning ? "in the morning" : checkIn.AtRest ? "at rest" : "during activity";
            alerts.Add(new ProgrammeAlert(ProgrammeAlertKind.HighPain, checkIn.Date, Text($"Pain {checkIn.Score}/10 {when}")));
        }

        alerts.AddRange(Escalations(before, after));
        return alerts;
    }

    /// <summary>The alerts of a new exercise check-in; the states are the programme on its day without and with it.</summary>
    public static IReadOnlyList<ProgrammeAlert> OfExercise(ExerciseCheckIn checkIn, ProgrammeState before, ProgrammeState after)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var alerts = new List<ProgrammeAlert>();
        if (checkIn.Pain is { } pain && pain >= HighPain)
        {
            alerts.Add(new ProgrammeAlert(ProgrammeAlertKind.HighPain, checkIn.Date, Text($"Pain {pain}/10 during an exercise: {ExerciseNames.TitleOf(checkIn.Name)}")));
        }

        alerts.AddRange(Escalations(before, after));
        return alerts;
    }

    /// <summary>
    /// The alert for a programme that has had no pain or exercise check-in for <see cref="DaysWithoutCheckIn"/> days or more
    /// on <paramref name="asOf"/>; null when it has, or when the runner is back to full running (prevention). Dates only.
    /// </summary>
    /// <param name="startedOn">Day 0 of the programme: the count starts there when nothing has been logged since.</param>
    /// <param name="lastCheckIn">The day of the latest pain or exercise check-in on or before <paramref name="asOf"/>, if any.</param>
    public static ProgrammeAlert? NoCheckIn(DateOnly startedOn, Phase phase, DateOnly? lastCheckIn, DateOnly asOf)
    {
        if (phase == Phase.Prevention || asOf < startedOn)
        {
            return null;
        }

        var since = lastCheckIn is { } last && last >= startedOn ? last : startedOn;
        var days = asOf.DayNumber - since.DayNumber;
        if (days < DaysWithoutCheckIn)
        {
            return null;
        }

        var detail = since == lastCheckIn
            ? Text($"No pain or exercise check-in for {days} days (the last on {IsoDate.ToText(since)})")
            : Text($"No pain or exercise check-in in the {days} days since the programme started on {IsoDate.ToText(since)}");
        return new ProgrammeAlert(ProgrammeAlertKind.NoCheckIn, asOf, detail);
    }

    /// <summary>
    /// The escalations that fired with the event and not without it. Rising morning pain has its own kind; every other
    /// rule (a re-check's warning signs, not improving at day 7 or 10) is an escalation.
    /// </summary>
    private static IEnumerable<ProgrammeAlert> Escalations(ProgrammeState? before, ProgrammeState after)
    {
        if (before is null)
        {
            return [];
        }

        return after.Escalations
            .Where(e => !before.Escalations.Contains(e))
            .Select(e => new ProgrammeAlert(
                e.Cause == EscalationCause.RisingMorningPain ? ProgrammeAlertKind.RisingMorningPain : ProgrammeAlertKind.Escalation,
                e.Day,
                e.Raised ? $"{e.Summary}: advice raised to {Advice(e.Advice)}" : $"{e.Summary}; the advice stays: {Advice(e.Advice)}"));
    }

    private static string Advice(Disposition disposition) => disposition switch
    {
        Disposition.SelfCare => "self-care",
        Disposition.SeeClinician => "see a clinician",
        Disposition.Urgent => "get medical help today",
        Disposition.Emergency => "call for emergency help now",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
