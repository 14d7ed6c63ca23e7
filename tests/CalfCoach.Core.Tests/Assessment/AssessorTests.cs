using CalfCoach.Core.Assessment;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class AssessorTests
{
    [Fact]
    public void Emergency_tells_the_runner_to_call_the_emergency_number_and_not_to_drive()
    {
        var result = A.With(ShortnessOfBreath).Assess();

        Assert.Equal(Disposition.Emergency, result.Disposition);
        Assert.Contains(result.DoNowText, line => line.Contains("999") && line.Contains("911") && line.Contains("112"));
        Assert.Contains("Do not drive yourself.", result.DoNowText);
        Assert.Empty(result.SelfCare);
        Assert.Empty(result.Prevention);
    }

    [Fact]
    public void Urgent_with_a_possible_clot_says_not_to_massage_the_calf()
    {
        var result = A.With(Swelling).Assess();

        Assert.Equal(Disposition.Urgent, result.Disposition);
        Assert.Contains(result.DoNowText, line => line.Contains("Do not massage"));
        Assert.Contains(Concern.BloodClotInLeg, result.Concerns);
    }

    [Fact]
    public void Urgent_with_a_possible_rupture_stresses_being_seen_within_24_hours()
    {
        var result = A.With(PopOrSnap).Assess();

        Assert.Contains(result.DoNowText, line => line.Contains("24 hours"));
        Assert.Contains(Concern.TearOrRupture, result.Concerns);
    }

    [Fact]
    public void See_clinician_means_no_running_and_still_gives_safe_self_care()
    {
        var result = A.With(RecurringDuringRuns).Assess();

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.Contains(result.DoNowText, line => line.Contains("Do not run"));
        Assert.NotEmpty(result.SelfCare);
    }

    [Fact]
    public void Self_care_gives_self_care_prevention_and_a_review_date()
    {
        var result = A.With().Changes(RecentChange.DistanceIncrease).Assess();

        Assert.Equal(Disposition.SelfCare, result.Disposition);
        Assert.NotEmpty(result.SelfCare);
        Assert.NotEmpty(result.Prevention);
        Assert.True(result.FollowUp.ReviewOn > A.Day);
    }

    [Fact]
    public void Every_concern_is_worded_as_a_possibility_never_a_diagnosis()
    {
        foreach (var concern in Enum.GetValues<Concern>())
        {
            var text = concern.Possibility();
            Assert.DoesNotContain("you have", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("diagnosis is", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("does not diagnose", AssessmentResult.Notice);
    }

    [Fact]
    public void Dvt_is_a_concern_of_the_articles_emergency_signs()
    {
        // "These symptoms can be associated with a serious condition like a deep vein thrombosis."
        Assert.Contains(Concern.BloodClotInLeg, A.With(SevereUnrelentingPain).Assess().Concerns);
        Assert.Contains(Concern.BloodClotInLeg, A.With(Fever).Assess().Concerns);
        Assert.Contains(Concern.BloodClotInLungs, A.With(ShortnessOfBreath).Assess().Concerns);
    }

    [Theory]
    [InlineData(ColdOrPaleFoot, Concern.BlockedArtery)]
    [InlineData(NumbnessOrTingling, Concern.NerveOrCirculationProblem)]
    [InlineData(PainAtRest, Concern.NerveOrCirculationProblem)]
    [InlineData(DarkUrine, Concern.MuscleBreakdown)]
    [InlineData(SaddleNumbnessOrBladderBowel, Concern.SpinalNerveCompression)]
    [InlineData(Warmth, Concern.SpreadingInfection)]
    [InlineData(RecurringDuringRuns, Concern.ExerciseTriggeredPressureOrArtery)]
    [InlineData(CrampOver10Minutes, Concern.UnusualCramp)]
    public void Red_flags_name_what_they_may_point_to(Symptom sign, Concern concern)
    {
        Assert.Contains(concern, A.With(sign).Assess().Concerns);
    }

    [Fact]
    public void Knee_lump_with_a_swollen_calf_raises_a_burst_cyst_as_well_as_a_clot()
    {
        var concerns = A.With(KneeLump, Swelling).Assess().Concerns;

        Assert.Contains(Concern.RupturedKneeCyst, concerns);
        Assert.Contains(Concern.BloodClotInLeg, concerns);
    }
}
