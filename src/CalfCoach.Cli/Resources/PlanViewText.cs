using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using Spectre.Console;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words around the recovery programme in the terminal (<c>calfcoach plan</c>, and the lines after an assessment or
/// a check-in; the phases, tasks and reasons are the core's), from <c>PlanViewText.resx</c>: a translation is a
/// <c>PlanViewText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// The texts are plain: callers escape them before adding Spectre markup around them. A key ending in <c>Markup</c>
/// holds Spectre markup of our own (a style inside a sentence), and the values put into it are escaped.
/// </summary>
public static class PlanViewText
{
    private static readonly ResourceManager Strings = new(typeof(PlanViewText));

    public static string ProgrammeTitle => Get();

    public static string PhaseLine(string phase, string since, int day, string started, string review) => Format(nameof(PhaseLine), phase, since, day, started, review);

    public static string HeelDrops(string level) => Format(nameof(HeelDrops), level);

    public static string WalkRunStage(int stage, int stages) => Format(nameof(WalkRunStage), stage, stages);

    public static string RunningCap(double kilometres) => Format(nameof(RunningCap), kilometres);

    public static string TodayTitle(string weekday, string date) => Format(nameof(TodayTitle), weekday, date);

    public static string TaskColumn => Get();

    public static string WhatToDoColumn => Get();

    public static string WeekTitle => Get();

    public static string WeekNote => Get();

    public static string DayColumn => Get();

    public static string TasksColumn => Get();

    public static string Why => Get();

    public static string RecordedStarted(string database, string started, string phase) => Format(nameof(RecordedStarted), database, started, phase);

    public static string RecordedUpdated(string database, string started, string phase) => Format(nameof(RecordedUpdated), database, started, phase);

    public static string NextSteps(string plan, string logPain) => Format(nameof(NextSteps), plan, logPain);

    public static string LoggedMarkup(string what) => FormatMarkup(nameof(LoggedMarkup), what);

    public static string AdviceChanged => Get();

    public static string AdviceNowMarkup(string disposition, string headline) => FormatMarkup(nameof(AdviceNowMarkup), disposition, headline);

    public static string NextPhaseLabel => Get();

    public static string NextPhase(string phase, string date) => Format(nameof(NextPhase), phase, date);

    public static string HeelDropsLabel => Get();

    public static string HeelDropsNow(string level) => Format(nameof(HeelDropsNow), level);

    public static string TodayAndReview(string tasks, string review) => Format(nameof(TodayAndReview), tasks, review);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in PlanViewText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text of our own Spectre markup (its key ends in <c>Markup</c>), the values put into it escaped.</summary>
    private static string FormatMarkup(string key, params string[] values) => Format(key, [.. values.Select(Markup.Escape)]);
}
