using System.Globalization;
using CalfCoach.Core;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Core.Validation;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>
/// Consented sharing (issue 14): a runner shares with a clinician's account and sees who looked; the clinician reads the
/// runners who share with them through the runner's own contracts. Mapped only on a server with sign-in.
/// </summary>
public static class SharingApi
{
    public const string SharesRoute = "/api/shares";
    public const string AthletesRoute = "/api/athletes";
    public const string AuditRoute = "/api/me/audit";

    /// <summary>What the audit calls each read or change (shown to the runner in words by the sharing page).</summary>
    public static class Resources
    {
        public const string Summary = "summary";
        public const string Plan = "plan";
        public const string Findings = "findings";
        public const string Weeks = "weeks";
        public const string Assessments = "assessments";
        public const string Report = "report";
        public const string Visit = "visit";
    }

    public const string ReadAction = "read";
    public const string RecordAction = "record";

    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup(SharesRoute).WithTags("Sharing").ProducesServerProblem().ProducesProblems(StatusCodes.Status401Unauthorized);
        shares.MapPost("/", Share).WithName("Share")
            .WithSummary("Share your data with a clinician's account (`access`: \"read\", or \"review\" to let them record visits too). Sharing again with the same person changes the access.")
            .WithJsonBody<ShareRequest>().ProducesProblems([.. OpenApiContracts.JsonBodyProblems, StatusCodes.Status404NotFound]);
        shares.MapGet("/", ListShares).WithName("ListShares").WithSummary("Who you share your data with.");
        shares.MapDelete("/{id:long}", Revoke).WithName("RevokeShare").WithSummary("Stop sharing with one clinician, at once.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        app.MapGet(AuditRoute, Audit).WithTags("Sharing").WithName("Audit").ProducesServerProblem()
            .WithSummary("Every read or change of your data by someone else (a clinician you share with), newest first.");

        var athletes = app.MapGroup(AthletesRoute).WithTags("Clinicians").ProducesServerProblem().ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        athletes.MapGet("/", Roster).WithName("Athletes")
            .WithSummary("For a clinician: the runners who share with them, most urgent first, with their alerts; runners who deleted their account are listed as such.");
        athletes.MapGet("/{id:long}/plan", (long id, SharedRunners shared, string? asOf) =>
            Read(shared, id, Resources.Plan, data => PlanApi.Get(data, asOf))).WithName("AthletePlan").Produces<PlanDocument>().WithSummary("A runner's plan (GET /api/plan's document).");
        athletes.MapGet("/{id:long}/findings", (long id, SharedRunners shared, string? asOf, string? onset) =>
            Read(shared, id, Resources.Findings, data => HistoryApi.Findings(data, asOf, onset))).WithName("AthleteFindings").Produces<AnalysisDocument>().WithSummary("A runner's findings (GET /api/findings's document).");
        athletes.MapGet("/{id:long}/weeks", (long id, SharedRunners shared, string? asOf) =>
            Read(shared, id, Resources.Weeks, data => HistoryApi.Weeks(data, asOf))).WithName("AthleteWeeks").Produces<WeeksDocument>().WithSummary("A runner's weeks (GET /api/weeks's document).");
        athletes.MapGet("/{id:long}/assessments", (long id, SharedRunners shared, string? asOf) =>
            Read(shared, id, Resources.Assessments, data => AssessmentsApi.List(data, asOf))).WithName("AthleteAssessments").Produces<RecordedAssessmentDocument[]>().WithSummary("A runner's recorded answers (GET /api/assessments's document).");
        athletes.MapGet("/{id:long}/report", ReadReport).WithName("AthleteReport").WithSummary("A runner's report (GET /report's page), marked as theirs.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        athletes.MapPost("/{id:long}/check-ins/clinician", RecordVisit).WithName("AthleteVisit").WithJsonBody<ClinicianReviewRequest>()
            .ProducesProblems(OpenApiContracts.JsonBodyProblems)
            .WithSummary("With \"review\" access: record a visit and, with `clearedForRehab: true`, your all-clear; kept with your name. Returns the runner's plan after it.");
        return app;
    }

    public static async Task<Results<Created<ShareDocument>, ProblemHttpResult>> Share(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ShareRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (share, error) = TryShare(data, body.Email, body.Access);
        return share is null ? error! : TypedResults.Created($"{SharesRoute}/{share.Id}", share);
    }

    /// <summary>Shares with the clinician of <paramref name="email"/>; the problem naming the field otherwise (the sharing page calls this too).</summary>
    public static (ShareDocument? Share, ProblemHttpResult? Problem) TryShare(RunnerData data, string? email, string? access)
    {
        ArgumentNullException.ThrowIfNull(data);
        var address = InputRules.Email.Check("email", email);
        if (address.Error is { } badAddress)
        {
            return (null, Problems.Invalid(badAddress));
        }

        if (!ShareAccesses.TryParse(access, out var level))
        {
            return (null, Problems.Invalid("access", $"\"access\" must be \"read\" or \"review\", not \"{access}\"."));
        }

        // An athlete's, an admin's or an unknown address: one answer, so sharing tells nobody who has an account here.
        return new ShareStore(data.Database).Share(address.Value!, level) is { } share
            ? (ToDocument(share), null)
            : (null, Problems.Missing("email", "there is no clinician's account with this address on this server; ask your clinician for the address their account uses."));
    }

    public static Ok<ShareDocument[]> ListShares(RunnerData data) => TypedResults.Ok(Shares(data));

    public static ShareDocument[] Shares(RunnerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. new ShareStore(data.Database).List().Select(ToDocument)];
    }

