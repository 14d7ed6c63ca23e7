using CalfCoach.Core.Analysis;

namespace CalfCoach.Import.History;

/// <summary>One pair of shoes as <c>calfcoach shoes list --json</c>, the shoes page and <c>GET /api/shoes</c> show it.</summary>
/// <param name="Since">The first day declared for the shoe (YYYY-MM-DD), or "-" for a shoe known only from a Strava gear name.</param>
/// <param name="StartKm">Distance it had run before <paramref name="Since"/>.</param>
/// <param name="Retired">The retirement day (YYYY-MM-DD), or null while in use.</param>
public sealed record ShoeRow(string Name, string Since, double StartKm, double Kilometers, int AgeDays, string? Retired)
{
    /// <summary>"retired", "replace", "review" or "ok", by the profile's thresholds.</summary>
    public string Condition(AthleteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Retired is not null ? "retired"
            : Kilometers >= profile.ShoeReplaceKilometers ? "replace"
            : Kilometers >= profile.ShoeReviewKilometers ? "review"
            : "ok";
    }

}
