using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach export</c>, from <c>ExportText.resx</c>: a translation is an
/// <c>ExportText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class ExportText
{
    private static readonly ResourceManager Strings = new(typeof(ExportText));

    public static string CommandHelp => Get();

    public static string OutHelp => Get();

    public static string AsOfHelp => Get();

    public static string Written(string file, int originals, string date, string command) => Format(nameof(Written), file, originals, date, command);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ExportText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
