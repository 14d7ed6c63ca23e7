using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the assessment's question screens (the signs, their follow-ups and the background choices come from the
/// core's <c>Questionnaire</c>), from <c>AssessPageText.resx</c>: a translation is a <c>AssessPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The result's words are in <see cref="AssessResultText"/>.
/// </summary>
public static class AssessPageText
{
    private static readonly ResourceManager Strings = new(typeof(AssessPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string StepOf(int step, int count) => Format(nameof(StepOf), step, count);

    public static string Intro => Get();

    public static string MissingFollowUpsHeading => Get();

    public static string FollowUpMissing(string question) => Format(nameof(FollowUpMissing), question);

    public static string EmergencyHeading => Get();

    public static string EmergencyButton => Get();

    public static string SignsHint => Get();

    public static string NoneOfThese => Get();

    public static string NextButton => Get();

    public static string BackButton => Get();

    public static string DetailsErrorsHeading => Get();

    public static string StartedHeading => Get();

    public static string DaysSinceOnsetLabel => Get();

    public static string DaysOfHomeCareLabel => Get();

    public static string PainHeading => Get();

    public static string PainScoreLegend => Get();

    public static string PainScaleLow => Get();

    public static string PainScaleHigh => Get();

    public static string PainUnscored => Get();

    public static string SideLegend => Get();

    public static string SideLeft => Get();

    public static string SideRight => Get();

    public static string SideBoth => Get();

    public static string SideUnsaid => Get();

    public static string PainLocationLegend => Get();

    public static string OnsetLegend => Get();

    public static string OnsetSudden => Get();

    public static string OnsetGradual => Get();

    public static string OnsetUnsure => Get();

    public static string AfterInjuryLegend => Get();

    public static string CrampDuringRunLegend => Get();

    public static string DiabetesOrImmunosuppressedLegend => Get();

    public static string AnswerYes => Get();

    public static string AnswerNo => Get();

    public static string AnswerNotSure => Get();

    public static string AboutYouHeading => Get();

    public static string AboutYouHint => Get();

    public static string MedicinesHeading => Get();

    public static string MedicinesHint => Get();

    public static string TrainingHeading => Get();

    public static string TrainingHint => Get();

    public static string SeeResultButton => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AssessPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
