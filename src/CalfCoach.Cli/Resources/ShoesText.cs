using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach shoes</c>, from <c>ShoesText.resx</c>: a translation is a <c>ShoesText.{culture}.resx</c>
/// beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers
/// escape them before adding Spectre markup around them.
/// </summary>
public static class ShoesText
{
    private static readonly ResourceManager Strings = new(typeof(ShoesText));

    public static string CommandHelp => Get();

    public static string AddHelp => Get();

    public static string NameHelp => Get();

    public static string SinceHelp => Get();

    public static string StartKmHelp => Get();

    public static string Added(string shoe) => Format(nameof(Added), shoe);

    public static string ListHelp => Get();

    public static string Title => Get();

    public static string Limits(string review, string replace) => Format(nameof(Limits), review, replace);

    public static string ShoeColumn => Get();

    public static string SinceColumn => Get();

    public static string DaysColumn => Get();

    public static string StatusColumn => Get();

    public static string Retired(string date) => Format(nameof(Retired), date);

    public static string Replace => Get();

    public static string Review => Get();

    public static string Ok => Get();

    public static string AssignHelp => Get();

    public static string ActivityHelp => Get();

    public static string ShoeNameHelp => Get();

    public static string NoActivityOrShoe(long activity, string shoe) => Format(nameof(NoActivityOrShoe), activity, shoe);

    public static string Assigned(long activity, string shoe) => Format(nameof(Assigned), activity, shoe);

    public static string RetireHelp => Get();

    public static string OnHelp => Get();

    public static string NoShoe(string shoe) => Format(nameof(NoShoe), shoe);

    public static string RetiredShoe(string shoe) => Format(nameof(RetiredShoe), shoe);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ShoesText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
