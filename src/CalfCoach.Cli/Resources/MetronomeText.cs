using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach metronome</c>, from <c>MetronomeText.resx</c>: a translation is a
/// <c>MetronomeText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource
/// files"). The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class MetronomeText
{
    private static readonly ResourceManager Strings = new(typeof(MetronomeText));

    public static string CommandHelp => Get();

    public static string SpmHelp => Get();

    public static string MinutesHelp(double minutes) => Format(nameof(MinutesHelp), minutes);

    public static string AccentHelp => Get();

    public static string OutHelp => Get();

    public static string Wav => Get();

    public static string Opus => Get();

    public static string Wrote(string file, string kind, string megabytes, double stepsPerMinute, string interval, double minutes) => Format(nameof(Wrote), file, kind, megabytes, stepsPerMinute, interval, minutes);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in MetronomeText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
