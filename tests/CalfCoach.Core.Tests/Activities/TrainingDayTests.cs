using CalfCoach.Core.Activities;

namespace CalfCoach.Core.Tests.Activities;

public sealed class TrainingDayTests
{
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_late_in_the_evening_utc_belongs_to_the_next_day_east_of_greenwich()
    {
        Assert.Equal(new DateOnly(2026, 3, 2), TrainingDay.Of(LateEvening, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Without_an_offset_the_utc_date_is_used()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), TrainingDay.Of(LateEvening, null));
    }

    [Theory]
    [InlineData(3599, 60)]
    [InlineData(-18001, -300)]
    [InlineData(19800 + 7, 330)] // India, +05:30, a few seconds off
    public void Device_offsets_a_few_seconds_off_a_zone_are_rounded_to_the_quarter_hour(int seconds, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), TrainingDay.ZoneOffset(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void An_impossible_offset_is_ignored()
    {
        Assert.Null(TrainingDay.ZoneOffset(TimeSpan.FromHours(30)));
        Assert.Equal(LateEvening, TrainingDay.LocalStart(LateEvening, TimeSpan.FromHours(30)));
    }
}