    public static Results<NoContent, ProblemHttpResult> Revoke(long id, RunnerData data) =>
        new ShareStore(data.Database).Revoke(id) ? TypedResults.NoContent() : Problems.Missing("id", $"you have no share {id}.");

    public static Ok<AuditEventDocument[]> Audit(RunnerData data) =>
        TypedResults.Ok<AuditEventDocument[]>([.. new AuditStore(data.Database).List().Select(e =>
            new AuditEventDocument(Instant(e.At), new AuditActorDocument(e.ActorEmail, AccountRoles.Name(e.ActorRole)), e.Action, e.Resource))]);

    public static Results<Ok<AthleteDocument[]>, ProblemHttpResult> Roster(SharedRunners shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        return shared.Clinician is null ? NotShared() : TypedResults.Ok(Athletes(shared));
    }

    /// <summary>The clinician's list, most urgent first, then the runners who deleted their accounts (the roster page shows the same).</summary>
    public static AthleteDocument[] Athletes(SharedRunners shared) =>
    [
        .. RosterEntries(shared).Select(e => new AthleteDocument(
            e.Runner.Runner.Value,
            e.Runner.Email,
            e.Programme?.State.Disposition.WireName(),
            e.Programme?.State.Phase.WireName(),
            e.LastCheckIn is { } last ? IsoDate.ToText(last) : null,
            [.. e.Alerts.Select(a => new AlertDocument(ProgrammeAlertKinds.Name(a.Kind), IsoDate.ToText(a.Day), a.Detail))],
            ShareAccesses.Name(e.Runner.Access),
            "sharing")),
        .. shared.DeletedRunners().Select(at => new AthleteDocument(null, null, null, null, null, [], null, "deleted", Instant(at))),
    ];

    /// <summary>
    /// The runners sharing with the clinician, most urgent first: by advice (no programme last), then by how many alerts,
    /// then the longest without a check-in. Each is read through <see cref="SharedRunners.Open"/>, so each is audited.
    /// </summary>
    public static IReadOnlyList<RosterEntry> RosterEntries(SharedRunners shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var entries = new List<RosterEntry>();
        foreach (var runner in shared.Roster())
        {
            if (shared.Open(runner.Runner.Value, ShareAccess.Read, ReadAction, Resources.Summary) is not { } data)
            {
                continue; // Revoked between the list and this read.
            }

            var programme = data.Journal.Programme(data.Today);
            entries.Add(new RosterEntry(runner, programme, data.Journal.LatestCheckIn(data.Today), data.Journal.Alerts(data.Today)));
        }

        return
        [
            .. entries
                .OrderByDescending(e => e.Programme is null ? -1 : (int)e.Programme.State.Disposition)
                .ThenByDescending(e => e.Alerts.Count)
                .ThenBy(e => e.LastCheckIn ?? DateOnly.MaxValue)
                .ThenBy(e => e.Runner.Email, StringComparer.OrdinalIgnoreCase),
        ];
    }

    public static Results<ContentHttpResult, ProblemHttpResult> ReadReport(long id, HttpContext context, SharedRunners shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (shared.OpenView(id, ShareAccess.Read, ReadAction, Resources.Report) is not var (data, view))
        {
            return NotShared();
        }

        var html = ReportApi.Render(data, answersJson: null).Html;
        var banner = $"<p role=\"note\" style=\"margin:0;padding:.5rem 1rem;background:#fff3cd;color:#3d2e00\">{AthletesPageText.ReportBannerHtml(view.Email).Value}</p>";
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? html.IndexOf('>', at) + 1 : 0;
        return TypedResults.Text(html.Insert(body, banner), "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> RecordVisit(
        long id, HttpRequest request, SharedRunners shared, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shared);

        // Whoever may not record here learns nothing, not even whether their body was well formed.
        if (!shared.Allows(id, ShareAccess.Review))
        {
            return NotShared();
        }

        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ClinicianReviewRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (shared.Open(id, ShareAccess.Review, RecordAction, Resources.Visit) is not { } data)
        {
            return NotShared();
        }

        var (plan, error) = PlanApi.LogClinicianReview(data, body, shared.Clinician);
        return plan is null ? error! : TypedResults.Ok(plan);
    }

    private static IResult Read(SharedRunners shared, long id, string resource, Func<RunnerData, IResult> read) =>
        shared.Open(id, ShareAccess.Read, ReadAction, resource) is { } data ? read(data) : NotShared();

    /// <summary>404, the same for a runner who never shared, one who revoked, and one who does not exist.</summary>
    private static ProblemHttpResult NotShared() => Problems.Missing("id", "no runner shares this with you.");

    private static ShareDocument ToDocument(StoredShare share) =>
        new(share.Id, share.ClinicianEmail, ShareAccesses.Name(share.Access), Instant(share.Created));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One runner on a clinician's list: the share, the programme today (null before any calf check), the latest check-in and the alerts.</summary>
public sealed record RosterEntry(SharedRunner Runner, ProgrammeView? Programme, DateOnly? LastCheckIn, IReadOnlyList<ProgrammeAlert> Alerts);
