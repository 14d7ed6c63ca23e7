using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// The "Why?" link beside a piece of advice on the assessment result, to its evidence on /evidence, from <c>WhyLinkText.resx</c>: a translation is a <c>WhyLinkText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class WhyLinkText
{
    private static readonly ResourceManager Strings = new(typeof(WhyLinkText));

    public static string Why => Get();

    public static string Hidden(string topic) => Format(nameof(Hidden), topic);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in WhyLinkText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
