using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Import.Tests.History;

/// <summary>The journal raises a clinician's alerts as it records answers and check-ins, and reads them back as stored.</summary>
public sealed class RecoveryJournalAlertTests : IDisposable
{
    /// <summary>Day 0 of the programme, two days after the pain began, after one day of home care.</summary>
    private static readonly DateOnly Day0 = new(2026, 11, 4);

    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly RecoveryJournal _journal;

    public RecoveryJournalAlertTests()
    {
        _database = Database.OpenSqlite(_folder.PathOf("journal.db"));
        _journal = new RecoveryJournal(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    private static DateOnly Day(int n) => Day0.AddDays(n);

    private static RunnerAnswers Answers(int day, params Symptom[] yes) =>
        new(yes.ToHashSet(), daysSinceOnset: 2 + day, daysOfHomeCare: 1 + day);

    private IReadOnlyList<ProgrammeAlertKind> KindsOn(int day) => [.. _journal.Alerts(Day(day)).Select(a => a.Kind)];

    [Fact]
    public void A_re_check_with_a_new_warning_sign_stores_the_sign_and_the_escalation_and_one_already_yes_raises_nothing()
    {
        _journal.RecordAssessment(Answers(0, Symptom.Bruising), Day0);
        Assert.Equal([new ProgrammeAlert(ProgrammeAlertKind.WarningSign, Day0, "New warning sign: large bruise")], _journal.Alerts(Day0));

        _journal.RecordRedFlagCheck(Answers(1, Symptom.Bruising), Day(1));
        _journal.LogPain(new PainCheckIn(Day(1), 3));
        Assert.Equal([ProgrammeAlertKind.WarningSign], KindsOn(1));

        _journal.RecordAssessment(Answers(2, Symptom.Bruising, Symptom.Swelling), Day(2));

        var alerts = _journal.Alerts(Day(2));
        Assert.Contains(new ProgrammeAlert(ProgrammeAlertKind.WarningSign, Day(2), "New warning sign: calf swollen"), alerts);
        Assert.Contains(new ProgrammeAlert(ProgrammeAlertKind.Escalation, Day(2), "The warning-sign re-check calls for more urgent care: advice raised to get medical help today"), alerts);
        Assert.Equal(3, alerts.Count);
    }

    [Fact]
    public void Pain_of_8_alerts_once_however_often_its_check_in_is_sent_and_pain_of_6_not_at_all()
    {
        _journal.RecordAssessment(Answers(0), Day0);

        _journal.LogPain(new PainCheckIn(Day(1), 8), clientId: "9b1f0c52-6f1d-4a57-9a55-0c1d2f0a7e11");
        _journal.LogPain(new PainCheckIn(Day(1), 8), clientId: "9b1f0c52-6f1d-4a57-9a55-0c1d2f0a7e11");
        _journal.LogPain(new PainCheckIn(Day(1), 6));
        _journal.LogExercise(new ExerciseCheckIn(Day(2), "heel-drops-bent-knee", 3, 12, null, 7), clientId: "c8e4b2a0-1111-4c2e-8d3b-5a6f7e8d9c0b");
        _journal.LogExercise(new ExerciseCheckIn(Day(2), "heel-drops-bent-knee", 3, 12, null, 7), clientId: "c8e4b2a0-1111-4c2e-8d3b-5a6f7e8d9c0b");

        Assert.Equal(
            [
                new ProgrammeAlert(ProgrammeAlertKind.HighPain, Day(2), "Pain 7/10 during an exercise: Heel drops, bent knee"),
                new ProgrammeAlert(ProgrammeAlertKind.HighPain, Day(1), "Pain 8/10 during activity"),
            ],
            _journal.Alerts(Day(2)));
    }

    [Fact]
    public void The_check_in_that_shows_no_improvement_after_7_days_alerts_the_escalation()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        _journal.LogPain(new PainCheckIn(Day0, 4));
        _journal.LogPain(new PainCheckIn(Day(4), 3));

        _journal.LogPain(new PainCheckIn(Day(6), 4));

        var alert = Assert.Single(_journal.Alerts(Day(6)));
        Assert.Equal(ProgrammeAlertKind.Escalation, alert.Kind);
        Assert.StartsWith("Not improving after 7 days of home care", alert.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_days_without_a_check_in_alert_on_the_day_and_two_do_not()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        _journal.LogPain(new PainCheckIn(Day(1), 3));

        Assert.Empty(_journal.Alerts(Day(3)));
        Assert.Equal(
            [new ProgrammeAlert(ProgrammeAlertKind.NoCheckIn, Day(4), "No pain or exercise check-in for 3 days (the last on 2026-11-05)")],
            _journal.Alerts(Day(4)));
        Assert.Empty(new RecoveryJournal(_database).Alerts(Day(-1)));
    }

    [Fact]
    public void A_clinicians_visit_clears_the_alerts_before_it_and_later_ones_show_again()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        _journal.LogPain(new PainCheckIn(Day(1), 8));

        _journal.LogClinicianReview(new ClinicianReview(Day(2), ClearedForRehab: false, "seen"));
        Assert.Empty(_journal.Alerts(Day(2)));

        _journal.LogPain(new PainCheckIn(Day(3), 9, AtRest: true));
        Assert.Equal([new ProgrammeAlert(ProgrammeAlertKind.HighPain, Day(3), "Pain 9/10 at rest")], _journal.Alerts(Day(3)));
    }

    [Fact]
    public void Alerts_older_than_14_days_are_left_out()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        _journal.LogPain(new PainCheckIn(Day(1), 8));

        Assert.Contains(ProgrammeAlertKind.HighPain, KindsOn(14));
        Assert.DoesNotContain(ProgrammeAlertKind.HighPain, KindsOn(15));
    }

