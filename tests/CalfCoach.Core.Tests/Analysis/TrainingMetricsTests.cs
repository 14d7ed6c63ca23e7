using CalfCoach.Core.Analysis;
using static CalfCoach.Core.Tests.Analysis.Histories;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>Metrics against values worked out by hand; the arithmetic is in the comments.</summary>
public sealed class TrainingMetricsTests
{
    [Fact]
    public void Acwr_on_a_steady_series_with_one_bigger_day_matches_the_hand_computed_ratios()
    {
        // 28 days of 5 km, then 15 km on day 28 (index 28).
        var load = Enumerable.Repeat(5.0, 28).Append(15.0).ToArray();
        var rolling = new double[load.Length];
        var ewma = new double[load.Length];

        TrainingMetrics.Acwr(load, 7, 28, 0.1, rolling, ewma);

        // Undefined until the 28-day chronic window is full (index 27), then 1.0 on the steady series.
        Assert.True(double.IsNaN(rolling[26]) && double.IsNaN(ewma[26]));
        Assert.Equal(1.0, rolling[27], 12);
        Assert.Equal(1.0, ewma[27], 12);
        // Rolling, coupled: acute = (6 × 5 + 15) / 7 = 45/7; chronic = (27 × 5 + 15) / 28 = 150/28; ratio = 1.2.
        Assert.Equal(1.2, rolling[28], 12);
        // EWMA, both seeded at 5: acute = 0.25 × 15 + 0.75 × 5 = 7.5; chronic = (2/29) × 15 + (27/29) × 5 = 165/29;
        // ratio = 7.5 × 29 / 165 = 1.318181…
        Assert.Equal(7.5 * 29 / 165, ewma[28], 12);
    }

    [Fact]
    public void Banister_trimp_of_ten_minutes_at_152_5_bpm_matches_the_formula()
    {
        // x = (152.5 − 50) / (190 − 50) = 0.732143; TRIMP = 10 min × x × 0.64 × e^(1.92 x) = 10 × 0.732143 × 0.64 × 4.07860 = 19.110
        var trimp = TrainingMetrics.BanisterTrimp([new HeartRateBin(150, 600)], 50, 190, 1.92);

        Assert.Equal(19.110, trimp, 3);
    }

    [Theory]
    [InlineData(10.0, 0)]  // ≤ 10 %: reference
    [InlineData(10.04, 0)] // rounds to 10.0
    [InlineData(10.1, 1)]  // small
    [InlineData(30.0, 1)]  // "30 % longer" is still the small band (>10–30 %)
    [InlineData(30.1, 2)]  // moderate
    [InlineData(100.1, 3)] // large
    public void Spike_bands_follow_frandsen(double percent, int band)
    {
        Assert.Equal(band, TrainingMetrics.SpikeBand(percent, AnalysisSettings.Default));
    }

    [Fact]
    public void Weighted_line_recovers_the_cadence_slope_and_falls_back_to_flat_when_speeds_barely_differ()
    {
        // (2.875 m/s, 170) and (3.375 m/s, 175): slope = 5 / 0.5 = 10 spm per m/s; intercept = 170 − 10 × 2.875 = 141.25.
        var (a, b, estimated) = TrainingMetrics.WeightedLine([2.875, 3.375], [170, 175], [1, 1], 0.1);
        Assert.True(estimated);
        Assert.Equal(10, b, 9);
        Assert.Equal(141.25, a, 9);

        var flat = TrainingMetrics.WeightedLine([3.0, 3.05], [170, 176], [1, 1], 0.1);
        Assert.False(flat.SlopeEstimated);
        Assert.Equal(173, flat.Intercept, 9);
    }

    [Fact]
    public void Weeks_sum_distance_time_and_ascent_and_give_the_change_and_the_rolling_mean()
    {
        // Week 1: Mon 10 km + Sun 5 km = 15 km (60 + 30 min at 6:00/km); week 2: Wed 20 km: (20 − 15)/15 = +33.3 %;
        // week 3: nothing: (0 − 20)/20 = −100 %. Week 1 has no week before it: null.
        var runs = new[]
        {
            Run(Week(1), 10, ascentMeters: 100),
            Run(Week(1).AddDays(6), 5, ascentMeters: 20),
            Run(Week(2).AddDays(2), 20, ascentMeters: 300),
        };

        var weeks = Analyze(runs, Week(3).AddDays(6)).Weeks;

        Assert.Equal([Week(1), Week(2), Week(3)], weeks.Select(w => w.Monday));
        Assert.Equal([15.0, 20.0, 0.0], weeks.Select(w => w.DistanceKilometers));
        Assert.Equal([90.0, 120.0, 0.0], weeks.Select(w => w.MovingMinutes));
        Assert.Equal([120.0, 300.0, 0.0], weeks.Select(w => w.AscentMeters));
        Assert.Equal([null, 33.3, -100.0], weeks.Select(w => w.ChangePercent));
        // Rolling mean over available weeks (up to 4): 15; (15 + 20)/2 = 17.5; (15 + 20 + 0)/3 = 11.667.
        Assert.Equal([15.0, 17.5, 11.667], weeks.Select(w => w.RollingMeanKilometers));
    }

