using CalfCoach.Core.Assessment.Json;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>The assessment: the same answers object and the same result as <c>calfcoach assess --answers FILE --json</c>.</summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assessments").WithTags("Assessment").ProducesServerProblem();
        api.MapPost("/", Assess)
            .WithName("Assess")
            .WithSummary("Triage the runner's answers and merge in the causes found in their stored history.")
            .WithDescription("The body is the answers object of `calfcoach assess --answers` (every warning-sign key required, unknown keys refused). "
                + "`asOf` (YYYY-MM-DD) defaults to today.")
            .WithAnswersBody()
            .ProducesProblems(OpenApiContracts.JsonBodyProblems);
        api.MapGet("/", List)
            .WithName("RecordedAssessments")
            .WithSummary("Every answer set recorded up to `asOf` (default today), oldest first, each with its result.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    public static Results<Ok<RecordedAssessmentDocument[]>, ProblemHttpResult> List(RunnerData data, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok<RecordedAssessmentDocument[]>([.. data.Journal.Recorded(date ?? data.Today).Select(r => new RecordedAssessmentDocument(
            r.Stored.Id,
            r.Stored.Kind == Storage.StoredAssessmentKind.Assessment ? "assessment" : "red-flag-check",
            Core.IsoDate.ToText(r.Stored.AsOf),
            Core.IsoDate.ToText(r.Stored.Onset),
            AssessmentJson.ToDocument(r.Result)))]);
    }

    public static async Task<Results<Ok<AssessmentDocument>, ProblemHttpResult>> Assess(
        HttpRequest request, RunnerData data, CalfCoachWebOptions options, string? asOf, CancellationToken cancellationToken)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var badDate))
        {
            return badDate!;
        }

        var (answers, problem) = await JsonBody.ReadAnswersAsync(request, options.MaxJsonBytes, cancellationToken);
        return answers is null ? problem! : TypedResults.Ok(AssessmentJson.ToDocument(data.Assess(answers, date ?? data.Today)));
    }
}
