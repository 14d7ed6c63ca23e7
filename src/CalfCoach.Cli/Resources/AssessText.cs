using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach assess</c> (the questions are <c>InteractiveText</c>'s and the core's), from
/// <c>AssessText.resx</c>: a translation is an <c>AssessText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class AssessText
{
    private static readonly ResourceManager Strings = new(typeof(AssessText));

    public static string CommandHelp => Get();

    public static string AnswersHelp => Get();

    public static string DbHelp => Get();

    public static string DatabaseCreated(string database, string option) => Format(nameof(DatabaseCreated), database, option);

    public static string CannotReadAnswers(string path, string reason) => Format(nameof(CannotReadAnswers), path, reason);

    public static string StandardInput => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AssessText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
