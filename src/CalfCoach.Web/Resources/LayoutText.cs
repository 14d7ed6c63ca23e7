using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// The words around every page: the header menu, the notice and the footer, from <c>LayoutText.resx</c>: a translation is a <c>LayoutText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class LayoutText
{
    private static readonly ResourceManager Strings = new(typeof(LayoutText));

    public static string WindowTitle(string page) => Format(nameof(WindowTitle), page);

    public static string SkipLink => Get();

    public static string MenuLabel => Get();

    public static string MenuButton => Get();

    public static string NavToday => Get();

    public static string NavAssess => Get();

    public static string NavPlan => Get();

    public static string NavImport => Get();

    public static string NavMetronome => Get();

    public static string NavShoes => Get();

    public static string NavProfile => Get();

    public static string NavReport => Get();

    public static string NavRunners => Get();

    public static string NavEvidence => Get();

    public static string NavAccount => Get();

    public static string NoticeLabel => Get();

    public static HtmlString NoticeSummaryHtml => new(Get());

    public static HtmlString FooterDataHtml => new(Get());

    public static HtmlString FooterServerDataHtml => new(Get());

    public static string FooterEvidence => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in LayoutText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
