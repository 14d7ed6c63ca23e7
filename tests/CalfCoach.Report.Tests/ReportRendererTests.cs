using System.Text.RegularExpressions;
using CalfCoach.Core.Analysis;
using static CalfCoach.Report.Tests.ReportFixtures;

namespace CalfCoach.Report.Tests;

public sealed partial class ReportRendererTests
{
    private static readonly string DemoReport = ReportRenderer.Render(DemoAnalysis, DemoAssessment, Options);

    [Fact]
    public void The_demo_history_has_findings_of_the_planted_kinds()
    {
        // Guards the other tests: they are only meaningful if the demo produces spikes and cadence.
        var ids = DemoAnalysis.Findings.Select(f => f.Id).ToList();
        Assert.Contains(FindingIds.WeeklyDistanceSpike, ids);
        Assert.Contains(FindingIds.LongRunSpike, ids);
        Assert.Contains(FindingIds.LowCadence, ids);
        Assert.NotNull(DemoAnalysis.Cadence);
    }

    [Fact]
    public void The_report_is_one_html5_document_with_a_language_and_a_not_a_diagnosis_notice()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", DemoReport, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", DemoReport, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", DemoReport, StringComparison.Ordinal);
        Assert.Contains("Not a diagnosis.", DemoReport, StringComparison.Ordinal);
        Assert.Contains("Generated on <time datetime=\"2026-03-19\">2026-03-19</time>", DemoReport, StringComparison.Ordinal);
        Assert.Contains("Demo data: a generated runner", DemoReport, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", DemoReport, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_has_exactly_the_five_chart_figures_each_with_a_page_and_a_phone_drawing_and_a_caption()
    {
        var figures = FigureElement().Matches(DemoReport);

        Assert.Equal(ReportChartIds.All, figures.Select(m => m.Groups["id"].Value));
        Assert.All(figures, m =>
        {
            var body = m.Groups["body"].Value;
            Assert.Equal(2, Regex.Count(body, "<svg\\b"));
            Assert.Contains("class=\"chart-wide\" viewBox=\"0 0 800 400\"", body, StringComparison.Ordinal);
            Assert.Contains("class=\"chart-narrow\" viewBox=\"0 0 340 440\"", body, StringComparison.Ordinal);
            Assert.Contains("<figcaption>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("no-data", body, StringComparison.Ordinal);
        });
        Assert.Equal(10, Regex.Count(DemoReport, "<svg\\b"));
    }

    [Fact]
    public void The_report_requests_nothing_from_outside()
    {
        // The only URLs allowed are XML namespace names, which browsers never fetch.
        var urls = Regex.Matches(DemoReport, "(?<attr>[\\w:-]+)=\"(?<url>(https?:)?//[^\"]*)\"");
        Assert.All(urls, m => Assert.StartsWith("xmlns", m.Groups["attr"].Value, StringComparison.Ordinal));
        var outsideAttributes = Regex.Replace(DemoReport, "xmlns(:\\w+)?=\"[^\"]*\"", string.Empty);
        Assert.DoesNotContain("http://", outsideAttributes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", outsideAttributes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", DemoReport, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", DemoReport, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", DemoReport, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", DemoReport, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", DemoReport, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", DemoReport, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_finding_appears_with_its_title_severity_word_and_dates_and_its_id_only_in_the_row_anchor()
    {
        Assert.All(DemoAnalysis.Findings, f =>
        {
            var row = Regex.Match(DemoReport, $"<tr id=\"finding-{Regex.Escape(f.Id)}\">.*?</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, f.Id);
            Assert.Contains($"<strong>{FindingText.Title(f.Id)}</strong>", row.Value, StringComparison.Ordinal);
            Assert.DoesNotContain($">{f.Id}<", row.Value, StringComparison.Ordinal);
            Assert.All(f.Values.Keys.Where(k => k.Any(char.IsUpper)), k => Assert.DoesNotContain(k, row.Value, StringComparison.Ordinal));
            Assert.Contains($">{f.Severity.WireName()}</span>", row.Value, StringComparison.Ordinal);
            Assert.All(f.Dates, d => Assert.Contains($">{d:yyyy-MM-dd}</time>", row.Value, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Spike_weeks_are_named_in_the_weekly_distance_caption()
    {
        var spike = DemoAnalysis.Findings.First(f => f.Id == FindingIds.WeeklyDistanceSpike).Dates[0];
        var figure = FigureElement().Matches(DemoReport).Single(m => m.Groups["id"].Value == ReportChartIds.WeeklyDistance).Value;

        Assert.Contains($"{spike:yyyy-MM-dd}", figure, StringComparison.Ordinal);
        Assert.Contains("Week with a distance or long-run spike", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workload_ratio_caption_says_the_bands_are_contested()
    {
        var figure = FigureElement().Matches(DemoReport).Single(m => m.Groups["id"].Value == ReportChartIds.WorkloadRatio).Value;
        Assert.Contains("contested", figure.Split("<figcaption>")[1], StringComparison.Ordinal);
        Assert.DoesNotContain("EVIDENCE.md", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_analysis_is_html_encoded()
    {
        var hostile = DemoAnalysis with
        {
            Findings =
            [
                DemoAnalysis.Findings[0] with
                {
                    Explanation = "<script>alert('x')</script> & more",
                    Action = new FindingAction("load-progression", "Keep \"<b>\" runs short"),
                },
            ],
            Shoes = [new ShoeStatus("<img src=x onerror=alert(1)>", 900, 300, Retired: false, FromGearName: true)],
        };

        var html = ReportRenderer.Render(hostile, null, Options with { Title = "A <i>title</i>", DataNote = "note & <b>" });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>title", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("Keep &quot;&lt;b&gt;&quot; runs short", html, StringComparison.Ordinal);
        Assert.Contains("A &lt;i&gt;title&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("note &amp; &lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_plan_shows_the_disposition_word_and_the_plan_items()
    {
        var plan = DemoReport[DemoReport.IndexOf("<section id=\"plan\">", StringComparison.Ordinal)..];

        Assert.Contains(">self-care</p>", plan, StringComparison.Ordinal);
        // Dates in the text are kept on one line by a span around each (a phone broke "2026-11-30" after a hyphen).
        Assert.Matches("<span class=\"date\">\\d{4}-\\d{2}-\\d{2}</span>", plan);
        var words = Regex.Replace(plan, "<span class=\"date\">([^<]*)</span>", "$1");
        Assert.All(DemoAssessment.DoNowText, line => Assert.Contains(System.Net.WebUtility.HtmlEncode(line), words, StringComparison.Ordinal));
        Assert.All(DemoAssessment.SelfCare.Concat(DemoAssessment.Prevention),
            item => Assert.Contains(System.Net.WebUtility.HtmlEncode(item.Title), plan, StringComparison.Ordinal));
        Assert.Contains(">Prevention</h3>", plan, StringComparison.Ordinal);
        Assert.NotEmpty(DemoAssessment.Prevention);
    }

    [Fact]
    public void Without_an_assessment_the_plan_section_says_how_to_get_one()
    {
        var html = ReportRenderer.Render(DemoAnalysis, null, Options);

        Assert.Contains("No assessment yet", html, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(html, "<svg\\b"));
    }

    [Fact]
    public void An_empty_history_shows_a_note_in_place_of_each_time_chart()
    {
        var html = ReportRenderer.Render(EmptyAnalysis, null, Options);
        var figures = FigureElement().Matches(html);

        Assert.Equal(ReportChartIds.All, figures.Select(m => m.Groups["id"].Value));
        foreach (var figure in figures.Where(m => m.Groups["id"].Value != ReportChartIds.ShoeDistance))
        {
            Assert.DoesNotContain("<svg", figure.Value, StringComparison.Ordinal);
            Assert.Contains("<p class=\"no-data\">Not enough data", figure.Value, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing in the recorded training stands out", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_shoes_shows_a_note_in_place_of_the_shoe_chart()
    {
        var html = ReportRenderer.Render(DemoAnalysis with { Shoes = [] }, null, Options);
        var figure = FigureElement().Matches(html).Single(m => m.Groups["id"].Value == ReportChartIds.ShoeDistance).Value;

        Assert.DoesNotContain("<svg", figure, StringComparison.Ordinal);
        Assert.Contains("Not enough data", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_inside_the_charts_are_unique_in_the_page()
    {
        var ids = Regex.Matches(DemoReport, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Regex.Matches(DemoReport, "url\\(#([^)]+)\\)"), m => Assert.Contains(m.Groups[1].Value, ids));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(DemoReport, ReportRenderer.Render(DemoAnalysis, DemoAssessment, Options));
    }

    [GeneratedRegex("<figure id=\"(?<id>[^\"]+)\">(?<body>.*?)</figure>", RegexOptions.Singleline)]
    private static partial Regex FigureElement();
}
