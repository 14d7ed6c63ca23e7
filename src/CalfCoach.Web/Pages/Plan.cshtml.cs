using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>The recovery programme: today's tasks, the week, and the pain and exercise check-ins that move it on (through <see cref="PlanApi"/>).</summary>
public sealed class PlanModel(RunnerData data) : PageModel
{
    public ProgrammeView? Programme { get; private set; }

    public string? Saved { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Exercise names the programme reads, offered first in the log form.</summary>
    public IReadOnlyList<(string Id, string Title)> ExerciseChoices { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPostPain(int? score, string? when, string? note)
    {
        if (score is null)
        {
            Error = "Give a pain score from 0 to 10.";
        }
        else
        {
            var (_, problem) = PlanApi.LogPain(data, new PainCheckInRequest(score.Value, when == "rest", when == "morning", note));
            Error = problem?.ProblemDetails.Detail;
            Saved = problem is null ? $"Logged pain {score}/10." : null;
        }

        Load();
        return Page();
    }

    public IActionResult OnPostExercise(string? name, int? sets, int? reps, double? loadKg, int? pain)
    {
        var (_, problem) = PlanApi.LogExercise(data, new ExerciseCheckInRequest(name ?? string.Empty, sets ?? 0, reps ?? 0, loadKg, pain));
        Error = problem?.ProblemDetails.Detail;
        Saved = problem is null ? $"Logged {name}: {sets} × {reps}." : null;
        Load();
        return Page();
    }

    public static string PhaseWords(Phase phase) => phase.WireName().Replace('-', ' ');

    private void Load()
    {
        Programme = data.Journal.Programme(data.Today);
        var fromToday = Programme?.State.Today.Select(t => (t.Id, t.Title)) ?? [];
        ExerciseChoices = [.. fromToday
            .Concat([
                (ExerciseNames.HeelDropsPrefix + "-straight-knee", "Heel drops, straight knee"),
                (ExerciseNames.HeelDropsPrefix + "-bent-knee", "Heel drops, bent knee"),
                (ExerciseNames.SingleLegHeelRaise, "Single-leg heel raises (test: reps = how many)"),
                (ExerciseNames.WalkRun, "Walk–run (sets = repeats)"),
            ])
            .DistinctBy(c => c.Item1)];
    }
}
