using CalfCoach.Core.Plans;
using CalfCoach.Core.Validation;

namespace CalfCoach.Core.Tests.Validation;

/// <summary>Exercise names from the CLI, the API and the plan page: only names the programme counts are stored.</summary>
public sealed class ExerciseNameRuleTests
{
    [Fact]
    public void Every_loggable_exercise_is_accepted_whatever_its_case_and_kept_as_its_id()
    {
        foreach (var exercise in ExerciseNames.Loggable)
        {
            Assert.Equal(exercise.Id, InputRules.ExerciseName.Check("name", $" {exercise.Id.ToUpperInvariant()} ").Value);
        }
    }

    [Fact]
    public void A_name_the_programme_does_not_know_is_refused_with_every_valid_name()
    {
        var check = InputRules.ExerciseName.Check("name", "banana");

        Assert.False(check.IsValid);
        Assert.Equal("name", check.Error!.Key);
        Assert.StartsWith("The exercise \"banana\" is not one the programme knows. Choose one of: ", check.Error.Message, StringComparison.Ordinal);
        Assert.All(ExerciseNames.Loggable, e => Assert.Contains(e.Id, check.Error.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("Did you mean", check.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heel-drop-straight-knee", "heel-drops-straight-knee")]
    [InlineData("heeldrops-bent-knee", "heel-drops-bent-knee")]
    [InlineData("walkrun", "walk-run")]
    [InlineData("knee-to-wal", "knee-to-wall")]
    [InlineData("single-leg-heel-raise-othr", "single-leg-heel-raise-other")]
    [InlineData("glutes", "glutes-hamstrings")]
    public void A_near_miss_is_refused_with_the_name_it_was_probably_meant_to_be(string typed, string meant)
    {
        var check = InputRules.ExerciseName.Check("name", typed);

        Assert.False(check.IsValid);
        Assert.Contains($"Did you mean \"{meant}\"?", check.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_name_is_refused_as_missing()
    {
        Assert.Equal("The exercise's name is needed; it cannot be empty.", InputRules.ExerciseName.Check("name", "  ").Error!.Message);
    }
}
