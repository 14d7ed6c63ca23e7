using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words every command shares: the root command's description, the shared options' help, and the errors the command
/// line itself writes, from <c>CommonText.resx</c>: a translation is a <c>CommonText.{culture}.resx</c> beside it, with
/// no code change (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before
/// adding Spectre markup around them.
/// </summary>
public static class CommonText
{
    private static readonly ResourceManager Strings = new(typeof(CommonText));

    public static string RootHelp => Get();

    public static string Error(string message) => Format(nameof(Error), message);

    public static string SeeHelp => Get();

    public static string Cancelled => Get();

    public static string UnexpectedFailure(string type, string message) => Format(nameof(UnexpectedFailure), type, message);

    public static string AsOfHelp => Get();

    public static string GiveADate => Get();

    public static string DbHelp => Get();

    public static string JsonHelp => Get();

    public static string OnsetAfterAsOf(string onset, string asOf) => Format(nameof(OnsetAfterAsOf), onset, asOf);

    public static string NoSuchFolder(string folder) => Format(nameof(NoSuchFolder), folder);

    public static string CannotOpenDatabase(string database, string reason) => Format(nameof(CannotOpenDatabase), database, reason);

    public static string CannotUseServer(string database, string reason) => Format(nameof(CannotUseServer), database, reason);

    public static string CannotWrite(string path, string reason) => Format(nameof(CannotWrite), path, reason);

    public static string NotANumber(string option, string text) => Format(nameof(NotANumber), option, text);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in CommonText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
