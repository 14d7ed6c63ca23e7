using System.Globalization;
using System.Text.RegularExpressions;

namespace CalfCoach.Report;

/// <summary>
/// Turns a standalone SVG document from ScottPlot into markup that can sit inside HTML next to other charts.
/// </summary>
internal static partial class InlineSvg
{
    /// <param name="idPrefix">Prepended to every id: each chart numbers its clip paths from the same counter, and ids must be unique in the page.</param>
    /// <param name="cssClass">Says which drawing this is (<c>chart-wide</c> or <c>chart-narrow</c>), for the stylesheet to show one.</param>
    public static string Prepare(string svgDocument, int width, int height, string idPrefix, string ariaLabel, string cssClass)
    {
        var svg = svgDocument;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The chart renderer returned no <svg> element.");
        }

        // The XML declaration is not allowed inside HTML.
        svg = svg[start..].Trim();

        // Ids renumbered in order of appearance, so the output does not depend on a library-wide counter.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = IdAttribute().Replace(svg, m =>
        {
            var renamed = $"{idPrefix}-{ids.Count + 1}";
            ids[m.Groups[1].Value] = renamed;
            return $"id=\"{renamed}\"";
        });
        svg = IdReference().Replace(svg, m => ids.TryGetValue(m.Groups[2].Value, out var renamed)
            ? $"{m.Groups[1].Value}#{renamed}{m.Groups[3].Value}"
            : m.Value);

        // Skia writes per-glyph positions with a trailing separator ("1, 2, "), which SVG's number-list grammar rejects.
        svg = TrailingListSeparator().Replace(svg, "\"");

        // Fall back to Arial's metrics, then any sans-serif face, when the measuring face is not installed where the report is read.
        svg = FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, Arial, Helvetica, sans-serif\"");

        // A viewBox lets CSS scale the chart down to a phone's width while keeping its proportions.
        var open = svg.IndexOf('>', StringComparison.Ordinal);
        var attributes = string.Create(CultureInfo.InvariantCulture,
            $" class=\"{cssClass}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(ariaLabel)}\"");
        return svg[..open] + attributes + svg[open..];
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("(url\\(|href=\")#([^)\"]+)(\\)|\")")]
    private static partial Regex IdReference();

    [GeneratedRegex("(?<=\\s[xy]=\"[^\"]*),\\s*\"")]
    private static partial Regex TrailingListSeparator();

    [GeneratedRegex("font-family=\"([^\"]+)\"")]
    private static partial Regex FontFamily();
}
