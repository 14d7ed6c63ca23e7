using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach demo</c> (the analysis, the result and the programme are shown as by their own commands),
/// from <c>DemoText.resx</c>: a translation is a <c>DemoText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class DemoText
{
    private static readonly ResourceManager Strings = new(typeof(DemoText));

    public static string CommandHelp => Get();

    public static string Title => Get();

    public static string TitleNote => Get();

    public static string Story => Get();

    public static string Imported(int files) => Format(nameof(Imported), files);

    public static string WhatIfTitle => Get();

    public static string SignColumn => Get();

    public static string DispositionColumn => Get();

    public static string ProgrammeTitle => Get();

    public static string ProgrammeNote => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in DemoText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
