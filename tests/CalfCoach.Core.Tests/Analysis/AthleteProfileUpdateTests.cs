using CalfCoach.Core.Analysis;
using CalfCoach.Core.Validation;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>"Update my profile" checked in one place for the CLI, the page and the API: every fault named, nothing half-applied.</summary>
public sealed class AthleteProfileUpdateTests
{
    private static readonly AthleteProfile Current = new(heightMeters: 1.78, maxHeartRateBpm: 188);

    [Fact]
    public void A_valid_update_is_applied_and_the_rest_kept()
    {
        Assert.True(new AthleteProfileUpdate(BodyMassKilograms: 70, TimeZoneId: " Europe/London ").TryApplyTo(Current, out var profile, out var errors));

        Assert.Empty(errors);
        Assert.Equal((70, "Europe/London", 1.78, 188), (profile.BodyMassKilograms, profile.TimeZoneId, profile.HeightMeters, profile.MaxHeartRateBpm));
    }

    [Fact]
    public void Every_impossible_value_is_named_by_its_key_and_the_profile_is_unchanged()
    {
        var update = new AthleteProfileUpdate(BodyMassKilograms: 1e308, HeightCentimeters: double.NaN, ShoeReviewKilometers: double.PositiveInfinity, TimeZoneId: "Mars/Olympus");

        Assert.False(update.TryApplyTo(Current, out var profile, out var errors));

        Assert.Equal(["timeZone", "heightCm", "massKg", "shoeReviewKm"], errors.Select(e => e.Key));
        Assert.Same(Current, profile);
    }

    [Fact]
    public void A_resting_heart_rate_too_close_to_the_kept_maximum_is_named_as_the_resting_rate()
    {
        var current = new AthleteProfile(maxHeartRateBpm: 140);

        Assert.False(new AthleteProfileUpdate(RestingHeartRateBpm: 105).TryApplyTo(current, out _, out var errors));

        Assert.Equal(new InputError("restingHr", "The resting heart rate must be at least 40 beats a minute below the maximum; check both."), Assert.Single(errors));
    }

    [Fact]
    public void A_maximum_too_close_to_the_kept_resting_rate_is_named_as_the_maximum()
    {
        var current = new AthleteProfile(restingHeartRateBpm: 90);

        Assert.False(new AthleteProfileUpdate(MaxHeartRateBpm: 125).TryApplyTo(current, out _, out var errors));

        Assert.Equal(new InputError("maxHr", "The resting heart rate must be at least 40 beats a minute below the maximum; check both."), Assert.Single(errors));
    }

    [Fact]
    public void A_replace_distance_below_the_review_distance_is_refused() =>
        Assert.False(new AthleteProfileUpdate(ShoeReviewKilometers: 900).TryApplyTo(Current, out _, out _));
}
