using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach profile</c>, from <c>ProfileText.resx</c>: a translation is a
/// <c>ProfileText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class ProfileText
{
    private static readonly ResourceManager Strings = new(typeof(ProfileText));

    public static string CommandHelp => Get();

    public static string UnitsHelp => Get();

    public static string TimeZoneHelp => Get();

    public static string HeightHelp => Get();

    public static string LegHelp => Get();

    public static string MassHelp => Get();

    public static string BornHelp => Get();

    public static string MaxHrHelp => Get();

    public static string RestingHrHelp => Get();

    public static string ShoeReviewHelp => Get();

    public static string ShoeReplaceHelp => Get();

    public static string CountryHelp => Get();

    public static string Title => Get();

    public static string SavedTitle => Get();

    public static string Units => Get();

    public static string Country => Get();

    public static string CountryValue(string country, string emergency) => Format(nameof(CountryValue), country, emergency);

    public static string NoCountry => Get();

    public static string TimeZone => Get();

    public static string Height => Get();

    public static string Centimetres(double centimetres) => Format(nameof(Centimetres), centimetres);

    public static string LegLength => Get();

    public static string BodyMass => Get();

    public static string Kilograms(double kilograms) => Format(nameof(Kilograms), kilograms);

    public static string Born => Get();

    public static string HeartRates => Get();

    public static string Shoes => Get();

    public static string ShoeDistances(string review, string replace) => Format(nameof(ShoeDistances), review, replace);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ProfileText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
