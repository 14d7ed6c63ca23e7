using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Text from the core for a page, with each ISO date kept on one line: browsers may break "2026-11-28" after a hyphen,
/// so a narrow column showed "2026-" above "11-28" (issue 11). The text is encoded first; dates hold no markup.
/// </summary>
public static partial class NoBreakDates
{
    public static IHtmlContent Text(string? text) =>
        new HtmlString(IsoDate().Replace(HtmlEncoder.Default.Encode(text ?? string.Empty), "<span class=\"date\">$0</span>"));

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
