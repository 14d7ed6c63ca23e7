using System.Globalization;
using System.Text;
using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Report;

/// <summary>
/// Renders the training report of issue 4 §5: one self-contained HTML5 document (inline CSS, charts as inline SVG,
/// no scripts and no external requests), readable on a phone and on paper.
/// </summary>
public static partial class ReportRenderer
{
    /// <summary>The HTML document for <paramref name="analysis"/>, with the current plan when <paramref name="assessment"/> is given.</summary>
    /// <remarks>Pure: the same arguments give the same text. Every piece of text is HTML-encoded.</remarks>
    public static string Render(AnalysisResult analysis, AssessmentResult? assessment, ReportOptions options) =>
        Render(analysis, assessment, options, programme: null);

    /// <summary>As <see cref="Render(AnalysisResult, AssessmentResult?, ReportOptions)"/>, with the recorded recovery programme when there is one.</summary>
    /// <param name="programme">The programme on the report's date: its phase, today's tasks and the one next review date.</param>
    public static string Render(AnalysisResult analysis, AssessmentResult? assessment, ReportOptions options, ReportProgramme? programme)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(options);

        var html = new StringBuilder(256 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Plain(options.Language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // Belt and braces: even if a future change let a URL slip in, the browser would not fetch it.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(Plain(options.Title)).Append(" – ").Append(IsoDate.ToText(analysis.AsOf)).Append("</title>\n")
            .Append("<style>").Append(Stylesheet).Append("</style>\n")
            .Append("</head>\n<body>\n");

        Header(html, analysis, options);
        html.Append("<main>\n");
        Summary(html, analysis, options);
        Findings(html, analysis, assessment, options);
        Charts(html, analysis, options);
        Programme(html, programme);
        Plan(html, assessment, programme is not null);
        html.Append("</main>\n<footer><p>").Append(Encode(AssessmentResult.Notice)).Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The report's charts on their own (weekly distance with spikes, workload ratio with its bands, cadence over time and
    /// against speed, shoe distance), for pages that show them beside other content. The same figures as in <see cref="Render(AnalysisResult, AssessmentResult?, ReportOptions, ReportProgramme?)"/>.
    /// </summary>
    /// <param name="ids">Which charts (<see cref="ReportChartIds"/>); all of them when null.</param>
    public static IReadOnlyList<ChartFigure> Charts(AnalysisResult analysis, ReportOptions options, IReadOnlyCollection<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(options);
        return ReportCharts.Only(analysis, options, ids ?? ReportChartIds.All);
    }

    private static void Header(StringBuilder html, AnalysisResult analysis, ReportOptions options)
    {
        html.Append("<header>\n<h1>").Append(Encode(options.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\">Generated on <time datetime=\"").Append(IsoDate.ToText(options.GeneratedOn)).Append("\">")
            .Append(IsoDate.ToText(options.GeneratedOn)).Append("</time> from the runs recorded up to ")
            .Append("<time datetime=\"").Append(IsoDate.ToText(analysis.AsOf)).Append("\">").Append(IsoDate.ToText(analysis.AsOf)).Append("</time>.</p>\n");
        if (!string.IsNullOrWhiteSpace(options.DataNote))
        {
            html.Append("<p class=\"data-note\">").Append(Encode(options.DataNote)).Append("</p>\n");
        }

        html.Append("<aside class=\"notice\" role=\"note\"><p><strong>Not a diagnosis.</strong> ")
            .Append(Encode(AssessmentResult.Notice)).Append("</p>")
            .Append("<p>The findings below show what happened in your training before the pain began. They are possible contributors, not proof of a cause.</p></aside>\n")
            .Append("</header>\n");
    }

    private static void Summary(StringBuilder html, AnalysisResult analysis, ReportOptions options)
    {
        var runsToOnset = analysis.Runs.Count(r => r.Date <= analysis.Onset);
        var lastThreeWeeks = analysis.Runs.Where(r => r.Date <= analysis.Onset && r.Date > analysis.Onset.AddDays(-options.Settings.OnsetWindowDays)).ToList();
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: analysis.Findings.Count(f => f.Severity == s)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.s.WireName()}");

        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n");
        Term(html, "Data up to (as of)", IsoDate.ToText(analysis.AsOf));
        Term(html, "Pain began (onset)", IsoDate.ToText(analysis.Onset));
        Term(html, "Runs analysed", analysis.Runs.Count == 0
            ? "none"
            : $"{analysis.Runs.Count} ({runsToOnset} up to the onset), from {IsoDate.ToText(analysis.Runs[0].Date)}");
        Term(html, $"Last {options.Settings.OnsetWindowDays / 7} weeks before the onset",
            $"{FindingText.Count(lastThreeWeeks.Count, "run", "runs")}, {DistanceText.Distance(lastThreeWeeks.Sum(r => r.DistanceKilometers), options.Units)}");
        if (analysis.EasySpeedMetersPerSecond is { } easy)
        {
            Term(html, "Easy pace", ReportCharts.Pace(easy, options.Units));
        }

        if (analysis.Cadence is { } cadence)
        {
            Term(html, "Cadence at easy pace", $"{Number(cadence.CadenceAtEasySpeed, "0")} steps per minute (± {Number(cadence.StandardErrorStepsPerMinute, "0.0")})");
        }

        Term(html, "Findings", analysis.Findings.Count == 0 ? "none" : $"{analysis.Findings.Count}: {string.Join(", ", bySeverity)}");
        Term(html, "Charts show", options.ChartWeeks is { } weeks
            ? $"the {weeks} weeks up to {IsoDate.ToText(analysis.AsOf)} (from {IsoDate.ToText(ReportCharts.ChartStart(analysis, options))})"
            : "the whole history");
        html.Append("</dl>\n</section>\n");
    }

    private static void Findings(StringBuilder html, AnalysisResult analysis, AssessmentResult? assessment, ReportOptions options)
    {
        html.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (analysis.Findings.Count == 0)
        {
            html.Append("<p>Nothing in the recorded training stands out as a likely contributor to calf pain.</p>\n</section>\n");
            return;
        }

        html.Append("<p>Most relevant to the onset first. Severity weighs the size of the change, the strength of the evidence behind it, and how close it came to the onset.</p>\n")
            .Append("<table class=\"findings\">\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Finding</th><th scope=\"col\">Dates</th>")
            .Append("<th scope=\"col\">What was seen</th><th scope=\"col\">What to do</th></tr></thead>\n<tbody>\n");
        foreach (var finding in analysis.Findings)
        {
            var severity = finding.Severity.WireName();
            html.Append("<tr id=\"finding-").Append(Plain(finding.Id)).Append("\">")
                .Append("<td data-label=\"Severity\"><span class=\"severity severity-").Append(severity).Append("\">").Append(severity).Append("</span></td>")
                .Append("<td data-label=\"Finding\" class=\"finding-title\"><strong>").Append(Encode(FindingText.Title(finding.Id))).Append("</strong>")
                .Append("<p class=\"why\">").Append(Encode(FindingText.Why(finding.Id))).Append("</p></td>")
                .Append("<td data-label=\"Dates\">");
            AppendDates(html, finding.Dates);
            html.Append("</td><td data-label=\"What was seen\"><p>").Append(Encode(finding.Explanation)).Append("</p>");
            if (FindingText.Measured(finding, options.Units) is { Length: > 0 } measured)
            {
                html.Append("<p class=\"values\">Measured: ").Append(Encode(measured)).Append("</p>");
            }

            var planItem = assessment?.Prevention.FirstOrDefault(p => p.Id == finding.Action.PlanItemId);
            html.Append("</td><td data-label=\"What to do\"><p><strong>").Append(Encode(planItem?.Title ?? FindingText.ActionTitle(finding.Action))).Append("</strong></p>");
            if (!string.IsNullOrWhiteSpace(finding.Action.Detail))
            {
                html.Append("<p>").Append(Encode(finding.Action.Detail)).Append("</p>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendDates(StringBuilder html, IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            html.Append('–');
            return;
        }

        // A long list (every run in the cadence window) is summarised; the full list stays one click away.
        if (dates.Count > LongDateList)
        {
            html.Append(dates.Count).Append(" dates from ").Append(IsoDate.ToText(dates[0])).Append(" to ").Append(IsoDate.ToText(dates[^1]))
                .Append("<details><summary>All dates</summary>");
        }

        for (var i = 0; i < dates.Count; i++)
        {
            html.Append(i == 0 ? string.Empty : ", ").Append("<time datetime=\"").Append(IsoDate.ToText(dates[i])).Append("\">").Append(IsoDate.ToText(dates[i])).Append("</time>");
        }

        if (dates.Count > LongDateList)
        {
            html.Append("</details>");
        }
    }

    private const int LongDateList = 6;

    private static void Charts(StringBuilder html, AnalysisResult analysis, ReportOptions options)
    {
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        foreach (var chart in ReportCharts.All(analysis, options))
        {
            html.Append("<figure id=\"").Append(chart.Id).Append("\">\n");
            if (chart.Svg is { } svg)
            {
                html.Append(svg).Append('\n');
            }
            else
            {
                html.Append("<p class=\"no-data\">").Append(Encode(chart.EmptyNote)).Append("</p>\n");
            }

            html.Append("<figcaption>").Append(Encode(chart.Caption)).Append("</figcaption>\n</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Programme(StringBuilder html, ReportProgramme? programme)
    {
        if (programme is null)
        {
            return;
        }

        var state = programme.State;
        html.Append("<section id=\"programme\">\n<h2>Your recovery programme</h2>\n<dl>\n");
        Term(html, "Phase", $"{Capital(state.Phase.Title())}, since {IsoDate.ToText(state.PhaseSince)}");
        Term(html, "Started", IsoDate.ToText(programme.StartedOn));
        html.Append("<dt>Next review</dt><dd id=\"next-review\"><time datetime=\"").Append(IsoDate.ToText(state.NextReview)).Append("\">")
            .Append(IsoDate.ToText(state.NextReview)).Append("</time></dd>\n");
        if (state.CadenceTargetSpm is { } spm)
        {
            html.Append("<dt>Cadence to aim for at easy pace</dt><dd id=\"cadence-target\">").Append(spm.ToString(CultureInfo.InvariantCulture))
                .Append(" steps per minute</dd>\n");
        }

        html.Append("</dl>\n<h3>Today, ").Append(IsoDate.ToText(state.AsOf)).Append("</h3>\n<ol class=\"plan-items\">\n");
        foreach (var task in state.Today)
        {
            html.Append("<li><p><strong>").Append(Encode(task.Title)).Append("</strong></p><p>").Append(Encode(task.Details)).Append("</p></li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <param name="hasProgramme">With a recorded programme its next review is the one review date, so the assessment's is not repeated.</param>
    private static void Plan(StringBuilder html, AssessmentResult? assessment, bool hasProgramme)
    {
        html.Append("<section id=\"plan\">\n<h2>Current plan</h2>\n");
        if (assessment is null)
        {
            html.Append("<p>No assessment yet. Take the calf check to get a plan; the findings above will shape it.</p>\n</section>\n");
            return;
        }

        var disposition = assessment.Disposition;
        html.Append("<div class=\"disposition disposition-").Append(disposition.WireName()).Append("\"><p class=\"disposition-word\">")
            .Append(Encode(disposition.WireName())).Append("</p><p class=\"disposition-headline\">").Append(Encode(disposition.Headline()))
            .Append("</p><p>Assessed on <time datetime=\"").Append(IsoDate.ToText(assessment.AsOf)).Append("\">").Append(IsoDate.ToText(assessment.AsOf)).Append("</time>.</p></div>\n");

        List(html, "Do now", assessment.DoNowText);
        if (assessment.RedFlags.Count > 0)
        {
            List(html, "Warning signs in your answers", assessment.RedFlags.Select(f => $"{f.Because} ({f.Disposition.WireName()})"));
        }

        if (disposition.ForbidsCoaching())
        {
            html.Append("<p>Self-care and training advice are left out until a clinician has seen you.</p>\n");
        }

        Items(html, "Self-care", assessment.SelfCare);
        if (assessment.Withheld.Count > 0)
        {
            List(html, "Left out for now", assessment.Withheld.Select(w => w.Reason));
        }

        Items(html, "Prevention", assessment.Prevention);
        html.Append("<h3>Follow-up</h3>\n");
        if (!hasProgramme)
        {
            html.Append("<p>Review on <time datetime=\"").Append(IsoDate.ToText(assessment.FollowUp.ReviewOn)).Append("\">")
                .Append(IsoDate.ToText(assessment.FollowUp.ReviewOn)).Append("</time>.</p>\n");
        }

        List(html, "Act before then if", assessment.FollowUp.Triggers.Select(t => $"{t.When}: {t.Then}"));
        html.Append("</section>\n");
    }

    private static void Items(StringBuilder html, string heading, IReadOnlyList<PlanItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(Encode(heading)).Append("</h3>\n<ol class=\"plan-items\">\n");
        foreach (var item in items)
        {
            html.Append("<li><p><strong>").Append(Encode(item.Title)).Append("</strong> <span class=\"when\">(").Append(Encode(item.When)).Append(")</span></p><p>")
                .Append(Encode(item.Details)).Append("</p></li>\n");
        }

        html.Append("</ol>\n");
    }

    private static void List(StringBuilder html, string heading, IEnumerable<string> lines)
    {
        html.Append("<h3>").Append(Encode(heading)).Append("</h3>\n<ul>\n");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Term(StringBuilder html, string term, string definition) =>
        html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(definition)).Append("</dd>\n");

    /// <summary>Encoded text with each ISO date kept on one line (browsers may break "2026-11-28" after a hyphen).</summary>
    private static string Encode(string? text) =>
        IsoDateText().Replace(System.Net.WebUtility.HtmlEncode(text ?? string.Empty), "<span class=\"date\">$0</span>");

    /// <summary>Encoded only: for attributes and the title, where markup is not allowed.</summary>
    private static string Plain(string? text) => System.Net.WebUtility.HtmlEncode(text ?? string.Empty);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial System.Text.RegularExpressions.Regex IsoDateText();

    private static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
