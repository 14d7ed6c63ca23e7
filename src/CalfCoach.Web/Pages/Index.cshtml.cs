using CalfCoach.Core.Analysis;
using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using CalfCoach.Report;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Home is "today": with a recorded assessment, the advice, today's tasks to tick off, a one-tap pain score, the next review
/// and the road back to running; without one, the calf check first. The training figures, findings and charts come below.
/// The forms post here and work without scripts; today.js sends the same check-ins to the API instead (<see cref="PlanApi"/>).
/// </summary>
public sealed class IndexModel(RunnerData data) : PageModel
{
    /// <summary>The report's charts the home page shows (the cadence-against-speed chart stays in the report).</summary>
    private static readonly string[] DashboardCharts =
        [ReportChartIds.WeeklyDistance, ReportChartIds.WorkloadRatio, ReportChartIds.CadenceOverTime, ReportChartIds.ShoeDistance];

    public AnalysisResult Analysis { get; private set; } = null!;

    public AthleteProfile Profile { get; private set; } = AthleteProfile.Default;

    public IReadOnlyList<ChartFigure> Charts { get; private set; } = [];

    public IReadOnlyList<ShoeRow> Shoes { get; private set; } = [];

    public DayLoad? Today { get; private set; }

    /// <summary>The recorded programme today; null before the first assessment.</summary>
    public ProgrammeView? Programme { get; private set; }

    public string? Saved { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The first task not yet ticked off today: its button is the page's one primary action.</summary>
    public ProgrammeTask? FirstOpenTask => Programme?.State.Today.FirstOrDefault(t => !Programme.DoneToday.Contains(t.Id));

    /// <summary>The morning score is asked once a day: until one is logged today.</summary>
    public bool MorningLogged => Programme?.PainToday.Any(p => p.Morning) == true;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostDoneAsync(string? task)
    {
        var (_, problem) = PlanApi.CheckOffTask(data, new TaskCheckOffRequest(task ?? string.Empty));
        Error = problem is null ? null : Problems.ForPage(problem);
        await LoadAsync();
        Saved = problem is null && Programme?.State.Today.FirstOrDefault(t => t.Id == task) is { } done ? TodayPageText.DoneTask(done.Title) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPainAsync(int? score, string? when)
    {
        if (score is null)
        {
            Error = TodayPageText.ScoreMissing;
        }
        else
        {
            var (_, problem) = PlanApi.LogPain(data, new PainCheckInRequest(score.Value, when == "rest", when == "morning"));
            Error = problem is null ? null : Problems.ForPage(problem);
            Saved = problem is null ? TodayPageText.LoggedPain(PainWords(when), score.Value) : null;
        }

        await LoadAsync();
        return Page();
    }

    public string Distance(double kilometers) => DistanceText.Distance(kilometers, Profile.Units);

    /// <summary>The kind of pain score in words, as the status line and the scales name it.</summary>
    public static string PainWords(string? when) => when switch
    {
        "rest" => TodayPageText.PainKindRest,
        "morning" => TodayPageText.PainKindMorning,
        _ => TodayPageText.PainKindWalking,
    };

    private async Task LoadAsync()
    {
        // The programme replays from its start day's analysis, which does not wait for today's: after an upload or a
        // profile change both are made again, side by side, while this thread goes on to today's charts.
        var today = data.Today;
        var programme = Task.Run(() => data.Journal.Programme(today));
        Profile = data.History.LoadProfile();
        Analysis = data.Analyze();
        Today = Analysis.Days.LastOrDefault(d => d.Date <= Analysis.AsOf);
        Shoes = data.History.ShoeRows(Analysis);
        if (Analysis.Runs.Count > 0)
        {
            var options = data.ReportOptions(Profile);
            Charts = data.Charts(Analysis, options, DashboardCharts);
        }

        Programme = await programme;
    }
}
