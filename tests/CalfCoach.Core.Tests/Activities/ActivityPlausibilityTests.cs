using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Tests.Activities;

public sealed class ActivityPlausibilityTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 7, 0, 0, TimeSpan.Zero);

    private static Activity Of(Sport sport, double seconds, double? meters, double? timerSeconds = null) => new()
    {
        StartUtc = Start,
        Sport = sport,
        ElapsedSeconds = seconds,
        TimerSeconds = timerSeconds,
        DistanceMeters = meters,
        Source = new ActivitySource("gpx", "a.gpx", "h"),
    };

    [Fact]
    public void A_58_day_run_is_marked_with_its_length_and_not_counted()
    {
        var marked = ActivityPlausibility.Mark(Of(Sport.Running, 58.2 * 86400, 4_000_000));

        Assert.StartsWith("it lasts 58.2 days;", marked.NotCountedBecause, StringComparison.Ordinal);
        Assert.False(marked.CountsAsRunningLoad);
        Assert.False(RunFeatureExtractor.Extract(marked).CountsAsRunningLoad);
    }

    [Theory]
    [InlineData(6.5 * 86400, 330_000.0, 5.5 * 86400)]   // Tor des Géants: 330 km, about 6 days with sleep stops
    [InlineData(125 * 3600.0, 400_000.0, null)]         // Cocodona 250 at its cut-off
    [InlineData(13.9 * 86400, 1_000_000.0, null)]       // a multi-day adventure just inside the limit
    public void A_multi_day_ultra_still_counts(double seconds, double meters, double? timerSeconds)
    {
        var ultra = ActivityPlausibility.Mark(Of(Sport.Running, seconds, meters, timerSeconds));

        Assert.Null(ultra.NotCountedBecause);
        Assert.True(ultra.CountsAsRunningLoad);
    }

    [Theory]
    [InlineData(Sport.Running, 400, 44)]        // 9.1 m/s: a fast 400 m
    [InlineData(Sport.Running, 42_195, 7_235)]  // the marathon record pace
    [InlineData(Sport.Cycling, 56_792, 3_600)]  // the hour record
    [InlineData(Sport.Swimming, 1_500, 871)]    // the 1500 m freestyle record
    [InlineData(Sport.Walking, 50_000, 12_600)] // a 50 km race walk
    public void Real_record_speeds_still_count(Sport sport, double meters, double seconds)
    {
        Assert.Null(ActivityPlausibility.ReasonNotToCount(Of(sport, seconds, meters)));
    }

    [Theory]
    [InlineData(Sport.Running, 30_000, 1_200, "90 km/h")]   // a drive recorded as a run
    [InlineData(Sport.Cycling, 200_000, 3_600, "200 km/h")] // a train ride
    [InlineData(Sport.Swimming, 5_000, 600, "30 km/h")]     // a boat
    public void Speeds_beyond_the_sports_limit_are_marked_with_the_speed(Sport sport, double meters, double seconds, string shown)
    {
        var reason = ActivityPlausibility.ReasonNotToCount(Of(sport, seconds, meters));

        Assert.NotNull(reason);
        Assert.Contains(shown, reason, StringComparison.Ordinal);
        Assert.Contains(sport.WireName(), reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_gps_glitch_is_not_judged_by_its_speed()
    {
        // 150 m "in" one second: too short a distance for its average to mean anything.
        Assert.Null(ActivityPlausibility.ReasonNotToCount(Of(Sport.Running, 1, 150)));
    }

    [Fact]
    public void A_reason_given_by_the_reader_is_kept()
    {
        var fromReader = Of(Sport.Running, 600, 2_000) with { NotCountedBecause = "the file has 300 sessions" };

        Assert.Equal("the file has 300 sessions", ActivityPlausibility.Mark(fromReader).NotCountedBecause);
    }

    [Fact]
    public void A_marked_run_is_left_out_of_the_analysis()
    {
        var runs = Enumerable.Range(0, 4)
            .Select(d => RunFeatureExtractor.Extract(Of(Sport.Running, 3600, 10_000) with { StartUtc = Start.AddDays(-d * 2) }))
            .Append(RunFeatureExtractor.Extract(ActivityPlausibility.Mark(Of(Sport.Running, 58 * 86400, 4_000_000) with { StartUtc = Start.AddDays(-3) })))
            .ToArray();

        var day = DateOnly.FromDateTime(Start.UtcDateTime);
        var withIt = Analyzer.Analyze(runs, AthleteProfile.Default, [], day, day, AnalysisSettings.Default);
        var without = Analyzer.Analyze(runs[..4], AthleteProfile.Default, [], day, day, AnalysisSettings.Default);

        Assert.Equal(without.Weeks.Sum(w => w.DistanceKilometers), withIt.Weeks.Sum(w => w.DistanceKilometers));
        Assert.Equal(40, withIt.Weeks.Sum(w => w.DistanceKilometers), 3);
        Assert.Equal(4, withIt.Weeks.Sum(w => w.Runs));
    }
}
