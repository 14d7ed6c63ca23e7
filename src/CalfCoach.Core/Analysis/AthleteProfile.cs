using System.Globalization;
namespace CalfCoach.Core.Analysis;

/// <summary>How distances are shown to the runner. Measured values are always metric.</summary>
public enum DistanceUnit
{
    Kilometers,
    Miles,
}

/// <summary>
/// What the analysis needs to know about the runner. Everything but the unit is optional; each metric
/// that needs a missing value says so (or estimates it, see <see cref="Analyzer"/>).
/// </summary>
public sealed record AthleteProfile
{
    public const double MetersPerMile = 1609.344;

    public AthleteProfile(
        DistanceUnit units = DistanceUnit.Kilometers,
        string? timeZoneId = null,
        double? heightMeters = null,
        double? legLengthMeters = null,
        double? bodyMassKilograms = null,
        DateOnly? dateOfBirth = null,
        double? maxHeartRateBpm = null,
        double? restingHeartRateBpm = null,
        double shoeReviewKilometers = 500,
        double shoeReplaceKilometers = 800,
        string? country = null)
    {
        if (!Enum.IsDefined(units))
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, null);
        }

        if (timeZoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'; use an IANA id such as 'Europe/Amsterdam'.", nameof(timeZoneId));
        }

        InRange(heightMeters, 1.0, 2.5, nameof(heightMeters));
        InRange(legLengthMeters, 0.5, 1.4, nameof(legLengthMeters));
        InRange(bodyMassKilograms, 25, 250, nameof(bodyMassKilograms));
        InRange(maxHeartRateBpm, 120, 230, nameof(maxHeartRateBpm));
        InRange(restingHeartRateBpm, 25, 110, nameof(restingHeartRateBpm));
        if (legLengthMeters is { } leg && heightMeters is { } height && leg >= height * 0.7)
        {
            throw new ArgumentOutOfRangeException(nameof(legLengthMeters), leg, "Leg length must be well below height.");
        }

        if (maxHeartRateBpm is { } max && restingHeartRateBpm is { } rest && rest >= max - 40)
        {
            throw new ArgumentOutOfRangeException(nameof(restingHeartRateBpm), rest, "Resting heart rate must be well below maximum.");
        }

        if (country is not null && !Assessment.EmergencyServices.IsKnown(country))
        {
            throw new ArgumentException($"Unknown country '{country}'; use a two-letter code the emergency table knows, such as GB or US.", nameof(country));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shoeReviewKilometers);
        ArgumentOutOfRangeException.ThrowIfLessThan(shoeReplaceKilometers, shoeReviewKilometers);

        Units = units;
        TimeZoneId = timeZoneId;
        HeightMeters = heightMeters;
        LegLengthMeters = legLengthMeters;
        BodyMassKilograms = bodyMassKilograms;
        DateOfBirth = dateOfBirth;
        MaxHeartRateBpm = maxHeartRateBpm;
        RestingHeartRateBpm = restingHeartRateBpm;
        ShoeReviewKilometers = shoeReviewKilometers;
        ShoeReplaceKilometers = shoeReplaceKilometers;
        Country = country?.ToUpperInvariant();
    }

    public static AthleteProfile Default { get; } = new();

    public DistanceUnit Units { get; }

    /// <summary>IANA id (e.g. "America/New_York"): places runs whose file has no UTC offset (most GPX) on the runner's day.</summary>
    public string? TimeZoneId { get; }

    public double? HeightMeters { get; }

    /// <summary>Greater trochanter to floor. Estimated as 0.53 × height when missing (see <see cref="AnalysisSettings.LegLengthFractionOfHeight"/>).</summary>
    public double? LegLengthMeters { get; }

    public double? BodyMassKilograms { get; }

    public DateOnly? DateOfBirth { get; }

    public double? MaxHeartRateBpm { get; }

    public double? RestingHeartRateBpm { get; }

    /// <summary>Review a shoe from this distance (EVIDENCE.md 6: ~500 km / 300 mi, convention, not a proven limit).</summary>
    public double ShoeReviewKilometers { get; }

    /// <summary>Replace a shoe by this distance (EVIDENCE.md 6: ~800 km / 500 mi).</summary>
    public double ShoeReplaceKilometers { get; }

    /// <summary>
    /// Where the runner lives (ISO 3166-1 alpha-2): the emergency and same-day care numbers in the advice come from it.
    /// Null until the runner chooses; the advice then names the common numbers.
    /// </summary>
    public string? Country { get; }

    /// <summary>The resolved <see cref="TimeZoneId"/> (validated at construction).</summary>
    /// <remarks>Not stored or sent: <see cref="TimeZoneId"/> is the value, this the machine's own description of it.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeZoneInfo? TimeZone => TimeZoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    private static void InRange(double? value, double min, double max, string name)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(name, v, string.Create(CultureInfo.InvariantCulture, $"Expected {min}–{max}."));
        }
    }
}

/// <summary>
/// A pair of shoes. Runs are matched by <see cref="RunFeatures.Gear"/> (case-insensitive name), otherwise
/// by date when exactly one shoe was in use that day.
/// </summary>
public sealed record Shoe
{
    public Shoe(string name, DateOnly startDate, double startingKilometers = 0, DateOnly? retiredDate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(startingKilometers);
        if (double.IsNaN(startingKilometers))
        {
            throw new ArgumentOutOfRangeException(nameof(startingKilometers));
        }

        if (retiredDate is { } retired && retired < startDate)
        {
            throw new ArgumentOutOfRangeException(nameof(retiredDate), retired, "A shoe cannot be retired before it was first used.");
        }

        Name = name.Trim();
        StartDate = startDate;
        StartingKilometers = startingKilometers;
        RetiredDate = retiredDate;
    }

    public string Name { get; }

    public DateOnly StartDate { get; }

    /// <summary>Distance already on the shoe at <see cref="StartDate"/> (e.g. runs before the history began).</summary>
    public double StartingKilometers { get; }

    public DateOnly? RetiredDate { get; }

    public bool InUseOn(DateOnly date) => date >= StartDate && (RetiredDate is not { } retired || date <= retired);
}
