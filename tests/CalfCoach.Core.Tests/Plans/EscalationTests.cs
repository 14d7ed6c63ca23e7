using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using FsCheck.Xunit;

namespace CalfCoach.Core.Tests.Plans;

/// <summary>Escalation: not improving at day 7 and 10, new red flags, rising morning pain (EVIDENCE.md 1.1, 4.2).</summary>
public sealed class EscalationTests
{
    private static ProgrammeLog NoBetter() => new ProgrammeLog().Walking(0, 4).Walking(6, 4);

    [Fact]
    public void No_improvement_is_still_self_care_on_day_6()
    {
        var state = NoBetter().On(6);
        Assert.Equal(Disposition.SelfCare, state.Disposition);
        Assert.Equal(ProgrammeLog.Day(7), state.NextReview);
    }

    [Fact]
    public void No_improvement_on_day_7_of_home_care_means_see_a_clinician()
    {
        var state = NoBetter().On(7);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Contains(state.Reasons, r => r.Contains("day 7 of home care", StringComparison.Ordinal));
        Assert.Equal("see-clinician", state.Today[0].Id);
        Assert.Equal(ProgrammeLog.Day(10), state.NextReview);
    }

    [Fact]
    public void Still_no_improvement_on_day_10_stays_see_clinician_with_a_stronger_reason()
    {
        var log = NoBetter();
        Assert.DoesNotContain(log.On(9).Reasons, r => r.Contains("still no improvement", StringComparison.Ordinal));
        var state = log.On(10);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Contains(state.Reasons, r => r.Contains("day 10 of home care): still no improvement", StringComparison.Ordinal));
    }

    [Fact]
    public void Improvement_by_day_7_keeps_self_care()
    {
        var log = new ProgrammeLog().Walking(0, 4).Walking(5, 3);
        Assert.Equal(Disposition.SelfCare, log.On(7).Disposition);
        Assert.Equal(Disposition.SelfCare, log.On(10).Disposition);
    }

    [Fact]
    public void Improved_on_day_7_but_back_to_the_first_score_on_day_10_escalates_on_day_10()
    {
        var log = new ProgrammeLog().Walking(0, 4).Walking(5, 3).Walking(10, 4);
        Assert.Equal(Disposition.SelfCare, log.On(9).Disposition);
        var state = log.On(10);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Contains(state.Reasons, r => r.Contains("still no improvement", StringComparison.Ordinal));
    }

    [Fact]
    public void Pain_free_scores_are_not_a_lack_of_improvement()
    {
        var log = new ProgrammeLog().Walking(0, 1).Walking(8, 1);
        Assert.Equal(Disposition.SelfCare, log.On(10).Disposition);
    }

    [Fact]
    public void Home_care_before_the_start_counts_toward_day_7()
    {
        var log = new ProgrammeLog(daysOfHomeCare: 5).Walking(0, 4);
        Assert.Equal(Disposition.SelfCare, log.On(1).Disposition);
        Assert.Equal(Disposition.SeeClinician, log.On(2).Disposition);
    }

    [Fact]
    public void A_new_red_flag_on_day_4_turns_the_plan_urgent_at_once_and_drops_coaching()
    {
        var log = ProgrammeLog.Injured().Walking(3, 2).RedFlags(4, Symptom.Swelling);
        var before = log.On(3);
        Assert.Equal(Disposition.SelfCare, before.Disposition);
        Assert.Equal(Phase.Recovery, before.Phase);

        var state = log.On(4);
        Assert.Equal(Disposition.Urgent, state.Disposition);
        Assert.Equal("get-help", Assert.Single(state.Today).Id);
        Assert.All(state.Week, d => Assert.Equal("get-help", Assert.Single(d.Tasks).Id));
        Assert.Equal(ProgrammeLog.Day(4), state.NextReview);
        Assert.Contains(state.Reasons, r => r.Contains("warning-sign re-check", StringComparison.Ordinal));

        // Coaching stays frozen: good scores later do not advance the phase.
        log.Walking(5, 0).Walking(6, 0);
        Assert.Equal(Phase.Recovery, log.On(6).Phase);
        Assert.Equal(Disposition.Urgent, log.On(6).Disposition);
    }

    [Fact]
    public void A_new_breathing_sign_means_emergency()
    {
        var state = ProgrammeLog.Injured().RedFlags(4, Symptom.ChestPain).On(4);
        Assert.Equal(Disposition.Emergency, state.Disposition);
        Assert.Equal("get-help", Assert.Single(state.Today).Id);
    }

    [Fact]
    public void An_urgent_plan_rises_to_emergency_on_a_worse_re_check()
    {
        var log = new ProgrammeLog(Disposition.Urgent).RedFlags(2, Symptom.ShortnessOfBreath);
        Assert.Equal(Disposition.Urgent, log.On(1).Disposition);
        Assert.Equal(Disposition.Emergency, log.On(2).Disposition);
    }

    [Fact]
    public void A_clear_re_check_never_lowers_the_starting_disposition()
    {
        var log = new ProgrammeLog(Disposition.SeeClinician).Walking(3, 0).Walking(4, 0).RedFlags(5);
        var state = log.On(6);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Equal(Phase.Strengthening, state.Phase);
    }

    [Fact]
    public void See_clinician_keeps_the_runner_off_the_walk_run_ladder()
    {
        var log = new ProgrammeLog(Disposition.SeeClinician).AtRest(0, 6).Quiet(3, 12).HeelRaises(8, 30);
        var state = log.On(12);
        Assert.Equal(Phase.Strengthening, state.Phase);
        Assert.All(state.Week, d => Assert.DoesNotContain(d.Tasks, t => t.Id == ExerciseNames.WalkRun));
    }

