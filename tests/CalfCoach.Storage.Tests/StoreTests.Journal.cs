using System.Data.Common;
using Dapper;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    private static readonly DateOnly JournalDay = new(2026, 11, 2);

    [Fact]
    public void Assessments_round_trip_with_their_kind_dates_and_answers_verbatim()
    {
        var journal = new JournalStore(OpenDatabase());
        const string answers = "{\"swelling\": false, \"note\": \"ça fait mal – 5/10\"}";

        var first = journal.AddAssessment(StoredAssessmentKind.Assessment, JournalDay, JournalDay.AddDays(-2), answers);
        var second = journal.AddAssessment(StoredAssessmentKind.RedFlagCheck, JournalDay.AddDays(3), JournalDay.AddDays(-2), "{}");

        var stored = journal.Assessments(JournalDay.AddDays(3));
        Assert.Equal(
            [
                new StoredAssessment(first, StoredAssessmentKind.Assessment, JournalDay, JournalDay.AddDays(-2), answers),
                new StoredAssessment(second, StoredAssessmentKind.RedFlagCheck, JournalDay.AddDays(3), JournalDay.AddDays(-2), "{}"),
            ],
            stored);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Assessments_are_listed_up_to_and_including_the_date_in_date_order_then_recorded_order()
    {
        var journal = new JournalStore(OpenDatabase());
        var newYear = journal.AddAssessment(StoredAssessmentKind.Assessment, new DateOnly(2027, 1, 2), JournalDay, "{\"n\":1}");
        var december = journal.AddAssessment(StoredAssessmentKind.Assessment, new DateOnly(2026, 12, 31), JournalDay, "{\"n\":2}");
        var sameDayFirst = journal.AddAssessment(StoredAssessmentKind.RedFlagCheck, new DateOnly(2026, 11, 9), JournalDay, "{\"n\":3}");
        var sameDaySecond = journal.AddAssessment(StoredAssessmentKind.Assessment, new DateOnly(2026, 11, 9), JournalDay, "{\"n\":4}");
        journal.AddAssessment(StoredAssessmentKind.Assessment, new DateOnly(2027, 1, 3), JournalDay, "{\"n\":5}");

        Assert.Equal([sameDayFirst, sameDaySecond, december, newYear], journal.Assessments(new DateOnly(2027, 1, 2)).Select(a => a.Id));
        Assert.Equal([sameDayFirst, sameDaySecond], journal.Assessments(new DateOnly(2026, 11, 9)).Select(a => a.Id));
        Assert.Empty(journal.Assessments(new DateOnly(2026, 11, 8)));
    }

    [Fact]
    public void Clinician_reviews_round_trip_in_date_range_and_recorded_order()
    {
        var journal = new JournalStore(OpenDatabase());

        var seen = journal.AddClinicianReview(JournalDay.AddDays(8), clearedForRehab: false, note: "scan booked");
        var cleared = journal.AddClinicianReview(JournalDay.AddDays(8), clearedForRehab: true, note: null);
        journal.AddClinicianReview(JournalDay.AddDays(20), clearedForRehab: true, note: null);

        Assert.Equal(
            [
                new StoredClinicianReview(seen, JournalDay.AddDays(8), ClearedForRehab: false, "scan booked"),
                new StoredClinicianReview(cleared, JournalDay.AddDays(8), ClearedForRehab: true, null),
            ],
            journal.ClinicianReviews(JournalDay, JournalDay.AddDays(19)));
    }

    [Fact]
    public void A_task_ticked_off_is_done_on_its_own_day_only_and_once_however_often_it_is_ticked()
    {
        var journal = new JournalStore(OpenDatabase());

        journal.AddTaskCheckOff(JournalDay, "ice");
        journal.AddTaskCheckOff(JournalDay, "ice");
        journal.AddTaskCheckOff(JournalDay, "elevation");
        journal.AddTaskCheckOff(JournalDay.AddDays(1), "compression");

        Assert.Equal(["elevation", "ice"], journal.TasksDone(JournalDay).Order());
        Assert.Equal(["compression"], journal.TasksDone(JournalDay.AddDays(1)));
        Assert.Empty(journal.TasksDone(JournalDay.AddDays(2)));
    }

    [Fact]
    public void Pain_check_ins_round_trip_with_their_flags_and_an_optional_note()
    {
        var journal = new JournalStore(OpenDatabase());

        var morning = journal.AddPain(JournalDay, 4, atRest: false, morning: true, note: "stiff on the stairs");
        var atRest = journal.AddPain(JournalDay, 0, atRest: true, morning: false, note: null);
        var walking = journal.AddPain(JournalDay, 10, atRest: false, morning: false, note: "");

        Assert.Equal(
            [
                new StoredPainCheckIn(morning, JournalDay, 4, AtRest: false, Morning: true, "stiff on the stairs"),
                new StoredPainCheckIn(atRest, JournalDay, 0, AtRest: true, Morning: false, null),
                new StoredPainCheckIn(walking, JournalDay, 10, AtRest: false, Morning: false, ""),
            ],
            journal.Pain(JournalDay, JournalDay));
    }

    [Fact]
    public void Exercise_check_ins_round_trip_with_an_optional_load_and_pain()
    {
        var journal = new JournalStore(OpenDatabase());

        var loaded = journal.AddExercise(JournalDay, "heel-drops-straight-knee", 3, 15, 7.5, 2);
        var plain = journal.AddExercise(JournalDay, "walk-run", 6, 1, null, null);
        var painFree = journal.AddExercise(JournalDay, "single-leg-heel-raise", 1, 0, 0, 0);

        Assert.Equal(
            [
                new StoredExerciseCheckIn(loaded, JournalDay, "heel-drops-straight-knee", 3, 15, 7.5, 2),
                new StoredExerciseCheckIn(plain, JournalDay, "walk-run", 6, 1, null, null),
                new StoredExerciseCheckIn(painFree, JournalDay, "single-leg-heel-raise", 1, 0, 0, 0),
            ],
            journal.Exercises(JournalDay, JournalDay));
    }

    [Fact]
    public void Check_ins_are_listed_within_an_inclusive_range_by_date_then_in_the_order_logged()
    {
        var journal = new JournalStore(OpenDatabase());
        var lateEvening = journal.AddPain(JournalDay.AddDays(1), 3, false, false, "evening, logged first");
        var earlyMorning = journal.AddPain(JournalDay.AddDays(1), 5, false, true, "morning, logged second");
        var firstDay = journal.AddPain(JournalDay, 6, true, false, null);
        var lastDay = journal.AddPain(JournalDay.AddDays(3), 2, false, false, null);
        journal.AddPain(JournalDay.AddDays(-1), 7, true, false, "before the range");
        journal.AddPain(JournalDay.AddDays(4), 1, false, false, "after the range");
        var exerciseLater = journal.AddExercise(JournalDay.AddDays(3), "heel-drops", 3, 12, null, 2);
        var exerciseEarlier = journal.AddExercise(JournalDay, "heel-drops", 3, 10, null, 3);
        journal.AddExercise(JournalDay.AddDays(4), "heel-drops", 3, 15, null, 1);

        Assert.Equal([firstDay, lateEvening, earlyMorning, lastDay], journal.Pain(JournalDay, JournalDay.AddDays(3)).Select(p => p.Id));
        Assert.Equal([exerciseEarlier, exerciseLater], journal.Exercises(JournalDay, JournalDay.AddDays(3)).Select(e => e.Id));
        Assert.Empty(journal.Pain(JournalDay.AddDays(5), JournalDay.AddDays(9)));
    }

    [Fact]
    public void The_database_itself_refuses_a_pain_score_of_11_and_negative_exercise_counts()
    {
        var database = OpenDatabase();
        var journal = new JournalStore(database);
        using (var connection = database.OpenConnection())
        {
            Assert.ThrowsAny<DbException>(() => connection.Execute(
                "INSERT INTO pain_check_ins (day, score, at_rest, morning, note, recorded_at_unix_ms) VALUES ('2026-11-02', 11, 0, 0, NULL, 0)"));
            Assert.ThrowsAny<DbException>(() => connection.Execute(
                "INSERT INTO exercise_check_ins (day, name, sets, reps, load_kg, pain, recorded_at_unix_ms) VALUES ('2026-11-02', 'x', 3, 12, NULL, 11, 0)"));
            Assert.ThrowsAny<DbException>(() => connection.Execute(
                "INSERT INTO assessments (kind, as_of, onset, answers_json, recorded_at_unix_ms) VALUES ('diagnosis', '2026-11-02', '2026-11-01', '{}', 0)"));
        }

        Assert.ThrowsAny<DbException>(() => journal.AddExercise(JournalDay, "heel-drops", -1, 12, null, null));
        Assert.ThrowsAny<DbException>(() => journal.AddExercise(JournalDay, "heel-drops", 3, -12, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => journal.AddPain(JournalDay, 11, false, false, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => journal.AddPain(JournalDay, -1, false, false, null));

        Assert.Empty(journal.Pain(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Empty(journal.Exercises(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Empty(journal.Assessments(DateOnly.MaxValue));
    }

    [Fact]
    public void Every_journal_row_is_stamped_with_the_injected_clock()
    {
        var database = OpenDatabase();
        var journal = new JournalStore(database);

        Clock.Now = Now.AddHours(1);
        journal.AddAssessment(StoredAssessmentKind.Assessment, JournalDay, JournalDay, "{}");
        Clock.Now = Now.AddHours(2);
        journal.AddPain(JournalDay, 3, false, false, null);
        Clock.Now = Now.AddHours(3);
        journal.AddExercise(JournalDay, "heel-drops", 3, 12, null, null);

        using var connection = database.OpenConnection();
        Assert.Equal(Now.AddHours(1).ToUnixTimeMilliseconds(), connection.ExecuteScalar<long>("SELECT recorded_at_unix_ms FROM assessments"));
        Assert.Equal(Now.AddHours(2).ToUnixTimeMilliseconds(), connection.ExecuteScalar<long>("SELECT recorded_at_unix_ms FROM pain_check_ins"));
        Assert.Equal(Now.AddHours(3).ToUnixTimeMilliseconds(), connection.ExecuteScalar<long>("SELECT recorded_at_unix_ms FROM exercise_check_ins"));
    }

    [Fact]
    public void The_journal_is_kept_when_the_database_is_reopened()
    {
        var id = new JournalStore(OpenDatabase()).AddPain(JournalDay, 2, false, true, "kept");

        var reopened = new JournalStore(OpenDatabase());

        Assert.Equal([new StoredPainCheckIn(id, JournalDay, 2, false, true, "kept")], reopened.Pain(JournalDay, JournalDay));
    }

    [Fact]
    public void A_check_in_sent_again_with_its_client_id_is_stored_once_and_answers_the_first_row()
    {
        var journal = new JournalStore(OpenDatabase());

        var first = journal.AddPain(JournalDay, 4, false, true, "offline", clientId: "q-1");
        var again = journal.AddPain(JournalDay, 4, false, true, "offline", clientId: "q-1");
        var exercise = journal.AddExercise(JournalDay, "walk-run", 5, 1, null, 2, clientId: "q-2");
        var exerciseAgain = journal.AddExercise(JournalDay, "walk-run", 5, 1, null, 2, clientId: "q-2");

        Assert.Equal(first, again);
        Assert.Equal(exercise, exerciseAgain);
        Assert.Equal([new StoredPainCheckIn(first, JournalDay, 4, false, true, "offline", "q-1")], journal.Pain(JournalDay, JournalDay));
        Assert.Single(journal.Exercises(JournalDay, JournalDay));
    }

    [Fact]
    public void Check_ins_without_a_client_id_never_collide()
    {
        var journal = new JournalStore(OpenDatabase());

        journal.AddPain(JournalDay, 2, false, false, null);
        journal.AddPain(JournalDay, 2, false, false, null);
        journal.AddExercise(JournalDay, "walk-run", 5, 1, null, null);
        journal.AddExercise(JournalDay, "walk-run", 5, 1, null, null);

        Assert.Equal(2, journal.Pain(JournalDay, JournalDay).Count);
        Assert.Equal(2, journal.Exercises(JournalDay, JournalDay).Count);
    }
}
