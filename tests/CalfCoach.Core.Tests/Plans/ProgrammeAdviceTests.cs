using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Plans;

/// <summary>The plan's daily tasks obey the same conflict table as the assessment, on the day they are shown.</summary>
public sealed class ProgrammeAdviceTests
{
    [Fact]
    public void A_plan_still_waiting_for_a_pain_log_drops_first_aid_after_day_3_and_says_to_move_as_pain_allows()
    {
        var log = new ProgrammeLog();

        Assert.Contains(log.On(2).Today, t => t.Id == "ice");
        var day9 = log.On(9);
        Assert.Equal(Phase.FirstAid, day9.Phase);
        Assert.DoesNotContain(day9.Today, t => t.Id is "relative-rest" or "ice" or "compression" or "elevation" or "avoid-early");
        Assert.Contains(day9.Today, t => t.Id == "load-as-pain-allows");
    }

    [Fact]
    public void A_plan_started_with_an_arterial_concern_never_lists_compression_or_raising_the_leg()
    {
        var answers = new RunnerAnswers(new HashSet<Symptom> { Symptom.RecurringDuringRuns }, 0, 0)
        {
            Version = Questionnaire.CurrentVersion,
            RecurringEases = RecurringEases.StandingStillOnWalks,
            Location = PainLocation.MuscleBelly,
        };
        var start = new ProgrammeStart(Assessor.Assess(answers, ProgrammeLog.Day0));

        var state = RecoveryProgramme.Evaluate(start, [], [], [], ProgrammeLog.Day0);

        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.DoesNotContain(state.Today, t => t.Id is "compression" or "elevation" or "ice");
    }
}
