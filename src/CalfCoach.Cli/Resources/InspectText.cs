using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach inspect</c>, from <c>InspectText.resx</c>: a translation is an
/// <c>InspectText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class InspectText
{
    private static readonly ResourceManager Strings = new(typeof(InspectText));

    public static string CommandHelp => Get();

    public static string FileHelp => Get();

    public static string FileColumn => Get();

    public static string OkColumn => Get();

    public static string FormatColumn => Get();

    public static string SportColumn => Get();

    public static string RecordsColumn => Get();

    public static string StartColumn => Get();

    public static string KilometresColumn => Get();

    public static string CadenceColumn => Get();

    public static string ProblemsColumn => Get();

    public static string Yes => Get();

    public static string No => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in InspectText.resx.");
}
