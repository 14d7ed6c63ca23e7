using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of a clinician's list of their runners (the urgency is DispositionText's, the phases and alert sentences the core's), and the line above a runner's report opened from it, from <c>AthletesPageText.resx</c>: a translation is an <c>AthletesPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class AthletesPageText
{
    private static readonly ResourceManager Strings = new(typeof(AthletesPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string NoRunners => Get();

    public static string NoCalfCheck => Get();

    public static string LastCheckIn(string date) => Format(nameof(LastCheckIn), date);

    public static string NoCheckIn => Get();

    public static string AccessReview => Get();

    public static string AccessRead => Get();

    public static string AlertsLabel(string email) => Format(nameof(AlertsLabel), email);

    public static string AlertWarningSign => Get();

    public static string AlertEscalation => Get();

    public static string AlertHighPain => Get();

    public static string AlertRisingMorningPain => Get();

    public static string AlertNoCheckIn => Get();

    public static string Alert => Get();

    public static string PlanLink => Get();

    public static string ReportLink => Get();

    public static string LeftHeading => Get();

    public static string RunnerLeft(string date) => Format(nameof(RunnerLeft), date);

    public static HtmlString ReportBannerHtml(string email) => FormatHtml(nameof(ReportBannerHtml), email);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AthletesPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
