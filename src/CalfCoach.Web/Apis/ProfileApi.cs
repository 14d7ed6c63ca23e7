using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
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

        return TryUpdate(data, body) is { } error ? Problems.Invalid(error.Key, error.Message) : Get(data);
    }

    /// <returns>Null when saved, else the field at fault and why.</returns>
    public static (string Key, string Message)? TryUpdate(RunnerData data, ProfileUpdateRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Units is { Length: > 0 } and not ("km" or "mi"))
        {
            return ("units", "choose km or mi.");
        }

        DistanceUnit? units = request.Units switch { "km" => DistanceUnit.Kilometers, "mi" => DistanceUnit.Miles, _ => null };
        DateOnly? born = null;
        if (!string.IsNullOrEmpty(request.Born))
        {
            if (!IsoDate.TryParse(request.Born, out var date))
            {
                return ("born", "write the date as YYYY-MM-DD, such as 1985-04-02.");
            }

            born = date;
        }

        var update = new AthleteProfileUpdate(units, string.IsNullOrEmpty(request.TimeZone) ? null : request.TimeZone, request.HeightCm, request.LegCm,
            request.MassKg, born, request.MaxHr, request.RestingHr, request.ShoeReviewKm, request.ShoeReplaceKm);
        try
        {
            data.History.SaveProfile(update.ApplyTo(data.History.LoadProfile()));
            return null;
        }
        catch (ArgumentException ex)
        {
            return (KeyOf(ex.ParamName), ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The request key for the profile constructor's parameter named in the exception.</summary>
    private static string KeyOf(string? parameter) => parameter switch
    {
        "timeZoneId" => "timeZone",
        "heightMeters" => "heightCm",
        "legLengthMeters" => "legCm",
        "bodyMassKilograms" => "massKg",
        "maxHeartRateBpm" => "maxHr",
        "restingHeartRateBpm" => "restingHr",
        "shoeReviewKilometers" => "shoeReviewKm",
        "shoeReplaceKilometers" => "shoeReplaceKm",
        _ => "$",
    };
}
