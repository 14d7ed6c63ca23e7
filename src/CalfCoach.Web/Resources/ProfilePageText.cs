using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the profile page, from <c>ProfilePageText.resx</c>: a translation is a <c>ProfilePageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class ProfilePageText
{
    private static readonly ResourceManager Strings = new(typeof(ProfilePageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string Saved => Get();

    public static string UnitsLegend => Get();

    public static string Kilometres => Get();

    public static string Miles => Get();

    public static string CountryLabel => Get();

    public static string NoCountry => Get();

    public static string CountryOption(string country, string emergency) => Format(nameof(CountryOption), country, emergency);

    public static string CountrySuggested => Get();

    public static string TimeZoneLabel => Get();

    public static string HeightLabel => Get();

    public static string LegLabel => Get();

    public static string MassLabel => Get();

    public static string BornLabel => Get();

    public static string MaxHeartRateLabel => Get();

    public static string RestingHeartRateLabel => Get();

    public static string ShoeReviewLabel => Get();

    public static string ShoeReplaceLabel => Get();

    public static string SaveButton => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ProfilePageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
