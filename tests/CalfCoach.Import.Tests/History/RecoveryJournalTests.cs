using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Demo;
using CalfCoach.Core.Plans;
using CalfCoach.Formats.Fit;
using CalfCoach.Import.History;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;

namespace CalfCoach.Import.Tests.History;

public sealed class RecoveryJournalTests : IDisposable
{
    /// <summary>Day 0 of the programme: a Wednesday, two days after the pain began (Monday).</summary>
    private static readonly DateOnly Day0 = new(2026, 11, 4);

    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly RecoveryJournal _journal;

    public RecoveryJournalTests()
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

    /// <summary>Answers given on day <paramref name="day"/> for pain that began two days before day 0, one day of home care before day 0.</summary>
    private static RunnerAnswers Answers(int day, params Symptom[] yes) =>
        new(yes.ToHashSet(), daysSinceOnset: 2 + day, daysOfHomeCare: 1 + day);

    private ProgrammeView Walking(int day, int score) => _journal.LogPain(new PainCheckIn(Day(day), score));

    [Fact]
    public void Before_the_first_assessment_there_is_no_programme_and_check_ins_are_refused_naming_the_date()
    {
        Assert.Null(_journal.Programme(Day0));

        var pain = Assert.Throws<NoProgrammeException>(() => _journal.LogPain(new PainCheckIn(Day0, 3)));
        var exercise = Assert.Throws<NoProgrammeException>(() => _journal.LogExercise(new ExerciseCheckIn(Day(1), "heel-drops", 3, 12)));
        var check = Assert.Throws<NoProgrammeException>(() => _journal.RecordRedFlagCheck(Answers(2, Symptom.Swelling), Day(2)));

        Assert.Equal(Day0, pain.AsOf);
        Assert.Contains("2026-11-04", pain.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-05", exercise.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-06", check.Message, StringComparison.Ordinal);
        var stored = new JournalStore(_database);
        Assert.Empty(stored.Pain(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Empty(stored.Exercises(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Empty(stored.Assessments(DateOnly.MaxValue));
    }

    [Fact]
    public void A_check_in_dated_before_the_first_assessment_is_refused()
    {
        _journal.RecordAssessment(Answers(0), Day0);

        var error = Assert.Throws<NoProgrammeException>(() => Walking(-1, 4));

        Assert.Equal(Day(-1), error.AsOf);
        Assert.Empty(new JournalStore(_database).Pain(DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Assessing_without_recording_starts_nothing()
    {
        var result = _journal.Assess(Answers(0, Symptom.Bruising), Day0);

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.Null(_journal.Programme(Day(5)));
    }

    [Theory]
    [InlineData(new Symptom[0], Disposition.SelfCare)]
    [InlineData(new[] { Symptom.Bruising }, Disposition.SeeClinician)]
    [InlineData(new[] { Symptom.Swelling }, Disposition.Urgent)]
    public void The_first_assessment_starts_a_programme_in_first_aid_with_the_answers_disposition(Symptom[] signs, Disposition expected)
    {
        var recorded = _journal.RecordAssessment(Answers(0, signs), Day0);

        Assert.True(recorded.StartedProgramme);
        Assert.Equal(expected, recorded.Result.Disposition);
        Assert.Equal(Day0, recorded.Programme.StartedOn);
        Assert.Equal(Day(-2), recorded.Programme.Onset);
        Assert.Equal(Phase.FirstAid, recorded.Programme.State.Phase);
        Assert.Equal(expected, recorded.Programme.State.Disposition);
        Assert.Equal(1, recorded.Programme.Start.DaysOfHomeCare);
        Assert.Null(recorded.Programme.Start.PreInjuryWeeklyKm);
        Assert.Null(recorded.Programme.Start.EasyCadenceSpm);

        var later = _journal.Programme(Day(1))!;
        Assert.Equal(Day0, later.StartedOn);
        Assert.Equal(expected, later.State.Disposition);
    }

    [Fact]
    public void A_second_assessment_of_the_same_pain_updates_the_programme_and_a_new_red_flag_raises_it()
    {
        _journal.RecordAssessment(Answers(0), Day0);

        var again = _journal.RecordAssessment(Answers(2, Symptom.Swelling), Day(2));

        Assert.False(again.StartedProgramme);
        Assert.Equal(Day0, again.Programme.StartedOn);
        Assert.Equal(Day(-2), again.Programme.Onset);
        Assert.Equal(Disposition.Urgent, again.Programme.State.Disposition);
        Assert.All(again.Programme.State.Today, t => Assert.Equal("get-help", t.Id));
        Assert.Equal(Disposition.SelfCare, _journal.Programme(Day(1))!.State.Disposition);
    }

    [Fact]
    public void Re_assessing_the_same_pain_with_fewer_signs_never_lowers_the_advice()
    {
        _journal.RecordAssessment(Answers(0, Symptom.Bruising), Day0);

        var again = _journal.RecordAssessment(Answers(3), Day(3));

        Assert.False(again.StartedProgramme);
        Assert.Equal(Disposition.SeeClinician, again.Result.Disposition);
        Assert.Contains("stays \"see-clinician\"", again.Result.DoNow[0].Text);
        Assert.Equal(Disposition.SeeClinician, again.Programme.State.Disposition);
        Assert.Equal(Disposition.SeeClinician, _journal.Programme(Day(10))!.State.Disposition);
        Assert.Contains(again.Programme.State.Today, t => t.Id == "see-clinician");
    }

    [Fact]
    public void A_different_onset_starts_a_new_programme_from_that_date()
    {
        _journal.RecordAssessment(Answers(0, Symptom.Swelling), Day0);
        Walking(3, 6);

        var fresh = _journal.RecordAssessment(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 1, daysOfHomeCare: 0), Day(20));

        Assert.True(fresh.StartedProgramme);
        Assert.Equal(Day(20), fresh.Programme.StartedOn);
        Assert.Equal(Day(19), fresh.Programme.Onset);
        Assert.Equal(Disposition.SelfCare, fresh.Programme.State.Disposition);
        Assert.Equal(Phase.FirstAid, fresh.Programme.State.Phase);
        Assert.Equal(Day(20), fresh.Programme.State.PhaseSince);

        var old = _journal.Programme(Day(19))!;
        Assert.Equal(Day0, old.StartedOn);
        Assert.Equal(Disposition.Urgent, old.State.Disposition);
    }

    [Fact]
    public void Re_answering_the_same_pain_with_the_days_a_little_different_updates_the_programme_and_keeps_urgent()
    {
        _journal.RecordAssessment(Answers(0, Symptom.Swelling), Day0);

        // The pain began on day −2; answered on day 3 as "4 days ago" (day −1): still the same pain, begun before the programme.
        var again = _journal.RecordAssessment(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 4, daysOfHomeCare: 3), Day(3));

        Assert.False(again.StartedProgramme);
        Assert.Equal(Day0, again.Programme.StartedOn);
        Assert.Equal(Disposition.Urgent, again.Programme.State.Disposition);
        Assert.Equal(Disposition.Urgent, again.Result.Disposition);
        Assert.Empty(again.Result.SelfCare);
    }

    [Fact]
    public void The_programme_on_a_past_date_is_replayed_without_later_entries()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        Walking(2, 3);
        _journal.RecordRedFlagCheck(Answers(5, Symptom.ChestPain), Day(5));

        var before = _journal.Programme(Day(1))!;
        var middle = _journal.Programme(Day(4))!;
        var after = _journal.Programme(Day(5))!;

        Assert.Equal(Phase.FirstAid, before.State.Phase);
        Assert.Equal(Disposition.SelfCare, before.State.Disposition);
        Assert.Equal(Phase.Recovery, middle.State.Phase);
        Assert.Equal(Disposition.SelfCare, middle.State.Disposition);
        Assert.Equal(Disposition.Emergency, after.State.Disposition);
        Assert.Equal(Day(4), middle.State.AsOf);
    }

    [Fact]
    public void Pain_and_exercise_check_ins_move_the_programme_through_its_phases()
    {
        // One day of home care before day 0, so first aid (home-care days 0–2) ends on day 2.
        _journal.RecordAssessment(Answers(0), Day0);
        Assert.Equal(Phase.FirstAid, Walking(1, 2).State.Phase);

        var atRest = _journal.LogPain(new PainCheckIn(Day(2), 3, AtRest: true));
        Assert.Equal(Phase.FirstAid, atRest.State.Phase);

        var recovery = Walking(2, 3);
        Assert.Equal(Phase.Recovery, recovery.State.Phase);
        Assert.Equal(Day(2), recovery.State.PhaseSince);

        Walking(3, 2);
        var strengthening = Walking(4, 1);
        Assert.Equal(Phase.Strengthening, strengthening.State.Phase);
        Assert.Equal(HeelDropLevel.BothLegs, strengthening.State.HeelDrops);

        _journal.LogExercise(new ExerciseCheckIn(Day(4), "heel-drops-straight-knee", 3, 15, null, 2));
        var nextMorning = _journal.LogPain(new PainCheckIn(Day(5), 1, Morning: true));
        Assert.Equal(HeelDropLevel.OneLeg, nextMorning.State.HeelDrops);
        Assert.Equal(Day0, nextMorning.StartedOn);
    }

    [Theory]
    [InlineData(Symptom.ChestPain, Disposition.Emergency)]
    [InlineData(Symptom.Swelling, Disposition.Urgent)]
    [InlineData(Symptom.Bruising, Disposition.SeeClinician)]
    public void A_red_flag_check_raises_the_advice_on_its_day(Symptom sign, Disposition expected)
    {
        _journal.RecordAssessment(Answers(0), Day0);

        var raised = _journal.RecordRedFlagCheck(Answers(3, sign), Day(3));

        Assert.Equal(expected, raised.State.Disposition);
        Assert.Equal(Day0, raised.StartedOn);
        Assert.Equal(Disposition.SelfCare, _journal.Programme(Day(2))!.State.Disposition);
        Assert.Equal(expected, _journal.Programme(Day(9))!.State.Disposition);
    }

    [Fact]
    public void A_red_flag_check_belongs_to_the_current_programme_whatever_days_it_gives()
    {
        _journal.RecordAssessment(Answers(0), Day0);

        // Days since onset 0 would mean pain that began today; a re-check never starts a new programme.
        _journal.RecordRedFlagCheck(new RunnerAnswers(new HashSet<Symptom> { Symptom.Swelling }, 0, 0), Day(3));

        var programme = _journal.Programme(Day(4))!;
        Assert.Equal(Day0, programme.StartedOn);
        Assert.Equal(Day(-2), programme.Onset);
        Assert.Equal(Disposition.Urgent, programme.State.Disposition);
    }

    [Fact]
    public void A_red_flag_check_that_raises_the_advice_to_emergency_tells_the_runner_to_call_for_help()
    {
        _journal.RecordAssessment(Answers(0), Day0);

        var raised = _journal.RecordRedFlagCheck(Answers(3, Symptom.ChestPain), Day(3));

        var task = Assert.Single(raised.State.Today);
        Assert.Equal("get-help", task.Id);
        Assert.Equal(Disposition.Emergency.Headline(), task.Title);
        Assert.DoesNotContain("home care is reasonable", task.Details, StringComparison.Ordinal);
        Assert.Contains("emergency number", task.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void No_improvement_by_day_7_of_home_care_escalates_to_see_a_clinician()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        Walking(0, 5);

        Assert.Equal(Disposition.SelfCare, Walking(5, 5).State.Disposition); // home-care day 6

        var day7 = _journal.Programme(Day(6))!;
        Assert.Equal(Disposition.SeeClinician, day7.State.Disposition);
        Assert.Contains(day7.State.Reasons, r => r.Contains("no improvement", StringComparison.Ordinal));
        Assert.Equal(Disposition.SeeClinician, new RecoveryJournal(_database).Programme(Day(8))!.State.Disposition);
    }

    [Fact]
    public void Pain_that_is_improving_by_day_7_does_not_escalate()
    {
        _journal.RecordAssessment(Answers(0), Day0);
        Walking(0, 5);
        Walking(5, 3);

        Assert.Equal(Disposition.SelfCare, _journal.Programme(Day(8))!.State.Disposition);
    }

    [Fact]
    public void Answers_the_journal_could_not_read_back_are_not_stored()
    {
        // More days of home care than days of pain: the answers reader refuses this, so a stored copy would never replay.
        var impossible = new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 1, daysOfHomeCare: 3);

        Assert.ThrowsAny<Exception>(() => _journal.RecordAssessment(impossible, Day0));

        Assert.Null(_journal.Programme(Day0));
        Assert.Equal(Day0, _journal.RecordAssessment(Answers(0), Day0).Programme.StartedOn);
    }

    [Fact]
    public async Task With_an_imported_history_the_programme_starts_from_the_usual_distance_and_cadence_and_the_data_findings()
    {
        // The generated demo runner: about 25 km weeks, two weeks off, then a return and three weeks building to about 42 km; onset on Wednesday 4 November.
        var onset = new DateOnly(2026, 11, 4);
        var asOf = onset.AddDays(2);
        var runs = DemoHistory.Generate(onset);
        foreach (var run in runs)
        {
            _folder.Write($"history/{Path.GetFileName(run.Source.Path)}", FitActivityWriter.Write(run));
        }

        var profiles = new ProfileStore(_database);
        profiles.AddShoe(DemoHistory.ShoeName, DemoHistory.FirstDay(onset), DemoHistory.ShoeStartKm * 1000);
        var summary = await new ActivityImporter(new ActivityStore(_database), profiles)
            .ImportAsync([_folder.PathOf("history")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(runs.Count, summary.Imported);

        var recorded = _journal.RecordAssessment(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 2), asOf);

        // The four whole weeks before the onset week (5 October–1 November): the second return week and the three of the build-up, 24 + 33 + 38 + 42 km.
        var onsetMonday = TrainingMetrics.WeekOf(onset);
        var expectedKm = runs
            .Where(r => DateOnly.FromDateTime(r.StartUtc.UtcDateTime) >= onsetMonday.AddDays(-28))
            .Sum(r => r.DistanceMeters!.Value) / 1000 / ProgrammeBaseline.PreInjuryWeeks;
        Assert.InRange(expectedKm, 33, 35);
        var start = recorded.Programme.Start;
        Assert.NotNull(start.PreInjuryWeeklyKm);
        Assert.Equal(expectedKm, start.PreInjuryWeeklyKm.Value, 0.1);
        Assert.NotNull(start.EasyCadenceSpm);
        Assert.InRange(start.EasyCadenceSpm.Value, 155, 165);
        Assert.Equal(Math.Round(start.EasyCadenceSpm.Value), start.EasyCadenceSpm.Value);

        Assert.Contains(recorded.Result.ContributingFactors, f => f.Source.Contains(ContributingFactors.FromTrainingData, StringComparison.Ordinal));
        Assert.Contains(recorded.Result.ContributingFactors, f => f.Id == "longer-long-run");
        Assert.Equal(
            recorded.Result.ContributingFactors.Select(f => f.Id),
            _journal.Programme(asOf.AddDays(1))!.Start.Assessment.ContributingFactors.Select(f => f.Id));
    }
}
