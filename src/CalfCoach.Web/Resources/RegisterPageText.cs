using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the page where an athlete creates their own account (the reasons an input is refused are the core's), from <c>RegisterPageText.resx</c>: a translation is a <c>RegisterPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class RegisterPageText
{
    private static readonly ResourceManager Strings = new(typeof(RegisterPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string EmailLabel => Get();

    public static string PasswordLabel => Get();

    public static string CreateButton => Get();

    public static string Throttled(string wait) => Format(nameof(Throttled), wait);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in RegisterPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
