using CalfCoach.Core.Assessment;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class SelfCarePlanTests
{
    private static PlanItem Item(SelfCarePlan.Plan plan, string id) => Assert.Single(plan.Items, i => i.Id == id);

    [Fact]
    public void RICE_items_are_all_present_in_order_rest_ice_compression_elevation()
    {
        var ids = SelfCarePlan.For(A.With()).Items.Select(i => i.Id).ToList();

        Assert.True(ids.IndexOf("relative-rest") < ids.IndexOf("ice"));
        Assert.True(ids.IndexOf("ice") < ids.IndexOf("compression"));
        Assert.True(ids.IndexOf("compression") < ids.IndexOf("elevation"));
    }

    [Fact]
    public void Ice_gives_a_concrete_dose_a_barrier_a_frequency_and_a_duration()
    {
        var ice = Item(SelfCarePlan.For(A.With()), "ice");

        Assert.Contains("15–20 minutes", ice.Details);
        Assert.Contains("never straight on the skin", ice.Details);
        Assert.Contains("every 2–3 hours", ice.Details);
        Assert.Contains("48–72 hours", ice.When);
    }

    [Fact]
    public void Ice_warns_about_skin_checks_when_the_runner_has_diabetes()
    {
        var plain = Item(SelfCarePlan.For(A.With()), "ice");
        var diabetic = Item(SelfCarePlan.For(A.With() with { DiabetesOrImmunosuppressed = true }), "ice");

        Assert.DoesNotContain("check the skin", plain.Details);
        Assert.Contains("check the skin", diabetic.Details);
    }

    [Fact]
    public void Compression_says_to_loosen_it_if_the_toes_change_colour_or_tingle()
    {
        var compression = Item(SelfCarePlan.For(A.With()), "compression");

        Assert.Contains("Loosen it at once if the toes tingle", compression.Details);
    }

    [Fact]
    public void Elevation_raises_the_calf_above_the_hip()
    {
        Assert.Contains("higher than your hip", Item(SelfCarePlan.For(A.With()), "elevation").Details);
    }

    [Fact]
    public void Early_days_avoid_heat_alcohol_massage_and_running()
    {
        var avoid = Item(SelfCarePlan.For(A.With()), "avoid-early");

        Assert.All(new[] { "heat", "alcohol", "massage", "running" }, word => Assert.Contains(word, avoid.Details));
    }

    [Fact]
    public void Gentle_movement_and_self_massage_start_once_the_sharp_pain_eases()
    {
        var plan = SelfCarePlan.For(A.With());

        Assert.Contains("sharp pain eases", Item(plan, "gentle-movement").When);
        Assert.Contains("sharp pain eases", Item(plan, "self-massage").When);
    }

    [Fact]
    public void Foam_rolling_is_offered_when_nothing_suggests_a_tear()
    {
        var plan = SelfCarePlan.For(A.With() with { Onset = Onset.Gradual, AfterInjury = false });

        Assert.Contains(plan.Items, i => i.Id == "foam-rolling");
        Assert.Empty(plan.Withheld);
    }

    public static TheoryData<RunnerAnswers> TearSuggestions => new()
    {
        A.With(PopOrSnap),
        A.With(CannotRiseOnToes),
        A.With(CannotBearWeight),
        A.With(Bruising),
        A.With() with { Onset = Onset.Sudden },
        A.With() with { AfterInjury = true },
    };

    [Theory]
    [MemberData(nameof(TearSuggestions))]
    public void Foam_rolling_and_massage_are_withheld_with_a_reason_when_a_tear_is_possible(RunnerAnswers answers)
    {
        var plan = SelfCarePlan.For(answers);

        Assert.DoesNotContain(plan.Items, i => i.Id is "foam-rolling" or "self-massage");
        Assert.Contains(plan.Withheld, w => w.Id == "foam-rolling" && w.Reason.Contains("torn", StringComparison.Ordinal));
        Assert.Contains(plan.Withheld, w => w.Id == "self-massage");
    }

    [Fact]
    public void Bruising_is_see_clinician_and_its_self_care_still_withholds_foam_rolling()
    {
        var result = A.With(Bruising).Assess();

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.Contains(result.Withheld, w => w.Id == "foam-rolling");
        Assert.DoesNotContain(result.SelfCare, i => i.Id == "foam-rolling");
    }

    [Fact]
    public void Fluids_with_electrolytes_are_part_of_recovery()
    {
        Assert.Contains("electrolytes", Item(SelfCarePlan.For(A.With()), "fluids-electrolytes").Details);
    }

    [Fact]
    public void Passive_stretching_waits_a_few_days_after_the_pain_and_never_goes_into_sharp_pain()
    {
        var stretch = Item(SelfCarePlan.For(A.With()), "passive-stretching");

        Assert.Contains("few days after the pain", stretch.When);
        Assert.Contains("never into sharp pain", stretch.Details);
    }

    [Fact]
    public void Pain_relief_gives_no_doses_and_points_to_a_pharmacist()
    {
        var relief = Item(SelfCarePlan.For(A.With()), "pain-relief");

        Assert.Contains("pharmacist", relief.Details);
        Assert.DoesNotMatch(@"\d+\s*mg", relief.Details);
    }
}
