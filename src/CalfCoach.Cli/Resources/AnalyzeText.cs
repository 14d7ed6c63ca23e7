using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach analyze</c> around the findings (their titles and explanations are the core's), from
/// <c>AnalyzeText.resx</c>: a translation is an <c>AnalyzeText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class AnalyzeText
{
    private static readonly ResourceManager Strings = new(typeof(AnalyzeText));

    public static string CommandHelp => Get();

    public static string OnsetHelp => Get();

    public static string Title => Get();

    public static string Subtitle(string asOf, string onset, string runs) => Format(nameof(Subtitle), asOf, onset, runs);

    public static string Run(int count) => Format(nameof(Run), count);

    public static string Runs(int count) => Format(nameof(Runs), count);

    public static string NoRuns => Get();

    public static string NothingStandsOut => Get();

    public static string FindingsTitle => Get();

    public static string FindingsNote => Get();

    public static string DateRange(string first, string last, int count) => Format(nameof(DateRange), first, last, count);

    public static string Measured => Get();

    public static string WhatToDo => Get();

    public static string ActionWithDetail(string title, string detail) => Format(nameof(ActionWithDetail), title, detail);

    public static string ChartTitle(string unit) => Format(nameof(ChartTitle), unit);

    public static string NotADiagnosis => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AnalyzeText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
