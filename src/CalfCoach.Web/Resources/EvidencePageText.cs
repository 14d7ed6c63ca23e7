using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// The evidence page's own words (the entries come from the core's EvidenceCatalogue), from <c>EvidencePageText.resx</c>: a translation is a <c>EvidencePageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class EvidencePageText
{
    private static readonly ResourceManager Strings = new(typeof(EvidencePageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string TopicsLabel => Get();

    public static string SourcesHeading => Get();

    public static string SearchNote => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in EvidencePageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
