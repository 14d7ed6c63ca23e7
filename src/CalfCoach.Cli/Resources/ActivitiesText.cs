using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach activities</c>, from <c>ActivitiesText.resx</c>: a translation is an
/// <c>ActivitiesText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource
/// files"). The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class ActivitiesText
{
    private static readonly ResourceManager Strings = new(typeof(ActivitiesText));

    public static string CommandHelp => Get();

    public static string SportHelp => Get();

    public static string Title(int count) => Format(nameof(Title), count);

    public static string DateColumn => Get();

    public static string SportColumn => Get();

    public static string NameColumn => Get();

    public static string MinutesColumn => Get();

    public static string HeartRateColumn => Get();

    public static string CadenceColumn => Get();

    public static string ShoeColumn => Get();

    public static string SourceColumn => Get();

    public static string Partial(string file) => Format(nameof(Partial), file);

    public static string NotCounted => Get();

    public static string NotCountedBecause(string date, string sport, string file, string reason) => Format(nameof(NotCountedBecause), date, sport, file, reason);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ActivitiesText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