    [Fact]
    public void Another_runners_journal_on_the_same_database_sees_none_of_the_alerts()
    {
        _journal.RecordAssessment(Answers(0, Symptom.Swelling), Day0);
        _journal.LogPain(new PainCheckIn(Day(1), 10));
        var other = new RecoveryJournal(_database.ForRunner(_database.AddRunner()));

        Assert.Empty(other.Alerts(Day(1)));
        Assert.Equal(2, _journal.Alerts(Day(1)).Count);
    }

    [Fact]
    public void A_change_of_what_the_rules_say_raises_no_alert_a_rule_firing_with_no_event_and_re_read_answers_leave_the_alerts_as_stored()
    {
        // The rules' verdict on the same log changes in two ways here, neither of them a new answer or check-in:
        // 1. time: no better by day 5, so "not improving after 7 days" fires on day 6 with nothing logged that day;
        // 2. re-reading: the stored re-check is rewritten to answers without its warning sign, as a release that read old
        //    answers differently would see them. The programme follows both; the alerts, read as stored, follow neither.
        _journal.RecordAssessment(Answers(0), Day0);
        _journal.LogPain(new PainCheckIn(Day0, 4));
        _journal.RecordRedFlagCheck(Answers(3, Symptom.Bruising), Day(3));
        _journal.LogPain(new PainCheckIn(Day(5), 4));
        var raised = _journal.Alerts(Day(5));
        Assert.Equal([ProgrammeAlertKind.WarningSign, ProgrammeAlertKind.Escalation], raised.Select(a => a.Kind).Order());

        Assert.Contains(_journal.Programme(Day(6))!.State.Escalations, e => e.Cause == EscalationCause.NotImproving && e.Day == Day(6));
        Assert.Equal(raised, _journal.Alerts(Day(6)));
        _journal.LogExercise(new ExerciseCheckIn(Day(6), "heel-drops-straight-knee", 3, 12, null, 2));
        Assert.Equal(raised, _journal.Alerts(Day(6)));

        using (var connection = new SqliteConnection($"Data Source={_folder.PathOf("journal.db")};Pooling=False"))
        {
            connection.Open();
            using var rewrite = connection.CreateCommand();
            rewrite.CommandText = "UPDATE assessments SET answers_json = $json WHERE kind = 'red-flag-check'";
            rewrite.Parameters.AddWithValue("$json", AnswersJsonWriter.Write(Answers(3)));
            Assert.Equal(1, rewrite.ExecuteNonQuery());
        }

        Assert.Equal(Disposition.SelfCare, _journal.Programme(Day(4))!.State.Disposition);
        Assert.Equal(raised, _journal.Alerts(Day(6)));
    }
}
