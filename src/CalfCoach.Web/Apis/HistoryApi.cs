using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>The training history: the findings (the <c>calfcoach analyze --json</c> contract) and the weeks.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Training history").ProducesServerProblem();
        api.MapGet("/findings", Findings)
            .WithName("Findings")
            .WithSummary("The likely contributors to the calf pain found in the stored training, most relevant to the onset first.")
            .WithDescription("The same document as `calfcoach analyze --json`. `asOf` defaults to today, `onset` to the known onset or today (YYYY-MM-DD).")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        api.MapGet("/weeks", Weeks)
            .WithName("Weeks")
            .WithSummary("Weekly running distance, runs, speedwork and the workload ratio, oldest first.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    public static Results<Ok<AnalysisDocument>, ProblemHttpResult> Findings(RunnerData data, string? asOf, string? onset)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem) || !QueryValues.TryDate(onset, nameof(onset), out var pain, out problem))
        {
            return problem!;
        }

        var day = date ?? data.Today;
        if (pain > day)
        {
            return Problems.Invalid(nameof(onset), "\"onset\" cannot be after \"asOf\".");
        }

        return TypedResults.Ok(AnalysisJson.ToDocument(data.Analyze(day, pain ?? (data.DefaultOnset <= day ? data.DefaultOnset : day))));
    }

    public static Results<Ok<WeeksDocument>, ProblemHttpResult> Weeks(RunnerData data, string? asOf)
    {
        if (!QueryValues.TryDate(asOf, nameof(asOf), out var date, out var problem))
        {
            return problem!;
        }

        var day = date ?? data.Today;
        return TypedResults.Ok(ToDocument(data.Analyze(day, data.DefaultOnset <= day ? data.DefaultOnset : day)));
    }

    public static WeeksDocument ToDocument(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var ratioByDay = analysis.Days.ToDictionary(d => d.Date, d => d.EwmaRatioDistance);
        var spikeMondays = analysis.SpikeWeeks();
        return new WeeksDocument(
            IsoDate.ToText(analysis.AsOf),
            [.. analysis.Weeks.Select(w => new WeekDocument(
                IsoDate.ToText(w.Monday),
                Math.Round(w.DistanceKilometers, 2),
                w.Runs,
                Math.Round(w.MovingMinutes, 1),
                Math.Round(w.LongestRunKilometers, 2),
                w.ChangePercent is { } change ? Math.Round(change, 1) : null,
                w.SpeedworkSessions,
                LastRatio(ratioByDay, w.Monday, analysis.AsOf) is { } ratio ? Math.Round(ratio, 2) : null,
                spikeMondays.Contains(w.Monday)))]);
    }

    private static double? LastRatio(Dictionary<DateOnly, double?> ratioByDay, DateOnly monday, DateOnly asOf)
    {
        for (var day = monday.AddDays(6) > asOf ? asOf : monday.AddDays(6); day >= monday; day = day.AddDays(-1))
        {
            if (ratioByDay.TryGetValue(day, out var ratio) && ratio is not null)
            {
                return ratio;
            }
        }

        return null;
    }
}
