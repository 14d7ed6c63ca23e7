using System.Globalization;

namespace CalfCoach.Core.Analysis;

/// <summary>
/// Distances and paces as the runner reads them, in the profile's <see cref="DistanceUnit"/>. Measured values stay
/// metric everywhere else (JSON, <see cref="Finding.Values"/>); only text converts. 1 mi = <see cref="AthleteProfile.MetersPerMile"/> m.
/// </summary>
public static class DistanceText
{
    private const double MetersPerKilometer = 1000;

    /// <summary>"km" or "mi".</summary>
    public static string Symbol(DistanceUnit unit) => unit == DistanceUnit.Miles ? "mi" : "km";

    /// <summary>"Kilometres" or "Miles", for the start of a sentence.</summary>
    public static string Name(DistanceUnit unit) => unit == DistanceUnit.Miles ? "Miles" : "Kilometres";

    /// <summary>Metres in one <paramref name="unit"/>.</summary>
    public static double MetersPer(DistanceUnit unit) => unit == DistanceUnit.Miles ? AthleteProfile.MetersPerMile : MetersPerKilometer;

    /// <summary>A distance in kilometres as a number in <paramref name="unit"/>.</summary>
    public static double FromKilometers(double kilometers, DistanceUnit unit) =>
        unit == DistanceUnit.Miles ? kilometers * MetersPerKilometer / AthleteProfile.MetersPerMile : kilometers;

    /// <summary>A distance with its unit, e.g. "12.3 km" or "7.6 mi".</summary>
    public static string Distance(double kilometers, DistanceUnit unit, string format = "0.0") =>
        FromKilometers(kilometers, unit).ToString(format, CultureInfo.InvariantCulture) + " " + Symbol(unit);

    /// <summary>A weekly distance, e.g. "25.0 km a week".</summary>
    public static string WeeklyDistance(double kilometers, DistanceUnit unit, string format = "0.0") =>
        Distance(kilometers, unit, format) + " a week";

    /// <summary>Whole seconds per <paramref name="unit"/> at a speed.</summary>
    public static int PaceSeconds(double metersPerSecond, DistanceUnit unit) => (int)Math.Round(MetersPer(unit) / metersPerSecond);

    /// <summary>A pace as minutes and seconds, e.g. "5:30" (no unit).</summary>
    public static string PaceClock(double metersPerSecond, DistanceUnit unit)
    {
        var seconds = PaceSeconds(metersPerSecond, unit);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>A pace with its unit, e.g. "5:30 min/km" or "8:51 min/mi".</summary>
    public static string Pace(double metersPerSecond, DistanceUnit unit) => $"{PaceClock(metersPerSecond, unit)} min/{Symbol(unit)}";
}