    [Fact]
    public void Escalation_while_running_puts_running_on_hold()
    {
        var log = ProgrammeLog.Running().RedFlags(10, Symptom.Bruising);
        Assert.Equal(Phase.ReturnToRun, log.On(9).Phase);
        var state = log.On(10);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Equal(Phase.Strengthening, state.Phase);
        Assert.All(state.Week, d => Assert.DoesNotContain(d.Tasks, t => t.Id == ExerciseNames.WalkRun));
    }

    [Fact]
    public void Morning_pain_rising_week_on_week_means_see_a_clinician()
    {
        var log = ProgrammeLog.Injured();
        for (var d = 0; d <= 6; d++)
        {
            log.Morning(d, 1);
        }

        for (var d = 7; d <= 13; d++)
        {
            log.Morning(d, 2);
        }

        Assert.Equal(Disposition.SelfCare, log.On(12).Disposition);
        var state = log.On(13);
        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Contains(state.Reasons, r => r.Contains("morning pain rose", StringComparison.Ordinal));
    }

    [Fact]
    public void Steady_morning_pain_is_not_a_rise()
    {
        var log = ProgrammeLog.Injured();
        for (var d = 0; d <= 13; d++)
        {
            log.Morning(d, 1);
        }

        Assert.Equal(Disposition.SelfCare, log.On(13).Disposition);
    }

    // ---- Monotonicity (FsCheck) ----

    private static (ProgrammeStart Start, List<PainCheckIn> Pain, List<RedFlagCheck> Checks, DateOnly Last) Random(
        byte startLevel, byte homeCare, int[] days, int[] scores, uint flagMask, byte flagDay)
    {
        var log = new ProgrammeLog((Disposition)(startLevel % 3), homeCare % 12);
        var pain = new List<PainCheckIn>();
        var count = Math.Min(days?.Length ?? 0, scores?.Length ?? 0);
        for (var i = 0; i < count; i++)
        {
            var s = Math.Abs(scores![i] % 44);
            pain.Add(new PainCheckIn(ProgrammeLog.Day(Math.Abs(days![i] % 28)), s % 11, AtRest: s / 11 == 1, Morning: s / 11 == 2));
        }

        var checks = new List<RedFlagCheck>();
        var signs = Enum.GetValues<Symptom>().Where((_, i) => (flagMask & (1u << i)) != 0 && i % 3 == 0).ToArray();
        if (signs.Length > 0)
        {
            checks.Add(new RedFlagCheck(ProgrammeLog.Day(flagDay % 28), ProgrammeLog.Answers(signs)));
        }

        var last = pain.Count == 0 ? ProgrammeLog.Day0 : pain.Max(p => p.Date);
        return (log.Start, pain, checks, last);
    }

    [Property(MaxTest = 300)]
    public bool A_later_check_in_at_least_as_painful_never_lowers_the_disposition(
        byte startLevel, byte homeCare, int[] days, int[] scores, uint flagMask, byte flagDay, byte gap, byte extra, byte kind, byte later)
    {
        var (start, pain, checks, last) = Random(startLevel, homeCare, days, scores, flagMask, flagDay);
        var worst = pain.Count == 0 ? 0 : pain.Max(p => p.Score);
        var worse = new PainCheckIn(last.AddDays(gap % 6), Math.Min(10, worst + (extra % 3)), AtRest: kind % 3 == 1, Morning: kind % 3 == 2);
        var asOf = worse.Date.AddDays(later % 15);

        var before = RecoveryProgramme.Evaluate(start, pain, [], checks, asOf);
        var after = RecoveryProgramme.Evaluate(start, [.. pain, worse], [], checks, asOf);
        return after.Disposition >= before.Disposition && after.Disposition >= start.Assessment.Disposition;
    }

    [Property(MaxTest = 300)]
    public bool A_red_flag_re_check_never_lowers_the_disposition(
        byte startLevel, byte homeCare, int[] days, int[] scores, uint flagMask, byte flagDay, uint newMask, byte newDay, byte later)
    {
        var (start, pain, checks, _) = Random(startLevel, homeCare, days, scores, flagMask, flagDay);
        var signs = Enum.GetValues<Symptom>().Where((_, i) => (newMask & (1u << i)) != 0).ToArray();
        var check = new RedFlagCheck(ProgrammeLog.Day(newDay % 28), ProgrammeLog.Answers(signs));
        var asOf = ProgrammeLog.Day(28 + (later % 10));

        var before = RecoveryProgramme.Evaluate(start, pain, [], checks, asOf);
        var after = RecoveryProgramme.Evaluate(start, pain, [], [.. checks, check], asOf);
        return after.Disposition >= before.Disposition
            && after.Disposition >= Triage.Evaluate(check.Answers).Disposition
            && (!after.Disposition.ForbidsCoaching() || after.Today.All(t => t.Id == "get-help"));
    }

    [Property(MaxTest = 200)]
    public bool The_disposition_never_falls_as_days_pass(byte startLevel, byte homeCare, int[] days, int[] scores, uint flagMask, byte flagDay, byte asOfDay)
    {
        var (start, pain, checks, _) = Random(startLevel, homeCare, days, scores, flagMask, flagDay);
        var day = asOfDay % 30;
        var today = RecoveryProgramme.Evaluate(start, pain, [], checks, ProgrammeLog.Day(day));
        var tomorrow = RecoveryProgramme.Evaluate(start, pain, [], checks, ProgrammeLog.Day(day + 1));
        return tomorrow.Disposition >= today.Disposition && today.Disposition >= start.Assessment.Disposition;
    }
}
