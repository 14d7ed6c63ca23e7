using CalfCoach.Core.Validation;
using CalfCoach.Import.History;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>Shoes and the distance on them: what <c>calfcoach shoes list|add|retire</c> do. The shoes page calls the same methods.</summary>
public static class ShoesApi
{
    public static IEndpointRouteBuilder MapShoesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/shoes").WithTags("Shoes").ProducesServerProblem();
        api.MapGet("/", List).WithName("ListShoes").WithSummary("Every shoe with its distance and age today (the `calfcoach shoes list --json` rows).");
        api.MapPost("/", Add).WithName("AddShoe").WithSummary("Add a pair of shoes.")
            .WithJsonBody<ShoeRequest>().ProducesProblems(OpenApiContracts.JsonBodyProblems);
        api.MapPost("/retire", Retire).WithName("RetireShoe").WithSummary("Retire a pair of shoes.")
            .WithJsonBody<RetireShoeRequest>().ProducesProblems(OpenApiContracts.JsonBodyProblems);
        return app;
    }

    public static Ok<ShoeRow[]> List(RunnerData data) => TypedResults.Ok(data.History.ListShoes(data.Today).ToArray());

    public static async Task<Results<Ok<ShoeRow[]>, ProblemHttpResult>> Add(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ShoeRequest, cancellationToken);
        return body is null ? problem! : TryAdd(data, body) is { } error ? Problems.Invalid(error.Key, error.Message) : List(data);
    }

    public static async Task<Results<Ok<ShoeRow[]>, ProblemHttpResult>> Retire(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.RetireShoeRequest, cancellationToken);
        return body is null ? problem! : TryRetire(data, body) is { } error ? Problems.Invalid(error.Key, error.Message) : List(data);
    }

    /// <returns>Null when the shoe was added, else the field at fault and why.</returns>
    public static (string Key, string Message)? TryAdd(RunnerData data, ShoeRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var name = InputRules.ShoeName.Check("name", request.Name);
        var since = InputRules.Day.Parse("since", request.Since);
        var km = InputRules.ShoeStartKm.Check("startKm", request.StartKm ?? 0);
        if ((name.Error ?? since.Error ?? km.Error) is { } error)
        {
            return (error.Key, error.Message);
        }

        try
        {
            data.Profiles.AddShoe(name.Value!, since.Value ?? data.Today, km.Value * 1000);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ("name", ex.Message);
        }
    }

    /// <returns>Null when the shoe was retired, else the field at fault and why.</returns>
    public static (string Key, string Message)? TryRetire(RunnerData data, RetireShoeRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var name = InputRules.ShoeName.Check("name", request.Name);
        var on = InputRules.Day.Parse("on", request.On);
        if ((name.Error ?? on.Error) is { } error)
        {
            return (error.Key, error.Message);
        }

        return data.Profiles.RetireShoe(name.Value!, on.Value ?? data.Today)
            ? null
            : ("name", $"there is no shoe named \"{name.Value}\".");
    }
}
