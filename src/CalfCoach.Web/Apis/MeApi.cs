using CalfCoach.Import.Export;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>The runner's rights over their own data: their export (issue 14, "the runner's rights").</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").ProducesServerProblem();
        me.MapGet("/export", Export)
            .WithName("Export")
            .WithSummary("Everything you gave CalfCoach, as one zip: every uploaded file as it was sent, and JSON of your profile, shoes, assessments, check-ins and programme.")
            .WithDescription("`asOf` (YYYY-MM-DD, default today) is the day of `programme.json`. Import the zip with `calfcoach import FILE` (or POST /api/imports) to restore it; "
                + "as of that day it gives the same findings and plan.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return app;
    }

    /// <remarks>Written to a temporary file (deleted when the response ends) and streamed: memory stays bounded however many originals there are.</remarks>
    public static Results<FileStreamHttpResult, ProblemHttpResult> Export(RunnerData data, CalfCoachWebOptions options, string? asOf)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem))
        {
            return problem!;
        }

        var day = date ?? data.Today;
        var file = RunnerExport.WriteToTemporaryFile(data.Database, data.Journal, day, data.Now, options.TemporaryFolder);
        return TypedResults.File(file, "application/zip", RunnerExport.FileName(day));
    }
}
