using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>What the analysis knows about the runner: <c>calfcoach profile</c>. The profile page calls the same methods.</summary>
public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/profile").WithTags("Profile").ProducesServerProblem();
        api.MapGet("/", Get).WithName("GetProfile").WithSummary("The profile (the `calfcoach profile --json` document).")
            .ProducesJson(AthleteProfileJsonContext.Default.AthleteProfile);
        api.MapPatch("/", Update).WithName("UpdateProfile").WithSummary("Change the values given; the others are kept. Returns the profile after it.")
            .WithJsonBody<ProfileUpdateRequest>().ProducesProblems(OpenApiContracts.JsonBodyProblems)
            .ProducesJson(AthleteProfileJsonContext.Default.AthleteProfile);
        return app;
    }

    public static ContentHttpResult Get(RunnerData data) =>
        TypedResults.Text(AthleteProfileJson.Serialize(data.History.LoadProfile()), "application/json");

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Update(HttpRequest request, RunnerData data, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.ProfileUpdateRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        return TryUpdate(data, body) is { Count: > 0 } errors ? Problems.Invalid(errors) : Get(data);
    }

    /// <returns>Nothing when saved, else every value at fault and why (the core's <see cref="AthleteProfileUpdate.TryApplyTo"/>).</returns>
    public static IReadOnlyList<InputError> TryUpdate(RunnerData data, ProfileUpdateRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Units is { Length: > 0 } and not ("km" or "mi"))
        {
            return [new InputError("units", "Choose km or mi.")];
        }

        DistanceUnit? units = request.Units switch { "km" => DistanceUnit.Kilometers, "mi" => DistanceUnit.Miles, _ => null };
        var born = InputRules.Day.Parse("born", request.Born);
        if (born.Error is { } badDate)
        {
            return [badDate];
        }

        var update = new AthleteProfileUpdate(units, string.IsNullOrEmpty(request.TimeZone) ? null : request.TimeZone, request.HeightCm, request.LegCm,
            request.MassKg, born.Value, request.MaxHr, request.RestingHr, request.ShoeReviewKm, request.ShoeReplaceKm,
            string.IsNullOrEmpty(request.Country) ? null : request.Country);
        if (!update.TryApplyTo(data.History.LoadProfile(), out var profile, out var errors))
        {
            return errors;
        }

        data.History.SaveProfile(profile);
        return [];
    }
}
