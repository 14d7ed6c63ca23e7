using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the home page, "today" (the tasks, findings and criteria come from the core), from <c>TodayPageText.resx</c>: a translation is a <c>TodayPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class TodayPageText
{
    private static readonly ResourceManager Strings = new(typeof(TodayPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string StartHeading => Get();

    public static string StartIntro => Get();

    public static string CheckMyCalf => Get();

    public static string ImportRuns => Get();

    public static string ImportHint => Get();

    public static string TasksHeading => Get();

    public static string TaskDone => Get();

    public static string DoneButton => Get();

    public static string How => Get();

    public static string WholePlanLink => Get();

    public static string PainHeading => Get();

    public static string PainHint => Get();

    public static string PainActive => Get();

    public static string PainMorning => Get();

    public static string PainRestSummary => Get();

    public static string PainRest => Get();

    public static string ScoreLabel(int score) => Format(nameof(ScoreLabel), score);

    public static string ReviewHeading => Get();

    public static string ReviewOn(string date) => Format(nameof(ReviewOn), date);

    public static string RoadmapHeading => Get();

    public static string PhaseSince(string date) => Format(nameof(PhaseSince), date);

    public static string PhaseNotBefore(string date) => Format(nameof(PhaseNotBefore), date);

    public static string PhaseWithClinician => Get();

    public static string PhaseFirstAid => Get();

    public static string PhaseRecovery => Get();

    public static string PhaseStrengthening => Get();

    public static string PhaseReturnToRun => Get();

    public static string PhasePrevention => Get();

    public static string RunningSince(string date) => Format(nameof(RunningSince), date);

    public static string RunningWaits => Get();

    public static string RunningNotBefore(string date) => Format(nameof(RunningNotBefore), date);

    public static string RunningNotBeforeNote => Get();

    public static string RunningBeyondHorizon(int days) => Format(nameof(RunningBeyondHorizon), days);

    public static string StillMissing => Get();

    public static string TrainingHeading => Get();

    public static string SummaryHeading => Get();

    public static string RunsRecorded => Get();

    public static string RunsFromTo(int runs, string first, string last) => Format(nameof(RunsFromTo), runs, first, last);

    public static string ThisWeek(string monday) => Format(nameof(ThisWeek), monday);

    public static string DistanceInRuns(string distance, string runs) => Format(nameof(DistanceInRuns), distance, runs);

    public static string WorkloadRatio => Get();

    public static string RatioValue(string ratio, string meaning) => Format(nameof(RatioValue), ratio, meaning);

    public static string EasyCadence => Get();

    public static string StepsPerMinute(string stepsPerMinute) => Format(nameof(StepsPerMinute), stepsPerMinute);

    public static string FindingsHeading => Get();

    public static string NoFindings => Get();

    public static string FindingsIntro(string onset) => Format(nameof(FindingsIntro), onset);

    public static string Why => Get();

    public static string WhyHidden(string topic) => Format(nameof(WhyHidden), topic);

    public static string Measured(string values) => Format(nameof(Measured), values);

    public static string WhatToDo => Get();

    public static string ChartsHeading => Get();

    public static HtmlString ReportLinksHtml => new(Get());

    public static string RunsHeading => Get();

    public static string ColumnDate => Get();

    public static string ColumnDistance => Get();

    public static string ColumnTime => Get();

    public static string ColumnCadence => Get();

    public static string ColumnShoe => Get();

    public static string Minutes(string minutes) => Format(nameof(Minutes), minutes);

    public static string Spm(string stepsPerMinute) => Format(nameof(Spm), stepsPerMinute);

    public static string ShoesHeading => Get();

    public static HtmlString NoShoesHtml => new(Get());

    public static string ManageShoes => Get();

    public static string ScoreMissing => Get();

    public static string DoneTask(string task) => Format(nameof(DoneTask), task);

    public static string LoggedPain(string kind, int score) => Format(nameof(LoggedPain), kind, score);

    public static string PainKindRest => Get();

    public static string PainKindMorning => Get();

    public static string PainKindWalking => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in TodayPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
