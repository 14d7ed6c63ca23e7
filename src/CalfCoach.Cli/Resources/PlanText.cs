using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach plan</c>'s help, errors and calendar (the programme is <see cref="PlanViewText"/>'s), from
/// <c>PlanText.resx</c>: a translation is a <c>PlanText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class PlanText
{
    private static readonly ResourceManager Strings = new(typeof(PlanText));

    public static string CommandHelp => Get();

    public static string IcsHelp => Get();

    public static string TimeZoneHelp => Get();

    public static string AtHelp => Get();

    public static string BadTime(string text) => Format(nameof(BadTime), text);

    public static string UnknownTimeZone(string zone) => Format(nameof(UnknownTimeZone), zone);

    public static string CalendarWritten(string file, int sessions, string time, string zone, string review) => Format(nameof(CalendarWritten), file, sessions, time, zone, review);

    public static string NoProgramme(string date) => Format(nameof(NoProgramme), date);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in PlanText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
