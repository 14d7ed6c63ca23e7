using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class PreventionPlanTests
{
    private static IReadOnlyList<PlanItem> PlanFor(params RecentChange[] changes) =>
        A.With().Changes(changes).Assess().Prevention;

    [Fact]
    public void Every_runner_gets_straight_and_bent_knee_heel_drops_with_sets_of_10_to_12_and_a_progression()
    {
        var plan = PlanFor();
        var straight = Assert.Single(plan, i => i.Id == "heel-drops-straight-knee");
        var bent = Assert.Single(plan, i => i.Id == "heel-drops-bent-knee");

        Assert.Contains("gastrocnemius", straight.Title);
        Assert.Contains("soleus", bent.Title);
        Assert.Contains("3 sets of 10–12", straight.Details);
        Assert.Contains("two legs to one leg, then add weight", straight.Details);
        Assert.Contains("two legs, one leg, then added weight", bent.Details);
    }

    [Fact]
    public void Every_runner_gets_glute_and_hamstring_strength_and_gradual_load()
    {
        var ids = PlanFor().Select(i => i.Id).ToArray();

        Assert.Contains("glutes-hamstrings", ids);
        Assert.Contains("load-progression", ids);
    }

    [Fact]
    public void Load_progression_uses_the_single_run_spike_rule_and_says_the_10_percent_rule_is_unproven()
    {
        var load = Assert.Single(PlanFor(), i => i.Id == "load-progression");

        Assert.Contains("within 10 % of your longest run of the past 30 days", load.Details);
        Assert.Contains("not a proven limit", load.Details);
    }

    [Theory]
    [InlineData(RecentChange.LowCadence)]
    [InlineData(RecentChange.Overstriding)]
    public void Cadence_retraining_appears_for_low_cadence_or_overstriding_in_small_steps_toward_170_180(RecentChange change)
    {
        var cadence = Assert.Single(PlanFor(change), i => i.Id == "cadence-retraining");

        Assert.Contains("about 5 %", cadence.Details);
        Assert.Contains("never more than 10 %", cadence.Details);
        Assert.Contains("170–180 steps per minute", cadence.Details);
        Assert.Contains("do not try to land on your forefoot", cadence.Details);
        Assert.Contains(change.Id(), cadence.Addresses);
    }

    [Fact]
    public void Cadence_retraining_is_not_prescribed_without_a_cadence_or_stride_cause()
    {
        Assert.DoesNotContain(PlanFor(RecentChange.DistanceIncrease), i => i.Id == "cadence-retraining");
    }

    [Theory]
    [InlineData(RecentChange.WornShoes)]
    [InlineData(RecentChange.NewShoes)]
    [InlineData(RecentChange.MinimalShoes)]
    public void Shoe_review_appears_for_shoe_causes_with_the_replacement_range(RecentChange change)
    {
        var shoes = Assert.Single(PlanFor(change), i => i.Id == "shoe-review");

        Assert.Contains("500 km", shoes.Details);
        Assert.Contains("800 km", shoes.Details);
        Assert.Contains(change.Id(), shoes.Addresses);
    }

    [Fact]
    public void Cramp_plan_appears_for_long_hot_efforts_or_a_cramp_during_a_run()
    {
        Assert.Contains(PlanFor(RecentChange.LongHotEfforts), i => i.Id == "cramp-plan");
        Assert.Contains((A.With() with { CrampDuringRun = true }).Assess().Prevention, i => i.Id == "cramp-plan");
        Assert.DoesNotContain(PlanFor(), i => i.Id == "cramp-plan");
    }

    [Fact]
    public void Gait_analysis_is_suggested_where_biomechanics_are_reported()
    {
        var gait = Assert.Single(PlanFor(RecentChange.Overstriding), i => i.Id == "gait-analysis");

        Assert.Contains("physiotherapist", gait.Details);
    }

    [Fact]
    public void Items_addressing_reported_causes_come_before_general_ones()
    {
        var plan = PlanFor(RecentChange.WornShoes);

        Assert.Equal("shoe-review", plan[0].Id);
    }

    [Fact]
    public void Every_prevention_item_is_tied_to_at_least_one_cause()
    {
        var all = PlanFor(Enum.GetValues<RecentChange>()).Concat((A.With() with { CrampDuringRun = true }).Assess().Prevention);

        Assert.All(all, item => Assert.NotEmpty(item.Addresses));
    }

    [Fact]
    public void Every_reported_cause_is_addressed_by_some_prevention_item()
    {
        foreach (var change in Enum.GetValues<RecentChange>())
        {
            Assert.Contains(PlanFor(change), item => item.Addresses.Contains(change.Id()));
        }
    }
}
