namespace CalfCoach.Core.Analysis;

/// <summary>
/// A change to the profile: each value given replaces the stored one, each value left null keeps it.
/// The one meaning of "update my profile" for <c>calfcoach profile --…</c>, the profile page and <c>PATCH /api/profile</c>.
/// </summary>
/// <remarks>Lengths are taken in centimetres, as people measure them; the profile stores metres.</remarks>
public sealed record AthleteProfileUpdate(
    DistanceUnit? Units = null,
    string? TimeZoneId = null,
    double? HeightCentimeters = null,
    double? LegLengthCentimeters = null,
    double? BodyMassKilograms = null,
    DateOnly? DateOfBirth = null,
    double? MaxHeartRateBpm = null,
    double? RestingHeartRateBpm = null,
    double? ShoeReviewKilometers = null,
    double? ShoeReplaceKilometers = null)
{
    public bool IsEmpty => this == new AthleteProfileUpdate();

    /// <summary>The profile with this update applied.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent with the others; the message says which.</exception>
    public AthleteProfile ApplyTo(AthleteProfile current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new AthleteProfile(
            Units ?? current.Units,
            TimeZoneId ?? current.TimeZoneId,
            HeightCentimeters is { } h ? h / 100 : current.HeightMeters,
            LegLengthCentimeters is { } l ? l / 100 : current.LegLengthMeters,
            BodyMassKilograms ?? current.BodyMassKilograms,
            DateOfBirth ?? current.DateOfBirth,
            MaxHeartRateBpm ?? current.MaxHeartRateBpm,
            RestingHeartRateBpm ?? current.RestingHeartRateBpm,
            ShoeReviewKilometers ?? current.ShoeReviewKilometers,
            ShoeReplaceKilometers ?? current.ShoeReplaceKilometers);
    }
}
