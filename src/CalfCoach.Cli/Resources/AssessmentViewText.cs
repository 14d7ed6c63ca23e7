using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words around an assessment's result in the terminal (the advice itself is the core's), from
/// <c>AssessmentViewText.resx</c>: a translation is an <c>AssessmentViewText.{culture}.resx</c> beside it, with no code
/// change (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding
/// Spectre markup around them. A key ending in <c>Markup</c> holds Spectre markup of our own (a style inside a
/// sentence).
/// </summary>
public static class AssessmentViewText
{
    private static readonly ResourceManager Strings = new(typeof(AssessmentViewText));

    public static string AssessmentFor(string date) => Format(nameof(AssessmentFor), date);

    public static string StoppedEarlyLabel => Get();

    public static string StoppedEarly => Get();

    public static string WarningSignsTitle => Get();

    public static string LevelColumn => Get();

    public static string WhyItMattersColumn => Get();

    public static string ConcernsMarkup => Get();

    public static string CausesTitle => Get();

    public static string CauseColumn => Get();

    public static string EvidenceColumn => Get();

    public static string SelfCareTitle => Get();

    public static string LeftOutLabel => Get();

    public static string PreventionTitle => Get();

    public static string ReviewOn(string date) => Format(nameof(ReviewOn), date);

    public static string ActSoonerIf => Get();

    public static string NotADiagnosisTitle => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AssessmentViewText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
