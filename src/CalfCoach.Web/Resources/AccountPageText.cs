using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the account page (tokens, password, self-registration, a runner's export and deletion), from <c>AccountPageText.resx</c>: a translation is an <c>AccountPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class AccountPageText
{
    private static readonly ResourceManager Strings = new(typeof(AccountPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static HtmlString SignedInAsHtml(string email, string role) => FormatHtml(nameof(SignedInAsHtml), email, role);

    public static string SharingLink => Get();

    public static string SignOutButton => Get();

    public static string TokensHeading => Get();

    public static HtmlString TokensIntroHtml => new(Get());

    public static string NewToken(string name) => Format(nameof(NewToken), name);

    public static string NoTokens => Get();

    public static string TokensLabel => Get();

    public static string ColumnName => Get();

    public static string ColumnMade => Get();

    public static string ColumnActions => Get();

    public static string RevokeButton => Get();

    public static string RevokeLabel(string name) => Format(nameof(RevokeLabel), name);

    public static string TokenNameLabel => Get();

    public static string MakeTokenButton => Get();

    public static string TokenRevoked => Get();

    public static string PasswordHeading => Get();

    public static string PasswordIntro => Get();

    public static string CurrentPasswordLabel => Get();

    public static string NewPasswordLabel => Get();

    public static string ChangePasswordButton => Get();

    public static string SelfRegistrationHeading => Get();

    public static string SelfRegistrationIsOn => Get();

    public static string SelfRegistrationIsOff => Get();

    public static string SwitchSelfRegistrationOn => Get();

    public static string SwitchSelfRegistrationOff => Get();

    public static string SelfRegistrationSwitchedOn => Get();

    public static string SelfRegistrationSwitchedOff => Get();

    public static string DataHeading => Get();

    public static string DataIntro => Get();

    public static string DownloadLink => Get();

    public static string DeleteHeading => Get();

    public static string DeleteIntro => Get();

    public static string DeletePasswordLabel => Get();

    public static string DeleteButton => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in AccountPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
