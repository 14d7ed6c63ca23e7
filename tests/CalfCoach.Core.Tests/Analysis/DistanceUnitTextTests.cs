using CalfCoach.Core.Analysis;
using static CalfCoach.Core.Tests.Analysis.Histories;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Explanations follow the profile's unit; <see cref="Finding.Values"/> stay in kilometres.</summary>
public sealed class DistanceUnitTextTests
{
    private static readonly AthleteProfile MilesProfile =
        new(units: DistanceUnit.Miles, heightMeters: 1.75, maxHeartRateBpm: 190, restingHeartRateBpm: 50);

    private static readonly DateOnly SpikeSunday = Week(10).AddDays(6);

    /// <summary>12 weeks of Tue 8, Thu 8, Sun 14 km, with one Sunday of 19 km (+36 % on the 14 km longest).</summary>
    private static List<RunFeatures> LongRunSpikeHistory()
    {
        var runs = Enumerable.Range(1, 12)
            .SelectMany(w => new[] { Run(Week(w).AddDays(1), 8), Run(Week(w).AddDays(3), 8), Run(Week(w).AddDays(6), 14) })
            .ToList();
        return Replace(runs, SpikeSunday, Run(SpikeSunday, 19));
    }

    [Fact]
    public void A_miles_profile_gives_the_long_run_spike_in_miles_with_the_values_still_in_km()
    {
        var result = Analyze(LongRunSpikeHistory(), Week(11).AddDays(1), MilesProfile);

        var finding = Assert.Single(result.Findings, f => f.Id == FindingIds.LongRunSpike);
        Assert.Equal([SpikeSunday], finding.Dates);
        // 19 km = 11.81 mi; 14 km = 8.70 mi; advised 14 × 1.1 = 15.4 km = 9.57 mi.
        Assert.Contains("you ran 11.8 mi, 36% longer", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("(8.7 mi): a moderate spike", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("Keep single runs below about 9.6 mi for now.", finding.Explanation, StringComparison.Ordinal);
        Assert.Equal(19.0, finding.Values["distanceKm"]);
        Assert.Equal(14.0, finding.Values["longestPrevious30DaysKm"]);
        Assert.All(result.Findings, f =>
        {
            Assert.DoesNotContain(" km", f.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain(" km", f.Action.Detail ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_km_profile_gives_the_same_long_run_spike_in_km()
    {
        var result = Analyze(LongRunSpikeHistory(), Week(11).AddDays(1));

        var finding = Assert.Single(result.Findings, f => f.Id == FindingIds.LongRunSpike);
        Assert.Contains("you ran 19.0 km, 36% longer", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("(14.0 km): a moderate spike", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("Keep single runs below about 15.4 km for now.", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(" mi", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_miles_profile_gives_paces_in_minutes_per_mile()
    {
        // 6:00 min/km = 1609.344 m / (1000 m / 360 s) = 579.4 s = 9:39 min/mi.
        var km = Assert.Single(Analyze(Steady(24, cadence: 160), Week(24).AddDays(6)).Findings);
        var miles = Assert.Single(Analyze(Steady(24, cadence: 160), Week(24).AddDays(6), MilesProfile).Findings);

        Assert.StartsWith("At your easy pace (6:00 min/km)", km.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("At your easy pace (9:39 min/mi)", miles.Explanation, StringComparison.Ordinal);
        Assert.Equal(km.Values, miles.Values);
    }

    [Theory]
    [InlineData(DistanceUnit.Kilometers, "25.0 km", "25.0 km a week", "5:00 min/km", "5:00")]
    [InlineData(DistanceUnit.Miles, "15.5 mi", "15.5 mi a week", "8:03 min/mi", "8:03")]
    public void The_formatter_converts_at_1609_344_m_per_mile(DistanceUnit unit, string distance, string weekly, string pace, string clock)
    {
        Assert.Equal(distance, DistanceText.Distance(25, unit));
        Assert.Equal(weekly, DistanceText.WeeklyDistance(25, unit));
        Assert.Equal(pace, DistanceText.Pace(1000.0 / 300, unit));
        Assert.Equal(clock, DistanceText.PaceClock(1000.0 / 300, unit));
    }

    [Fact]
    public void One_mile_is_1_609344_km()
    {
        Assert.Equal(1.0, DistanceText.FromKilometers(1.609344, DistanceUnit.Miles), 12);
        Assert.Equal("mi", DistanceText.Symbol(DistanceUnit.Miles));
        Assert.Equal("km", DistanceText.Symbol(DistanceUnit.Kilometers));
    }
}
