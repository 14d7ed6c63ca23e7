using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the metronome page, from <c>MetronomePageText.resx</c>: a translation is a <c>MetronomePageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class MetronomePageText
{
    private static readonly ResourceManager Strings = new(typeof(MetronomePageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string SuggestionFromPlan(int measured, int planned) => Format(nameof(SuggestionFromPlan), measured, planned);

    public static string SuggestionFromRuns(int measured, int target) => Format(nameof(SuggestionFromRuns), measured, target);

    public static string StepsLabel(string lowest, string highest) => Format(nameof(StepsLabel), lowest, highest);

    public static string MinutesLabel => Get();

    public static string AccentLabel => Get();

    public static string MakeButton => Get();

    public static string TrackHeading(string stepsPerMinute, string minutes) => Format(nameof(TrackHeading), stepsPerMinute, minutes);

    public static string AudioLabel => Get();

    public static string Download => Get();

    public static string DownloadSize(string megabytes) => Format(nameof(DownloadSize), megabytes);

    public static HtmlString FormatHtml(string wavUrl, string wavMegabytes) => FormatHtml(nameof(FormatHtml), wavUrl, wavMegabytes);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in MetronomePageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
