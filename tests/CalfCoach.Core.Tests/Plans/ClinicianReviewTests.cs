using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Plans;

/// <summary>Only a clinician's clearance lowers the advice; everything else about escalation still holds after it.</summary>
public sealed class ClinicianReviewTests
{
    /// <summary>No better on day 7 (see a clinician), seen and cleared on day 9.</summary>
    private static ProgrammeLog ClearedOnDay9() => new ProgrammeLog().Walking(0, 4).Walking(6, 4).Clinician(9, cleared: true);

    [Fact]
    public void A_clearance_after_an_escalation_returns_the_programme_to_self_care_from_that_day()
    {
        var log = ClearedOnDay9();

        Assert.Equal(Disposition.SeeClinician, log.On(8).Disposition);
        var state = log.On(9);
        Assert.Equal(Disposition.SelfCare, state.Disposition);
        Assert.DoesNotContain(state.Today, t => t.Id == "see-clinician");
        Assert.Contains(state.Reasons, r => r.Contains("a clinician cleared you for graded rehabilitation (the advice was \"see-clinician\")", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visit_without_clearance_changes_nothing_but_the_record()
    {
        var log = new ProgrammeLog().Walking(0, 4).Walking(6, 4).Clinician(9, cleared: false);

        var state = log.On(9);

        Assert.Equal(Disposition.SeeClinician, state.Disposition);
        Assert.Contains(state.Reasons, r => r.Contains("not (yet) cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_clearance_the_7_day_check_on_improvement_starts_again()
    {
        // Pain 4 after the clearance on day 9 and still 4 a week later: see a clinician again on day 16, not 15.
        var log = ClearedOnDay9().Walking(9, 4).Walking(15, 4);

        Assert.Equal(ProgrammeLog.Day(16), log.On(15).NextReview);
        Assert.Equal(Disposition.SelfCare, log.On(15).Disposition);
        Assert.Equal(Disposition.SeeClinician, log.On(16).Disposition);
    }

    [Fact]
    public void A_warning_sign_after_a_clearance_still_raises_the_advice_at_once()
    {
        var log = ClearedOnDay9().RedFlags(11, Symptom.Swelling);

        Assert.Equal(Disposition.SelfCare, log.On(10).Disposition);
        var state = log.On(11);
        Assert.Equal(Disposition.Urgent, state.Disposition);
        Assert.Equal(["get-help"], state.Today.Select(t => t.Id));
    }

    [Fact]
    public void An_urgent_start_cleared_by_a_clinician_resumes_coaching_from_first_aid()
    {
        var log = new ProgrammeLog(startsAs: Disposition.Urgent).Clinician(2, cleared: true);

        Assert.Equal(["get-help"], log.On(1).Today.Select(t => t.Id));
        var state = log.On(2);
        Assert.Equal(Disposition.SelfCare, state.Disposition);
        Assert.Equal(Phase.FirstAid, state.Phase);
        Assert.Contains(state.Today, t => t.Id == "ice");
    }

    [Fact]
    public void Without_a_clearance_an_escalated_disposition_never_falls_on_any_later_day()
    {
        var log = new ProgrammeLog().Walking(0, 4).Walking(6, 4).Quiet(8, 30, score: 0).Clinician(12, cleared: false);

        Assert.All(Enumerable.Range(7, 24), day => Assert.Equal(Disposition.SeeClinician, log.On(day).Disposition));
    }
}
