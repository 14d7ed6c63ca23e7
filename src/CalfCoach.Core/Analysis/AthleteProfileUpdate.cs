using CalfCoach.Core.Validation;

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
    double? ShoeReplaceKilometers = null,
    string? Country = null)
{
    public bool IsEmpty => this == new AthleteProfileUpdate();

    /// <summary>
    /// The profile with this update applied, or every value at fault (keyed as <c>PATCH /api/profile</c> names them:
    /// <c>heightCm</c>, <c>restingHr</c>, …) with what to send instead. The one check behind the CLI, the page and the API.
    /// </summary>
    public bool TryApplyTo(AthleteProfile current, out AthleteProfile profile, out IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        var found = new List<InputError>();
        void Take<T>(Checked<T> check)
        {
            if (check.Error is { } error)
            {
                found.Add(error);
            }
        }

        var zone = InputRules.TimeZone.Check("timeZone", TimeZoneId);
        Take(zone);
        if (zone is { IsValid: true, Value: { } id } && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            found.Add(new InputError("timeZone", $"\"{id}\" is not a time zone this computer knows; use a name such as Europe/London or America/New_York."));
        }

        Take(InputRules.HeightCm.Check("heightCm", HeightCentimeters));
        Take(InputRules.LegCm.Check("legCm", LegLengthCentimeters));
        Take(InputRules.MassKg.Check("massKg", BodyMassKilograms));
        if (DateOfBirth is { } born)
        {
            Take(InputRules.Day.Check("born", born));
        }

        Take(InputRules.MaxHr.Check("maxHr", MaxHeartRateBpm));
        Take(InputRules.RestingHr.Check("restingHr", RestingHeartRateBpm));
        Take(InputRules.ShoeReviewKm.Check("shoeReviewKm", ShoeReviewKilometers));
        Take(InputRules.ShoeReplaceKm.Check("shoeReplaceKm", ShoeReplaceKilometers));
        var country = InputRules.Country.Check("country", Country);
        Take(country);
        if (country is { IsValid: true, Value: { } code } && !Assessment.EmergencyServices.IsKnown(code))
        {
            found.Add(new InputError("country",
                $"\"{code}\" is not a country CalfCoach has emergency numbers for; use one of {string.Join(", ", Assessment.EmergencyServices.Known.Select(s => s.Country))}."));
        }

        if (found.Count == 0)
        {
            // The rules between values, on the values the profile will hold (a new one against a kept one).
            var height = HeightCentimeters / 100 ?? current.HeightMeters;
            var leg = LegLengthCentimeters / 100 ?? current.LegLengthMeters;
            var max = MaxHeartRateBpm ?? current.MaxHeartRateBpm;
            var rest = RestingHeartRateBpm ?? current.RestingHeartRateBpm;
            var review = ShoeReviewKilometers ?? current.ShoeReviewKilometers;
            var replace = ShoeReplaceKilometers ?? current.ShoeReplaceKilometers;
            if (leg is { } l && height is { } h && l >= h * 0.7)
            {
                found.Add(new InputError(LegLengthCentimeters is null ? "heightCm" : "legCm", "The leg length must be well below the height (under 70 % of it); check both."));
            }

            if (max is { } m && rest is { } r && r >= m - 40)
            {
                found.Add(new InputError(RestingHeartRateBpm is null ? "maxHr" : "restingHr", "The resting heart rate must be at least 40 beats a minute below the maximum; check both."));
            }

            if (replace < review)
            {
                found.Add(new InputError(ShoeReplaceKilometers is null ? "shoeReviewKm" : "shoeReplaceKm", "Shoes are replaced at or after the distance they are reviewed at; check both distances."));
            }
        }

        errors = found;
        profile = found.Count == 0 ? (this with { TimeZoneId = zone.Value, Country = country.Value }).ApplyTo(current) : current;
        return found.Count == 0;
    }

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
            ShoeReplaceKilometers ?? current.ShoeReplaceKilometers,
            Country ?? current.Country);
    }
}
