using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// The word of each level of advice, as the disposition panel of the home, plan and result pages shows it (the headline comes from the core), from <c>DispositionText.resx</c>: a translation is a <c>DispositionText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class DispositionText
{
    private static readonly ResourceManager Strings = new(typeof(DispositionText));

    public static string Emergency => Get();

    public static string Urgent => Get();

    public static string SeeClinician => Get();

    public static string SelfCare => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in DispositionText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