    [Fact]
    public void Each_run_is_compared_with_the_longest_run_of_the_previous_30_days()
    {
        // The previous 30 days of day d are days d−30 … d−1. Day 0: 10 km (history start, nothing known before).
        // Day 30: 12 km → window 0–29 holds 10 km → +20 %. Day 45: 16 km → window 15–44 holds only day 30 (12 km)
        // → +33.3 %. Day 80: 16 km → window 50–79 is empty: no reference.
        var start = Week(1);
        var runs = new[] { Run(start, 10), Run(start.AddDays(30), 12), Run(start.AddDays(45), 16), Run(start.AddDays(80), 16) };

        var summaries = Analyze(runs, start.AddDays(80)).Runs;

        Assert.Equal([null, 20.0, 33.3, null], summaries.Select(r => r.SpikePercent));
        Assert.Equal([null, 10.0, 12.0, null], summaries.Select(r => r.LongestPreviousKilometers));
    }

    [Fact]
    public void A_sunday_night_run_in_utc_minus_5_belongs_to_the_week_it_was_run_in_locally()
    {
        // Sunday 1 March 2026 22:00 at UTC−5 is Monday 2 March 03:00 UTC; it belongs to the week of Monday 23 February.
        var sundayNight = Run(new DateOnly(2026, 3, 1), 10, utcOffset: TimeSpan.FromHours(-5), at: new TimeOnly(22, 0));
        Assert.Equal(DayOfWeek.Monday, sundayNight.StartUtc.DayOfWeek);
        var earlier = Run(new DateOnly(2026, 2, 24), 5);

        var weeks = Analyze([earlier, sundayNight], new DateOnly(2026, 3, 4)).Weeks;

        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2)], weeks.Select(w => w.Monday));
        Assert.Equal([15.0, 0.0], weeks.Select(w => w.DistanceKilometers));
    }

    [Fact]
    public void Runs_without_an_offset_use_the_profile_time_zone_on_both_sides_of_a_daylight_saving_change()
    {
        // New York: EST (UTC−5) until Sunday 8 March 2026 02:00, EDT (UTC−4) after.
        // A: 2026-03-02T04:30Z = Sun 1 Mar 23:30 EST → week of 23 Feb (a fixed −4 h would make it Monday 00:30).
        // C: 2026-03-09T03:30Z = Sun 8 Mar 23:30 EDT → week of 2 Mar (UTC would make it Monday).
        // B: 2026-03-09T04:15Z = Mon 9 Mar 00:15 EDT → week of 9 Mar (a fixed −5 h would make it Sunday 23:15).
        static RunFeatures At(string utc, double km) => Run(default, km) with { StartUtc = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), UtcOffset = null };
        var profile = new AthleteProfile(timeZoneId: "America/New_York");

        var weeks = Analyzer.Analyze([At("2026-03-02T04:30:00Z", 5), At("2026-03-09T03:30:00Z", 7), At("2026-03-09T04:15:00Z", 11)],
            profile, [], new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), AnalysisSettings.Default).Weeks;

        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], weeks.Select(w => w.Monday));
        Assert.Equal([5.0, 7.0, 11.0], weeks.Select(w => w.DistanceKilometers));
    }

    [Fact]
    public void Shoe_distance_and_age_accumulate_per_run_from_the_starting_distance()
    {
        // Shoe from 5 Jan with 100 km on it: 100 + 10 = 110 (age 1 day), 110 + 12 = 122 (age 8 days). The gear-less
        // run on 20 Jan is matched by date, the only shoe in use.
        var shoe = new Shoe("Ghost", Week(1), startingKilometers: 100);
        var runs = new[] { Run(Week(1).AddDays(1), 10, gear: "GHOST"), Run(Week(2).AddDays(1), 12, gear: "Ghost"), Run(Week(3).AddDays(1), 5) };

        var result = Analyzer.Analyze(runs, Profile, [shoe], Week(3).AddDays(1), Week(3).AddDays(1), AnalysisSettings.Default);

        Assert.Equal([110.0, 122.0, 127.0], result.Runs.Select(r => r.ShoeKilometers));
        Assert.Equal([1, 8, 15], result.Runs.Select(r => r.ShoeAgeDays));
        Assert.Equal(new ShoeStatus("Ghost", 127, 15, false, false), Assert.Single(result.Shoes));
    }
}
