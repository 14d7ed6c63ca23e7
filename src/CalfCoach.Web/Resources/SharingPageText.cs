using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of a runner's sharing page: who they share with, and who looked, from <c>SharingPageText.resx</c>: a translation is a <c>SharingPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class SharingPageText
{
    private static readonly ResourceManager Strings = new(typeof(SharingPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string EmailLabel => Get();

    public static string AccessLegend => Get();

    public static string AccessReadLabel => Get();

    public static string AccessReviewLabel => Get();

    public static string ShareButton => Get();

    public static string NowHeading => Get();

    public static string NoShares => Get();

    public static HtmlString SharesWithHtml(string email, string access) => FormatHtml(nameof(SharesWithHtml), email, access);

    public static string Shared(string email, string access) => Format(nameof(Shared), email, access);

    public static string AccessRead => Get();

    public static string AccessReview => Get();

    public static string Since(string date) => Format(nameof(Since), date);

    public static string StopButton => Get();

    public static string StopLabel(string email) => Format(nameof(StopLabel), email);

    public static string Stopped(string email) => Format(nameof(Stopped), email);

    public static string AuditHeading => Get();

    public static string NoAudit => Get();

    public static string AuditEntry(string email, string role, string action) => Format(nameof(AuditEntry), email, role, action);

    public static string AuditEarlier(int more) => Format(nameof(AuditEarlier), more);

    public static string AuditRecordedVisit => Get();

    public static string AuditSawInList => Get();

    public static string AuditReadPlan => Get();

    public static string AuditReadFindings => Get();

    public static string AuditReadWeeks => Get();

    public static string AuditReadAnswers => Get();

    public static string AuditReadReport => Get();

    public static string AuditReadData => Get();

    public static string RoleClinician => Get();

    public static string RoleAdmin => Get();

    public static string RoleRunner => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in SharingPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
