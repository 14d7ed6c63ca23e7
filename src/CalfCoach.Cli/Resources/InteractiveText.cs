using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of the questions asked at the terminal: the CLI's own questions, prompts, hints and re-asks (the warning
/// signs' questions and choices are the core's <c>Questionnaire</c>'s), from <c>InteractiveText.resx</c>: a translation
/// is an <c>InteractiveText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource
/// files"). The texts are plain: callers escape them before adding Spectre markup around them. The answers typed (y, n,
/// skip, none, left, sudden …) are read as written, so they stay in the code and the texts only name them.
/// </summary>
public static class InteractiveText
{
    private static readonly ResourceManager Strings = new(typeof(InteractiveText));

    public static string IntroTitle => Get();

    public static string IntroAnswer => Get();

    public static string IntroNotADiagnosis => Get();

    public static string Timing => Get();

    public static string DaysSinceOnset => Get();

    public static string DaysOfHomeCare => Get();

    public static string AboutThePain => Get();

    public static string PainScore => Get();

    public static string PainLocation => Get();

    public static string Side => Get();

    public static string Onset => Get();

    public static string AfterInjury => Get();

    public static string CrampDuringRun => Get();

    public static string AboutYou => Get();

    public static string DiabetesOrImmunosuppressed => Get();

    public static string Medicines => Get();

    public static string DvtRiskFactors => Get();

    public static string RecentTraining => Get();

    public static string RecentChanges => Get();

    public static string YesNoHint => Get();

    public static string OptionalYesNoHint => Get();

    public static string RangeHint(int min, int max) => Format(nameof(RangeHint), min, max);

    public static string OptionalRangeHint(int min, int max) => Format(nameof(OptionalRangeHint), min, max);

    public static string OptionalChoiceHint(string choices) => Format(nameof(OptionalChoiceHint), choices);

    public static string NumberThatFits => Get();

    public static string NumbersThatApply => Get();

    public static string NoneHint => Get();

    public static string TickHint => Get();

    public static string AnswerYesOrNo => Get();

    public static string AnswerYesNoOrSkip => Get();

    public static string WholeNumber(int min, int max) => Format(nameof(WholeNumber), min, max);

    public static string WholeNumberOrSkip(int min, int max) => Format(nameof(WholeNumberOrSkip), min, max);

    public static string AnswerOneOf(string choices) => Format(nameof(AnswerOneOf), choices);

    public static string OneNumber(int count) => Format(nameof(OneNumber), count);

    public static string SomeNumbers(int count) => Format(nameof(SomeNumbers), count);

    public static string InputEnded(string question) => Format(nameof(InputEnded), question);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in InteractiveText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
