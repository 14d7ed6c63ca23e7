using System.Globalization;
using CalfCoach.Core;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Core.Validation;
using CalfCoach.Formats.Calendar;
using CalfCoach.Import.History;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>
/// The recovery programme and its check-ins: <c>calfcoach plan --json</c>, <c>plan --ics</c> and <c>log pain|exercise|red-flags --json</c>,
/// over the same <see cref="RecoveryJournal"/>. The plan page calls the same methods.
/// </summary>
public static class PlanApi
{
    /// <summary>A check-in's body can be wrong as any JSON body can, and there may be no programme to log it in (404).</summary>
    private static readonly int[] CheckInProblems = [.. OpenApiContracts.JsonBodyProblems, StatusCodes.Status404NotFound];

    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api").WithTags("Plan").ProducesServerProblem();
        plan.MapGet("/plan", Get).WithName("Plan")
            .WithSummary("Today's tasks, the week ahead and the next review (the `calfcoach plan --json` document); 404 before the first assessment.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        plan.MapGet("/plan.ics", Calendar).WithName("PlanCalendar")
            .WithSummary("The week ahead and the next review as an iCalendar file; `at` (HH:MM, default 07:30) and `timeZone` (IANA, default the profile's).")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        plan.MapGet("/check-ins", CheckIns).WithName("CheckIns")
            .WithSummary("The pain and exercise check-ins stored from `from` to `to` (YYYY-MM-DD, inclusive; default the 90 days up to today), each with the `clientId` it was sent with.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        plan.MapPost("/check-ins/pain", Pain).WithName("LogPain").WithJsonBody<PainCheckInRequest>()
            .ProducesProblems(CheckInProblems)
            .WithSummary("Log a pain score (0–10): during activity, `atRest` or `morning`. Returns the plan after it. With a `clientId` already stored, nothing is stored again and the answer is the same.");
        plan.MapPost("/check-ins/exercise", Exercise).WithName("LogExercise").WithJsonBody<ExerciseCheckInRequest>()
            .ProducesProblems(CheckInProblems)
            .WithSummary("Log an exercise session from the plan (by its task id, e.g. heel-drops-straight-knee), with the pain during it. Returns the plan after it. With a `clientId` already stored, nothing is stored again and the answer is the same.");
        plan.MapPost("/check-ins/task", TaskDone).WithName("CheckOffTask").WithJsonBody<TaskCheckOffRequest>()
            .ProducesProblems(CheckInProblems)
            .WithSummary("Tick one of the day's tasks as done (`task`: its id in the plan's `today`). Returns the plan after it.");
        plan.MapPost("/check-ins/clinician", Clinician).WithName("LogClinicianReview").WithJsonBody<ClinicianReviewRequest>()
            .ProducesProblems(CheckInProblems)
            .WithSummary("Record a visit to a doctor or physiotherapist; `clearedForRehab: true` (their all-clear) returns the plan to self-care. Returns the plan after it.");
        plan.MapPost("/check-ins/red-flags", RedFlags).WithName("LogRedFlags").WithAnswersBody()
            .ProducesProblems(CheckInProblems)
            .WithSummary("Re-check the warning signs (the answers object of POST /api/assessments): a new sign raises the advice at once. Returns the plan after it.");
        return app;
    }

    public static Results<Ok<PlanDocument>, ProblemHttpResult> Get(RunnerData data, string? asOf)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem))
        {
            return problem!;
        }

        return data.Journal.Programme(date ?? data.Today) is { } programme ? TypedResults.Ok(ToDocument(programme)) : NoProgramme(date ?? data.Today);
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Calendar(RunnerData data, string? asOf, string? at, string? timeZone)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem))
        {
            return problem!;
        }

        var time = new TimeOnly(7, 30);
        if (!string.IsNullOrEmpty(at) && !TimeOnly.TryParseExact(at, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return Problems.Invalid(nameof(at), $"\"at\" must be a time written HH:MM, such as 07:30, not \"{at}\".");
        }

        if (InputRules.TimeZone.Check(nameof(timeZone), timeZone).Error is { } tooLong)
        {
            return Problems.Invalid(tooLong);
        }

        var zone = string.IsNullOrEmpty(timeZone) ? data.History.LoadProfile().TimeZoneId ?? TimeZoneInfo.Local.Id : timeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return Problems.Invalid(nameof(timeZone), $"unknown time zone \"{zone}\"; use an IANA name such as Europe/London.");
        }

        var day = date ?? data.Today;
        if (data.Journal.Programme(day) is not { } programme)
        {
            return NoProgramme(day);
        }

        var text = ProgrammeCalendar.Write(programme.State, programme.StartedOn, new CalendarOptions(zone, time, data.Now));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar", $"calfcoach-plan-{IsoDate.ToText(day)}.ics");
    }

    public static Results<Ok<CheckInsDocument>, ProblemHttpResult> CheckIns(RunnerData data, string? from, string? to)
    {
        if (!QueryValues.TryDate(from, nameof(from), out var first, out var problem) || !QueryValues.TryDate(to, nameof(to), out var last, out problem))
        {
            return problem!;
        }

        var end = last ?? data.Today;
        var start = first ?? end.AddDays(-90);
        var (pain, exercises) = data.Journal.CheckIns(start, end);
        return TypedResults.Ok(new CheckInsDocument(
            IsoDate.ToText(start),
            IsoDate.ToText(end),
            [.. pain.Select(p => new PainCheckInDocument(p.Id, IsoDate.ToText(p.Day), p.Score, p.AtRest, p.Morning, p.Note, p.ClientId))],
            [.. exercises.Select(e => new ExerciseCheckInDocument(e.Id, IsoDate.ToText(e.Day), e.Name, e.Sets, e.Reps, e.LoadKg, e.Pain, e.ClientId))]));
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> Pain(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.PainCheckInRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (plan, error) = LogPain(data, body);
        return plan is null ? error! : TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> Exercise(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ExerciseCheckInRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (plan, error) = LogExercise(data, body);
        return plan is null ? error! : TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> TaskDone(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.TaskCheckOffRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (plan, error) = CheckOffTask(data, body);
        return plan is null ? error! : TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> Clinician(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ClinicianReviewRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (plan, error) = LogClinicianReview(data, body);
        return plan is null ? error! : TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> RedFlags(HttpRequest request, RunnerData data, CalfCoachWebOptions options, string? asOf, CancellationToken cancellationToken)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var badDate))
        {
            return badDate!;
        }

        var (answers, problem) = await JsonBody.ReadAnswersAsync(request, options.MaxJsonBytes, cancellationToken);
        return answers is null ? problem! : Log(data, date ?? data.Today, journal => journal.RecordRedFlagCheck(answers, date ?? data.Today));
    }

    /// <summary>Logs a pain check-in; the plan after it, or the problem naming the field.</summary>
    public static (PlanDocument? Plan, ProblemHttpResult? Problem) LogPain(RunnerData data, PainCheckInRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryDate(request.Date, "date", out var date, out var problem))
        {
            return (null, problem);
        }

        if (request.AtRest == true && request.Morning == true)
        {
            return (null, Problems.Invalid("morning", "choose at rest or on waking, not both (log two check-ins if both apply)."));
        }

        var score = InputRules.Pain.Check("score", request.Score);
        var note = InputRules.Note.Check("note", request.Note);
        var clientId = InputRules.ClientId.Check("clientId", request.ClientId);
        if (Errors(score.Error, note.Error, clientId.Error) is { } invalid)
        {
            return (null, invalid);
        }

        var day = date ?? data.Today;
        var checkIn = new PainCheckIn(day, score.Value, request.AtRest == true, request.Morning == true, note.Value);

        var plan = Log(data, day, journal => journal.LogPain(checkIn, clientId.Value));
        return plan.Result is Ok<PlanDocument> ok ? (ok.Value, null) : (null, (ProblemHttpResult)plan.Result);
    }

    /// <summary>Logs an exercise check-in; the plan after it, or the problem naming the field.</summary>
    public static (PlanDocument? Plan, ProblemHttpResult? Problem) LogExercise(RunnerData data, ExerciseCheckInRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryDate(request.Date, "date", out var date, out var problem))
        {
            return (null, problem);
        }

        var name = InputRules.ExerciseName.Check("name", request.Name);
        var sets = InputRules.Sets.Check("sets", request.Sets);
        var reps = InputRules.Reps.Check("reps", request.Reps);
        var load = InputRules.LoadKg.Check("loadKg", request.LoadKg);
        var pain = InputRules.Pain.Check("pain", request.Pain);
        var clientId = InputRules.ClientId.Check("clientId", request.ClientId);
        if (Errors(name.Error, sets.Error, reps.Error, load.Error, pain.Error, clientId.Error) is { } invalid)
        {
            return (null, invalid);
        }

        var day = date ?? data.Today;
        var checkIn = new ExerciseCheckIn(day, name.Value!, sets.Value, reps.Value, load.Value, pain.Value);

        var plan = Log(data, day, journal => journal.LogExercise(checkIn, clientId.Value));
        return plan.Result is Ok<PlanDocument> ok ? (ok.Value, null) : (null, (ProblemHttpResult)plan.Result);
    }

    /// <summary>Ticks one of the day's tasks as done; the plan after it, or the problem naming the field.</summary>
    public static (PlanDocument? Plan, ProblemHttpResult? Problem) CheckOffTask(RunnerData data, TaskCheckOffRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryDate(request.Date, "date", out var date, out var problem))
        {
            return (null, problem);
        }

        var day = date ?? data.Today;
        try
        {
            var (programme, error) = data.Journal.CheckOffTask(day, "task", request.Task);
            return error is not null ? (null, Problems.Invalid(error)) : (ToDocument(programme!), null);
        }
        catch (NoProgrammeException)
        {
            return (null, NoProgramme(day));
        }
    }

    /// <summary>Records a clinician's review; the plan after it, or the problem naming the field.</summary>
    /// <param name="recordedBy">The clinician recording it through a share; null when the runner logs it.</param>
    public static (PlanDocument? Plan, ProblemHttpResult? Problem) LogClinicianReview(RunnerData data, ClinicianReviewRequest request, Storage.AuditActor? recordedBy = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryDate(request.Date, "date", out var date, out var problem))
        {
            return (null, problem);
        }

        var note = InputRules.Note.Check("note", request.Note);
        if (note.Error is { } error)
        {
            return (null, Problems.Invalid(error));
        }

        var day = date ?? data.Today;
        var review = new ClinicianReview(day, request.ClearedForRehab, note.Value);
        var plan = Log(data, day, journal => journal.LogClinicianReview(review, recordedBy));
        return plan.Result is Ok<PlanDocument> ok ? (ok.Value, null) : (null, (ProblemHttpResult)plan.Result);
    }

    public static PlanDocument ToDocument(ProgrammeView programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return ProgrammeJson.ToDocument(programme.State, programme.StartedOn);
    }

    private static Results<Ok<PlanDocument>, ProblemHttpResult> Log(RunnerData data, DateOnly day, Func<RecoveryJournal, ProgrammeView> log)
    {
        try
        {
            return TypedResults.Ok(ToDocument(log(data.Journal)));
        }
        catch (NoProgrammeException)
        {
            return NoProgramme(day);
        }
    }

    private static ProblemHttpResult NoProgramme(DateOnly day) =>
        Problems.Missing("plan", $"there is no recovery programme on {IsoDate.ToText(day)} yet: take the calf check first (POST /api/assessments or the assessment page).");

    /// <summary>One problem naming every value at fault, or null when all are valid.</summary>
    private static ProblemHttpResult? Errors(params InputError?[] errors) =>
        errors.OfType<InputError>().ToArray() is { Length: > 0 } found ? Problems.Invalid(found) : null;
}
