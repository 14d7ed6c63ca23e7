using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the assessment's result and its likely causes (the advice, reasons, causes and questions come from the
/// core), from <c>AssessResultText.resx</c>: a translation is a <c>AssessResultText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class AssessResultText
{
    private static readonly ResourceManager Strings = new(typeof(AssessResultText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static HtmlString StoppedEarlyHtml => new(Get());

    public static string SeePlan => Get();

    public static string DoNowHeading => Get();

    public static string CallNumber(string number) => Format(nameof(CallNumber), number);

    public static HtmlString ChooseCountryHtml => new(Get());

    public static string SignsHeading => Get();

    public static string SignsHint => Get();

    public static HtmlString SignToldHtml(string sign) => FormatHtml(nameof(SignToldHtml), sign);

    public static string NotAskedHeading => Get();

    public static string NotAskedIntro => Get();

    public static HtmlString AnswerAgainHtml => new(Get());

    public static string SelfCareHeading => Get();

    public static string WithheldHeading => Get();

    public static string FollowUpHeading => Get();

    public static string ReviewOn(string date) => Format(nameof(ReviewOn), date);

    public static string ActSooner => Get();

    public static string WhyHeading => Get();

    public static string MeaningHeading => Get();

    public static string MeaningIntro => Get();

    public static string CausesHeading => Get();

    public static string CoachingWithheld => Get();

    public static string CausesLater => Get();

    public static string PlanHeading => Get();

    public static string DownloadReport => Get();

    public static string StartAgain => Get();

    public static string FactorSource(string source) => Format(nameof(FactorSource), source);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AssessResultText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
