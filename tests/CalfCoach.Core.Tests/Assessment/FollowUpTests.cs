using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class FollowUpTests
{
    [Theory]
    [InlineData(0, "2026-12-04")] // day 7 of home care
    [InlineData(2, "2026-12-02")]
    [InlineData(6, "2026-11-28")]
    [InlineData(7, "2026-11-30")] // past day 7 and improving: day 10
    [InlineData(9, "2026-11-28")]
    [InlineData(10, "2026-12-04")] // past day 10: a week later
    public void Self_care_review_falls_on_day_7_then_day_10_of_home_care(int homeCareDays, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FollowUp.ReviewDate(homeCareDays, A.Day));
    }

    [Fact]
    public void Self_care_names_both_ends_of_the_7_to_10_day_window()
    {
        var result = A.With().Days(2, 2).Assess();
        var trigger = Assert.Single(result.FollowUp.Triggers, t => t.Id == "not-improving");

        Assert.Equal(new DateOnly(2026, 12, 2), result.FollowUp.ReviewOn);
        Assert.Contains("2026-12-02", trigger.When);
        Assert.Contains("2026-12-05", trigger.When);
        Assert.Equal(Disposition.SeeClinician, trigger.EscalatesTo);
    }

    [Fact]
    public void Self_care_escalates_on_new_warning_signs_and_rising_morning_pain()
    {
        var ids = A.With().Assess().FollowUp.Triggers.Select(t => t.Id).ToArray();

        Assert.Contains("new-warning-sign", ids);
        Assert.Contains("morning-pain-rising", ids);
        Assert.Contains("pain-during-activity", ids);
    }

    [Theory]
    [InlineData(Symptom.Fever)]
    [InlineData(Symptom.PopOrSnap)]
    public void Emergency_and_urgent_are_reviewed_today(Symptom sign)
    {
        Assert.Equal(A.Day, A.With(sign).Assess().FollowUp.ReviewOn);
    }

    [Fact]
    public void See_clinician_is_reviewed_within_three_days_and_escalates_if_worse()
    {
        var result = A.With(Symptom.Bruising).Assess();

        Assert.Equal(A.Day.AddDays(3), result.FollowUp.ReviewOn);
        Assert.Contains(result.FollowUp.Triggers, t => t.EscalatesTo == Disposition.Urgent);
    }

    [Fact]
    public void Urgent_escalates_to_emergency_on_breathing_or_chest_symptoms()
    {
        var trigger = Assert.Single(A.With(Symptom.Swelling).Assess().FollowUp.Triggers, t => t.Id == "breathing-or-chest");

        Assert.Equal(Disposition.Emergency, trigger.EscalatesTo);
    }
}
