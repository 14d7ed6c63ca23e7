using CalfCoach.Core.Analysis;
using CalfCoach.Import.History;
using CalfCoach.Report;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>The dashboard: the report's charts and findings for the stored history, with the latest runs and the shoes.</summary>
public sealed class IndexModel(RunnerData data) : PageModel
{
    /// <summary>The report's charts the dashboard shows (the cadence-against-speed chart stays in the report).</summary>
    private static readonly string[] DashboardCharts =
        [ReportChartIds.WeeklyDistance, ReportChartIds.WorkloadRatio, ReportChartIds.CadenceOverTime, ReportChartIds.ShoeDistance];

    public AnalysisResult Analysis { get; private set; } = null!;

    public AthleteProfile Profile { get; private set; } = AthleteProfile.Default;

    public IReadOnlyList<ChartFigure> Charts { get; private set; } = [];

    public IReadOnlyList<ShoeRow> Shoes { get; private set; } = [];

    public DayLoad? Today { get; private set; }

    public void OnGet()
    {
        Profile = data.History.LoadProfile();
        Analysis = data.Analyze();
        Today = Analysis.Days.LastOrDefault(d => d.Date <= Analysis.AsOf);
        Shoes = data.History.ShoeRows(Analysis);
        if (Analysis.Runs.Count > 0)
        {
            var options = data.ReportOptions(Profile);
            Charts = data.Charts(Analysis, options, DashboardCharts);
        }
    }

    public string Distance(double kilometers) => DistanceText.Distance(kilometers, Profile.Units);
}
