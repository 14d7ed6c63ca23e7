using CalfCoach.Core;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Report;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>The report: the same self-contained HTML as <c>calfcoach report</c>, to read in the browser or download.</summary>
public static class ReportApi
{
    public const string AnswersField = "answers";

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var report = app.MapGroup("/report").WithTags("Report");
        report.MapGet("/", Get)
            .WithName("Report")
            .WithSummary("The training report as one self-contained HTML page (`download=true` to save it).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesServerProblem();
        report.MapPost("/", WithAnswers)
            .WithName("ReportWithPlan")
            .WithSummary("The report with the plan for these answers (form field `answers`: the answers object as JSON).")
            .WithAnswersFormBody(AnswersField)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType)
            .ProducesServerProblem()
            .DisableAntiforgery();
        return app;
    }

    public static ContentHttpResult Get(HttpContext context, RunnerData data, bool? download) =>
        Html(context, data, Render(data, answersJson: null).Html, download == true);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> WithAnswers(HttpContext context, RunnerData data, bool? download)
    {
        if (!context.Request.HasFormContentType)
        {
            return Problems.WrongMediaType(context.Request.ContentType, "application/x-www-form-urlencoded or multipart/form-data");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (html, errors) = Render(data, form[AnswersField].ToString());
        return errors is { Count: > 0 } ? JsonBody.AnswersProblem(errors) : Html(context, data, html, download == true);
    }

    /// <summary>The report HTML; with answers, the plan for them (their errors instead when they are not valid).</summary>
    public static (string Html, IReadOnlyList<AnswerError>? Errors) Render(RunnerData data, string? answersJson)
    {
        ArgumentNullException.ThrowIfNull(data);
        var answers = string.IsNullOrEmpty(answersJson) ? null : AnswersJsonReader.Read(answersJson);
        if (answers is { Answers: null })
        {
            return (string.Empty, answers.Errors);
        }

        var programme = data.Journal.Programme(data.Today);
        var report = new TrainingReport(data.Today)
        {
            Answers = answers?.Answers,
            FallbackOnset = data.DefaultOnset,
            Programme = programme is null ? null : new ReportProgramme(programme.State, programme.StartedOn, programme.Start.Assessment),
        };
        return (report.Build(data.ReportOptions(data.History.LoadProfile()), (day, onset) => data.History.Analyze(day, onset)).Html, null);
    }

    private static ContentHttpResult Html(HttpContext context, RunnerData data, string html, bool download)
    {
        if (download)
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"calfcoach-report-{IsoDate.ToText(data.Today)}.html\"";
        }

        return TypedResults.Text(html, "text/html; charset=utf-8");
    }
}
