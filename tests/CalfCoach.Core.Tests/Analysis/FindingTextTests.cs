using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Analysis;

public sealed class FindingTextTests
{
    [Fact]
    public void Every_finding_id_has_a_title_and_a_why_that_are_not_the_id()
    {
        Assert.Equal(FindingIds.All.Order(StringComparer.Ordinal), FindingText.Ids.Order(StringComparer.Ordinal));
        Assert.All(FindingIds.All, id =>
        {
            Assert.NotEqual(id, FindingText.Title(id));
            Assert.NotEmpty(FindingText.Why(id));
            Assert.DoesNotContain(id, FindingText.Why(id), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_long_run_spike_is_measured_in_words_in_the_profile_units()
    {
        var finding = new Finding(FindingIds.LongRunSpike, Severity.High, [new DateOnly(2026, 3, 1)],
            new Dictionary<string, double> { ["distanceKm"] = 19, ["longestPrevious30DaysKm"] = 14, ["increasePercent"] = 35.7 },
            "…", new FindingAction("load-progression"));

        Assert.Equal("19 km, against a longest of 14 km in the previous 30 days", FindingText.Measured(finding, DistanceUnit.Kilometers));
        Assert.Equal("11.8 mi, against a longest of 8.7 mi in the previous 30 days", FindingText.Measured(finding, DistanceUnit.Miles));
    }

    [Fact]
    public void A_pace_finding_is_measured_in_minutes_per_distance_never_metres_per_second()
    {
        var finding = new Finding(FindingIds.PaceIncrease, Severity.Low, [],
            new Dictionary<string, double> { ["easySpeedBeforeMps"] = 2.78, ["easySpeedRecentMps"] = 3.03 },
            "…", new FindingAction("load-progression"));

        var text = FindingText.Measured(finding, DistanceUnit.Kilometers);

        Assert.Equal("easy pace 5:30 min/km, against 6:00 min/km before", text);
        Assert.DoesNotContain("m/s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_is_named_by_the_plan_item_title()
    {
        Assert.Equal("Build the load gradually", FindingText.ActionTitle(new FindingAction("load-progression")));
        Assert.All(PreventionPlan.ItemIds, id => Assert.NotEqual(id, FindingText.ActionTitle(new FindingAction(id))));
    }

    [Theory]
    [InlineData(1, "1 run")]
    [InlineData(2, "2 runs")]
    [InlineData(0, "0 runs")]
    public void Counts_take_the_right_plural(int count, string expected) =>
        Assert.Equal(expected, FindingText.Count(count, "run", "runs"));

    [Fact]
    public void A_logged_exercise_is_named_by_its_title_without_the_logging_hint()
    {
        Assert.Equal("Heel drops, straight knee", ExerciseNames.TitleOf("heel-drops-straight-knee"));
        Assert.Equal("Single-leg heel-raise test, sore leg", ExerciseNames.TitleOf(ExerciseNames.SingleLegHeelRaise));
        Assert.All(ExerciseNames.Loggable, e => Assert.NotEqual(e.Id, ExerciseNames.TitleOf(e.Id)));
    }
}
