using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Tests.Analysis;

public sealed class IntensityZonesTests
{
    [Theory]
    [InlineData(0.10, 0)]
    [InlineData(0.59, 0)]
    [InlineData(0.60, 1)]
    [InlineData(0.79, 2)]
    [InlineData(0.85, 3)]
    [InlineData(0.90, 4)]
    [InlineData(1.20, 4)]
    public void Heart_rate_reserve_fractions_fall_in_the_karvonen_bands(double fraction, int zone)
    {
        Assert.Equal(zone, IntensityZones.OfHeartRateReserve(fraction));
    }

    [Theory]
    [InlineData(0.90, 0)]
    [InlineData(1.00, 1)]
    [InlineData(1.10, 2)]
    [InlineData(1.12, 3)]
    [InlineData(1.30, 4)]
    public void Without_heart_rate_speed_relative_to_easy_gives_the_zone(double relative, int zone)
    {
        Assert.Equal(zone, IntensityZones.OfSpeedRelativeToEasy(relative));
    }

    [Fact]
    public void Weekly_zone_minutes_add_up_each_runs_heart_rate_time()
    {
        // Rest 60, max 190: reserve 130 bpm. Bin [135,140) has mid 137.5 → (137.5−60)/130 = 0.596 → zone 1 (index 0);
        // bin [140,145) mid 142.5 → 0.635 → zone 2; bin [180,185) mid 182.5 → 0.942 → zone 5.
        // Run 1: 20 min in [140,145), 10 min in [180,185); run 2 (same week): 30 min in [135,140).
        var monday = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        RunFeatures Run(DateTimeOffset start, params HeartRateBin[] bins) => new()
        {
            StartUtc = start,
            UtcOffset = TimeSpan.Zero,
            Sport = Sport.Running,
            DistanceMeters = 6000,
            MovingSeconds = bins.Sum(b => b.Seconds),
            ElapsedSeconds = bins.Sum(b => b.Seconds),
            AvgSpeedMetersPerSecond = 3,
            HeartRateBins = bins,
        };
        var runs = new[]
        {
            Run(monday, new HeartRateBin(140, 1200), new HeartRateBin(180, 600)),
            Run(monday.AddDays(2), new HeartRateBin(135, 1800)),
        };
        var profile = new AthleteProfile(maxHeartRateBpm: 190, restingHeartRateBpm: 60);

        var week = Analyzer.Analyze(runs, profile, [], new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8), AnalysisSettings.Default).Weeks.Single();

        Assert.Equal([30.0, 20.0, 0.0, 0.0, 10.0], week.ZoneMinutes);
    }
}
