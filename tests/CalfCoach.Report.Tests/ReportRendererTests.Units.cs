using CalfCoach.Core.Analysis;
using static CalfCoach.Report.Tests.ReportFixtures;

namespace CalfCoach.Report.Tests;

public sealed partial class ReportRendererTests
{
    private static readonly string MilesReport = ReportRenderer.Render(DemoAnalysis, DemoAssessment, Options with { Units = DistanceUnit.Miles });

    private static string Figure(string html, string id) =>
        FigureElement().Matches(html).Single(m => m.Groups["id"].Value == id).Value;

    [Fact]
    public void The_weekly_distance_chart_is_in_km_by_default()
    {
        var figure = Figure(DemoReport, ReportChartIds.WeeklyDistance);

        Assert.Contains("Distance (km)", figure, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Kilometres run in each local week", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_miles_the_weekly_distance_chart_axis_and_caption_say_miles()
    {
        var figure = Figure(MilesReport, ReportChartIds.WeeklyDistance);

        Assert.Contains("Distance (mi)", figure, StringComparison.Ordinal);
        Assert.DoesNotContain("Distance (km)", figure, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Miles run in each local week", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_miles_the_shoe_chart_and_its_review_and_replace_lines_are_in_miles()
    {
        var figure = Figure(MilesReport, ReportChartIds.ShoeDistance);

        // 500 km = 310.7 mi, 800 km = 497.1 mi.
        Assert.Contains("Distance (mi)", figure, StringComparison.Ordinal);
        Assert.Contains("Replacement range 311–497 mi", figure, StringComparison.Ordinal);
        Assert.Contains("Review a shoe at about 311 mi and replace it by about 497 mi", figure, StringComparison.Ordinal);
        Assert.DoesNotContain(" km", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_miles_the_summary_gives_distance_and_easy_pace_per_mile()
    {
        var summary = MilesReport[MilesReport.IndexOf("<section id=\"summary\">", StringComparison.Ordinal)..MilesReport.IndexOf("<section id=\"findings\">", StringComparison.Ordinal)];

        Assert.Contains(" mi</dd>", summary, StringComparison.Ordinal);
        Assert.Contains(" per mi", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" km", summary, StringComparison.Ordinal);
    }
}
