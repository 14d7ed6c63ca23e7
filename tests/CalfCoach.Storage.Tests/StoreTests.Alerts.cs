using CalfCoach.Core.Plans;

namespace CalfCoach.Storage.Tests;

/// <summary>Programme alerts: stored with the event that raised them, once, per runner, and cleared by a clinician's visit.</summary>
public abstract partial class StoreTests
{
    private static readonly DateOnly AlertDay = new(2026, 11, 10);

    private static ProgrammeAlert Alert(ProgrammeAlertKind kind, DateOnly day, string detail) => new(kind, day, detail);

    [Fact]
    public void Alerts_are_stored_with_their_event_and_read_newest_first_with_its_kind_and_row()
    {
        var journal = new JournalStore(OpenDatabase());
        var sign = Alert(ProgrammeAlertKind.WarningSign, AlertDay, "New warning sign: calf swollen");
        var escalation = Alert(ProgrammeAlertKind.Escalation, AlertDay, "The warning-sign re-check calls for more urgent care: advice raised to get medical help today");
        var pain = Alert(ProgrammeAlertKind.HighPain, AlertDay.AddDays(1), "Pain 8/10 during activity");
        var exercise = Alert(ProgrammeAlertKind.HighPain, AlertDay.AddDays(2), "Pain 7/10 during an exercise: Heel drops, straight knee");

        var check = journal.AddAssessment(StoredAssessmentKind.RedFlagCheck, AlertDay, AlertDay.AddDays(-3), "{}", [sign, escalation]);
        var painId = journal.AddPain(AlertDay.AddDays(1), 8, false, false, null, alerts: [pain]);
        var exerciseId = journal.AddExercise(AlertDay.AddDays(2), "heel-drops-straight-knee", 3, 12, null, 7, alerts: [exercise]);

        var stored = journal.AlertsSinceLatestReview(AlertDay, AlertDay.AddDays(2));
        Assert.Equal([exercise, pain, escalation, sign], stored.Select(a => a.Alert));
        Assert.Equal(
            [(AlertSource.ExerciseCheckIn, exerciseId), (AlertSource.PainCheckIn, painId), (AlertSource.RedFlagCheck, check), (AlertSource.RedFlagCheck, check)],
            stored.Select(a => (a.Source, a.SourceId)));
        Assert.All(stored, a => Assert.Equal(Now.ToUnixTimeMilliseconds(), a.RaisedAtUnixMs));
        Assert.Equal([pain], journal.AlertsSinceLatestReview(AlertDay.AddDays(1), AlertDay.AddDays(1)).Select(a => a.Alert));
    }

    [Fact]
    public void A_check_in_sent_again_with_its_client_id_stores_its_alerts_once()
    {
        var journal = new JournalStore(OpenDatabase());
        var pain = Alert(ProgrammeAlertKind.HighPain, AlertDay, "Pain 9/10 at rest");
        var exercise = Alert(ProgrammeAlertKind.HighPain, AlertDay, "Pain 7/10 during an exercise: Walk–run session");

        var first = journal.AddPain(AlertDay, 9, true, false, null, "queued-1", [pain]);
        var again = journal.AddPain(AlertDay, 9, true, false, null, "queued-1", [pain]);
        journal.AddExercise(AlertDay, "walk-run", 6, 1, null, 7, "queued-2", [exercise]);
        journal.AddExercise(AlertDay, "walk-run", 6, 1, null, 7, "queued-2", [exercise]);

        Assert.Equal(first, again);
        Assert.Equal([exercise, pain], journal.AlertsSinceLatestReview(AlertDay, AlertDay).Select(a => a.Alert));
    }

    [Fact]
    public void A_clinicians_visit_clears_the_alerts_up_to_it_and_not_those_raised_after()
    {
        var journal = new JournalStore(OpenDatabase());
        var dayBefore = Alert(ProgrammeAlertKind.HighPain, AlertDay.AddDays(-1), "Pain 8/10 during activity");
        var morning = Alert(ProgrammeAlertKind.HighPain, AlertDay, "Pain 7/10 in the morning");
        var evening = Alert(ProgrammeAlertKind.HighPain, AlertDay, "Pain 9/10 at rest");
        journal.AddPain(AlertDay.AddDays(-1), 8, false, false, null, alerts: [dayBefore]);
        journal.AddPain(AlertDay, 7, false, true, null, alerts: [morning]);
        Clock.Now = Now.AddHours(3);
        journal.AddClinicianReview(AlertDay, clearedForRehab: false, note: "seen");
        Clock.Now = Now.AddHours(9);
        journal.AddPain(AlertDay, 9, true, false, null, alerts: [evening]);

        Assert.Equal([evening], journal.AlertsSinceLatestReview(AlertDay.AddDays(-13), AlertDay).Select(a => a.Alert));

        // Read as of the day before the visit, the visit has not happened yet.
        Assert.Equal([dayBefore], journal.AlertsSinceLatestReview(AlertDay.AddDays(-14), AlertDay.AddDays(-1)).Select(a => a.Alert));
    }

    [Fact]
    public void Another_runner_sees_none_of_a_runners_alerts_nor_is_cleared_by_their_visits()
    {
        var database = OpenDatabase();
        var first = new JournalStore(database.ForRunner(RunnerId.Local));
        var second = new JournalStore(database.ForRunner(database.AddRunner()));
        var alert = Alert(ProgrammeAlertKind.HighPain, AlertDay, "Pain 10/10 during activity");

        first.AddPain(AlertDay, 10, false, false, null, alerts: [alert]);
        second.AddClinicianReview(AlertDay.AddDays(1), clearedForRehab: true, note: null);

        Assert.Empty(second.AlertsSinceLatestReview(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Equal([alert], first.AlertsSinceLatestReview(DateOnly.MinValue, DateOnly.MaxValue).Select(a => a.Alert));
    }

    [Fact]
    public void The_latest_check_in_is_the_later_of_pain_and_exercise_within_the_dates()
    {
        var journal = new JournalStore(OpenDatabase());
        Assert.Null(journal.LatestCheckIn(AlertDay, AlertDay.AddDays(30)));

        journal.AddPain(AlertDay, 2, false, false, null);
        journal.AddExercise(AlertDay.AddDays(3), "heel-drops-straight-knee", 3, 12, null, 2);
        journal.AddPain(AlertDay.AddDays(5), 1, false, true, null);

        Assert.Equal(AlertDay.AddDays(5), journal.LatestCheckIn(AlertDay, AlertDay.AddDays(30)));
        Assert.Equal(AlertDay.AddDays(3), journal.LatestCheckIn(AlertDay, AlertDay.AddDays(4)));
        Assert.Null(journal.LatestCheckIn(AlertDay.AddDays(6), AlertDay.AddDays(30)));
    }
}
