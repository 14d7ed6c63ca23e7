using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Plans;

public sealed class PhaseTransitionTests
{
    [Theory]
    [InlineData(Phase.FirstAid, "first-aid")]
    [InlineData(Phase.Recovery, "recovery")]
    [InlineData(Phase.Strengthening, "strengthening")]
    [InlineData(Phase.ReturnToRun, "return-to-run")]
    [InlineData(Phase.Prevention, "prevention")]
    public void Phases_have_stable_wire_names(Phase phase, string wire) => Assert.Equal(wire, phase.WireName());

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Pain_scores_outside_0_to_10_are_rejected(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PainCheckIn(ProgrammeLog.Day0, score));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PainCheckIn(ProgrammeLog.Day0, 3) with { Score = score });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseCheckIn(ProgrammeLog.Day0, "heel-drops", 3, 12, null, score));
    }

    [Fact]
    public void Exercise_check_ins_reject_negative_counts_and_loads()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseCheckIn(ProgrammeLog.Day0, "x", -1, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseCheckIn(ProgrammeLog.Day0, "x", 3, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseCheckIn(ProgrammeLog.Day0, "x", 3, 12, -5));
        Assert.Throws<ArgumentException>(() => new ExerciseCheckIn(ProgrammeLog.Day0, " ", 3, 12));
    }

    [Fact]
    public void The_as_of_date_cannot_precede_the_start()
    {
        var log = ProgrammeLog.Injured();
        Assert.Throws<ArgumentOutOfRangeException>(() => log.On(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void First_aid_lasts_the_first_72_hours_even_when_pain_settles(int day)
    {
        var state = ProgrammeLog.Injured().Walking(1, 1).On(day);
        Assert.Equal(Phase.FirstAid, state.Phase);
        Assert.Contains(state.Today, t => t.Id == "ice");
        Assert.Contains(state.Today, t => t.Id == "avoid-early");
    }

    [Fact]
    public void Recovery_starts_on_day_3_when_the_latest_pain_is_settled_and_not_at_rest()
    {
        var state = ProgrammeLog.Injured().Walking(3, 3).On(3);
        Assert.Equal(Phase.Recovery, state.Phase);
        Assert.Equal(ProgrammeLog.Day(3), state.PhaseSince);
        Assert.Contains(state.Today, t => t.Id == "gentle-movement");
        Assert.DoesNotContain(state.Today, t => t.Id == "ice");
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(2, true)]
    public void First_aid_continues_while_pain_is_above_3_or_at_rest(int score, bool atRest)
    {
        var log = ProgrammeLog.Injured().Add(new PainCheckIn(ProgrammeLog.Day(3), score, AtRest: atRest));
        Assert.Equal(Phase.FirstAid, log.On(5).Phase);
        log.Walking(6, 2);
        Assert.Equal(Phase.Recovery, log.On(6).Phase);
    }

    [Fact]
    public void Days_of_home_care_before_the_start_shorten_first_aid()
    {
        var log = new ProgrammeLog(daysOfHomeCare: 2).AtRest(0, 6).Walking(1, 2);
        Assert.Equal(Phase.Recovery, log.On(1).Phase);
    }

    [Fact]
    public void Strengthening_needs_two_recovery_days_with_walking_pain_of_2_or_less()
    {
        var log = ProgrammeLog.Injured().Walking(3, 2);
        Assert.Equal(Phase.Recovery, log.On(3).Phase);
        log.Walking(4, 3);
        Assert.Equal(Phase.Recovery, log.On(4).Phase); // 3/10 does not count
        log.Walking(5, 2);
        var state = log.On(5);
        Assert.Equal(Phase.Strengthening, state.Phase);
        Assert.Equal(HeelDropLevel.BothLegs, state.HeelDrops);
        Assert.Contains(state.Today, t => t.Id == "heel-drops");
    }

    [Fact]
    public void Morning_or_at_rest_scores_do_not_count_as_walking_days()
    {
        var log = ProgrammeLog.Injured().Walking(3, 2).Morning(4, 0).AtRest(5, 1);
        Assert.Equal(Phase.Recovery, log.On(5).Phase);
    }

    [Fact]
    public void Return_to_run_starts_after_7_pain_free_days_and_25_single_leg_heel_raises()
    {
        var log = ProgrammeLog.Running();
        Assert.Equal(Phase.Strengthening, log.On(8).Phase); // only 6 pain-free days (3–8)
        var state = log.On(9);
        Assert.Equal(Phase.ReturnToRun, state.Phase);
        Assert.Equal(0, state.LadderStage);
        Assert.Contains(state.Today, t => t.Id == ExerciseNames.WalkRun);
    }

    [Fact]
    public void Twenty_nine_heel_raises_are_not_enough_and_the_plan_says_how_many_more()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 12).HeelRaises(8, 29).OtherLegHeelRaises(8, 31).KneeToWall(8, 10, 11);
        var waiting = log.On(12);
        Assert.Equal(Phase.Strengthening, waiting.Phase);
        Assert.Contains("29 of 30 single-leg heel raises on the sore leg (1 more", waiting.Reasons[^1]);
        log.HeelRaises(12, 30);
        Assert.Equal(Phase.ReturnToRun, log.On(12).Phase);
    }

    [Fact]
    public void Heel_raises_within_10_percent_of_a_strong_other_leg_are_needed()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 12).HeelRaises(8, 32).OtherLegHeelRaises(8, 40).KneeToWall(8, 10, 11);
        Assert.Equal(Phase.Strengthening, log.On(12).Phase); // 32 < 36 (within 10 % of 40)
        log.HeelRaises(12, 36);
        Assert.Equal(Phase.ReturnToRun, log.On(12).Phase);
    }

    [Fact]
    public void Where_the_other_leg_manages_fewer_than_30_its_own_count_is_the_target()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 12).HeelRaises(8, 22).OtherLegHeelRaises(8, 22).KneeToWall(8, 10, 10);
        Assert.Equal(Phase.ReturnToRun, log.On(12).Phase);
    }

    [Fact]
    public void The_knee_to_wall_lunge_must_be_logged_for_both_sides_and_within_10_percent()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 12).HeelRaises(8, 30).OtherLegHeelRaises(8, 30);
        var state = log.On(12);
        Assert.Equal(Phase.Strengthening, state.Phase);
        Assert.Contains("wall lunge (ankle bend) not logged for both legs", state.Reasons[^1]);
        log.KneeToWall(12, 8, 12);
        Assert.Contains("ankle bend to the wall 8 of 11 cm on the sore side (3 cm more", log.On(12).Reasons[^1]);
        log.KneeToWall(12, 11, 12);
        Assert.Equal(Phase.ReturnToRun, log.On(12).Phase);
    }

    [Fact]
    public void A_day_with_walking_pain_of_2_breaks_the_pain_free_streak()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 12).CapacityPassed(8).Walking(6, 2);
        Assert.Equal(Phase.Strengthening, log.On(12).Phase); // streak is days 7–12 = 6
        Assert.Equal(Phase.ReturnToRun, log.Quiet(13, 13).On(13).Phase);
    }

    [Fact]
    public void A_day_without_a_morning_score_breaks_the_pain_free_streak()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 6).Quiet(8, 12).Walking(7, 0).CapacityPassed(8);
        Assert.Equal(Phase.Strengthening, log.On(12).Phase);
    }

    [Fact]
    public void Completing_the_ladder_moves_to_prevention_with_cadence_retraining()
    {
        var log = ProgrammeLog.Running(preInjuryKm: 40, cadence: 160).Quiet(10, 19);
        for (var d = 9; d <= 18; d++)
        {
            log.WalkRun(d, pain: 1);
        }

        Assert.Equal(Phase.ReturnToRun, log.On(18).Phase);
        Assert.Equal(4, log.On(18).LadderStage);
        var state = log.On(19);
        Assert.Equal(Phase.Prevention, state.Phase);
        Assert.Null(state.LadderStage);
        var cadence = Assert.Single(state.Today, t => t.Id == "cadence-retraining");
        Assert.Contains("168 steps/min", cadence.Details, StringComparison.Ordinal);
        Assert.Contains(state.Today, t => t.Id == "load-progression");
    }

    [Fact]
    public void The_week_has_seven_days_starting_today()
    {
        var state = ProgrammeLog.Running(preInjuryKm: 40).On(9);
        Assert.Equal(7, state.Week.Count);
        Assert.Equal(ProgrammeLog.Day(9), state.Week[0].Date);
        Assert.Equal(ProgrammeLog.Day(15), state.Week[6].Date);
        Assert.Equal(state.Today, state.Week[0].Tasks);

        // No running on consecutive days (EVIDENCE.md 3.6).
        Assert.Contains(state.Week[0].Tasks, t => t.Id == ExerciseNames.WalkRun);
        Assert.DoesNotContain(state.Week[1].Tasks, t => t.Id == ExerciseNames.WalkRun);
        Assert.Contains(state.Week[2].Tasks, t => t.Id == ExerciseNames.WalkRun);
    }

    [Fact]
    public void Withheld_assessment_items_stay_out_of_the_programme()
    {
        var assessment = Assessor.Assess(ProgrammeLog.Answers(), ProgrammeLog.Day0);
        var withIceWithheld = assessment with { Withheld = [new WithheldItem("ice", "numbness")] };
        var state = RecoveryProgramme.Evaluate(new ProgrammeStart(withIceWithheld), [], [], [], ProgrammeLog.Day0);
        Assert.DoesNotContain(state.Today, t => t.Id == "ice");
        Assert.Contains(state.Today, t => t.Id == "compression");
    }

    [Fact]
    public void Next_review_is_the_assessments_review_date_then_the_home_care_reviews()
    {
        // One review date for one assessment: the programme names the day the assessment's follow-up names, not the end of first aid.
        var log = ProgrammeLog.Injured().Walking(3, 2);
        Assert.Equal(FollowUp.ReviewDate(0, ProgrammeLog.Day0), log.On(0).NextReview);
        Assert.Equal(log.Start.Assessment.FollowUp.ReviewOn, log.On(0).NextReview);
        Assert.Equal(ProgrammeLog.Day(7), log.On(1).NextReview);
        Assert.Equal(ProgrammeLog.Day(7), log.On(3).NextReview);
        Assert.Equal(ProgrammeLog.Day(10), log.On(7).NextReview);
        Assert.Equal(ProgrammeLog.Day(14), log.On(10).NextReview);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(12)]
    public void On_the_day_of_the_assessment_the_programme_and_the_follow_up_give_one_review_date(int daysOfHomeCare)
    {
        var assessment = Assessor.Assess(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: daysOfHomeCare, daysOfHomeCare: daysOfHomeCare), ProgrammeLog.Day0);
        var state = RecoveryProgramme.Evaluate(new ProgrammeStart(assessment, DaysOfHomeCare: daysOfHomeCare), [], [], [], ProgrammeLog.Day0);
        Assert.Equal(assessment.FollowUp.ReviewOn, state.NextReview);
    }
}
