using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the sign-in page (the reasons a sign-in fails are the API's problem texts), from <c>SignInPageText.resx</c>: a translation is a <c>SignInPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class SignInPageText
{
    private static readonly ResourceManager Strings = new(typeof(SignInPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Deleted => Get();

    public static string Changed => Get();

    public static HtmlString SignedInAsHtml(string email) => FormatHtml(nameof(SignedInAsHtml), email);

    public static string EmailLabel => Get();

    public static string PasswordLabel => Get();

    public static string SignInButton => Get();

    public static HtmlString NoAccountHtml => new(Get());

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in SignInPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
