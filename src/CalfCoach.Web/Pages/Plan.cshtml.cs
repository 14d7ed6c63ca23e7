using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>The recovery programme: today's tasks, the week, and the pain and exercise check-ins that move it on (through <see cref="PlanApi"/>).</summary>
public sealed class PlanModel(RunnerData data, SharedRunners shared) : PageModel
{
    /// <summary>Set when a clinician reads this runner's plan through a share (<c>/athletes/{athlete}/plan</c>): the page is marked whose it is, and only the visit form is offered, with review access.</summary>
    public SharedView? Viewing => shared.Viewing;

    public ProgrammeView? Programme { get; private set; }

    public string? Saved { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The day the page was made for: a check-in queued offline on it is dated this day (see offline.js).</summary>
    public DateOnly Today => data.Today;

    /// <summary>The exercises that can be logged, the ones in today's tasks first.</summary>
    public IReadOnlyList<LoggableExercise> ExerciseChoices { get; private set; } = ExerciseNames.Loggable;

    public void OnGet() => Load();

    public IActionResult OnPostPain(int? score, string? when, string? note)
    {
        if (Viewing is not null)
        {
            return NotFound();
        }

        if (score is null)
        {
            Error = PlanPageText.PainScoreMissing;
        }
        else
        {
            var (_, problem) = PlanApi.LogPain(data, new PainCheckInRequest(score.Value, when == "rest", when == "morning", note));
            Error = problem is null ? null : Problems.ForPage(problem);
            Saved = problem is null ? PlanPageText.LoggedPain(score.Value) : null;
        }

        Load();
        return Page();
    }

    public IActionResult OnPostExercise(string? name, int? sets, int? reps, double? loadKg, int? pain)
    {
        if (Viewing is not null)
        {
            return NotFound();
        }

        if (sets is null || reps is null)
        {
            // An empty field is not 0 sets: say so rather than log a session that did not happen.
            Error = PlanPageText.SetsMissing;
            Load();
            return Page();
        }

        var (_, problem) = PlanApi.LogExercise(data, new ExerciseCheckInRequest(name ?? string.Empty, sets.Value, reps.Value, loadKg, pain));
        Error = problem is null ? null : Problems.ForPage(problem);
        Saved = problem is null ? PlanPageText.LoggedExercise(ExerciseNames.TitleOf(name ?? string.Empty), sets.Value, reps.Value) : null;
        Load();
        return Page();
    }

    public IActionResult OnPostClinician(bool cleared, string? note)
    {
        var (_, problem) = PlanApi.LogClinicianReview(data, new ClinicianReviewRequest(cleared, note), Viewing is null ? null : shared.Clinician);
        Error = problem is null ? null : Problems.ForPage(problem);
        Saved = problem is null ? (cleared ? PlanPageText.RecordedClearance : PlanPageText.RecordedVisit) : null;
        Load();
        return Page();
    }

    private void Load()
    {
        Programme = data.Journal.Programme(data.Today);
        var today = Programme?.State.Today.Select(t => t.Id).ToHashSet() ?? [];
        ExerciseChoices = [.. ExerciseNames.Loggable.OrderByDescending(e => today.Contains(e.Id) || (ExerciseNames.IsHeelDrops(e.Id) && today.Contains(ExerciseNames.HeelDropsPrefix)))];
    }
}
