using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach report</c> in the terminal (the report's own words are the report's), from
/// <c>ReportText.resx</c>: a translation is a <c>ReportText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class ReportText
{
    private static readonly ResourceManager Strings = new(typeof(ReportText));

    public static string CommandHelp => Get();

    public static string OutHelp => Get();

    public static string OnsetHelp => Get();

    public static string AnswersHelp => Get();

    public static string Written(string file, string runs, string findings) => Format(nameof(Written), file, runs, findings);

    public static string Run(int count) => Format(nameof(Run), count);

    public static string Runs(int count) => Format(nameof(Runs), count);

    public static string Finding(int count) => Format(nameof(Finding), count);

    public static string Findings(int count) => Format(nameof(Findings), count);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ReportText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
