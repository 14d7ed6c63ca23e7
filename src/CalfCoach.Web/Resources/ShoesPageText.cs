using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the shoes page, from <c>ShoesPageText.resx</c>: a translation is a <c>ShoesPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class ShoesPageText
{
    private static readonly ResourceManager Strings = new(typeof(ShoesPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static HtmlString IntroHtml(string review, string replace) => FormatHtml(nameof(IntroHtml), review, replace);

    public static string Added(string name) => Format(nameof(Added), name);

    public static string Retired(string name) => Format(nameof(Retired), name);

    public static string NoShoes => Get();

    public static string TableLabel => Get();

    public static string ColumnShoe => Get();

    public static string ColumnSince => Get();

    public static string ColumnDistance => Get();

    public static string ColumnDays => Get();

    public static string ColumnCondition => Get();

    public static string ColumnActions => Get();

    public static string RetiredOn(string date) => Format(nameof(RetiredOn), date);

    public static string RetireButton => Get();

    public static string RetireLabel(string name) => Format(nameof(RetireLabel), name);

    public static string AddHeading => Get();

    public static string NameLabel => Get();

    public static string SinceLabel => Get();

    public static string StartLabel => Get();

    public static string AddButton => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ShoesPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>A text with markup of our own and placeholders whose values are encoded.</summary>
    private static HtmlString FormatHtml(string key, params object[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, Get(key), [.. values.Select(v => HtmlEncoder.Default.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty))]));
}
