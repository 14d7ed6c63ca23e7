using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CalfCoach.Core;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Dates on a page: in the runner's culture (<see cref="ReadableDate"/>, the request's culture from
/// <see cref="RunnerCulture"/>), inside <c>&lt;time datetime="YYYY-MM-DD"&gt;</c> for machines, and kept on one line:
/// browsers may break a date after a hyphen or slash, so a narrow column showed "2026-" above "11-28" (issue 11).
/// </summary>
public static partial class NoBreakDates
{
    /// <summary>One date, e.g. <c>&lt;time datetime="2026-12-05" class="date"&gt;05.12.2026&lt;/time&gt;</c> for a German runner.</summary>
    public static IHtmlContent Date(DateOnly date) => new HtmlString(Markup(date));

    /// <summary>
    /// Text from the core for a page, encoded, with each ISO date in it (the core writes dates in its text as YYYY-MM-DD,
    /// the same in the API) shown as <see cref="Date"/> shows it.
    /// </summary>
    public static IHtmlContent Text(string? text) =>
        new HtmlString(IsoDatePattern().Replace(HtmlEncoder.Default.Encode(text ?? string.Empty),
            m => IsoDate.TryParse(m.Value, out var date) ? Markup(date) : m.Value));

    private static string Markup(DateOnly date) =>
        $"<time datetime=\"{IsoDate.ToText(date)}\" class=\"date\">{HtmlEncoder.Default.Encode(ReadableDate.Text(date, CultureInfo.CurrentCulture))}</time>";

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDatePattern();
}
