using System.Globalization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Analysis;

/// <summary>
/// A finding as a runner reads it: a title, a one-line why and the measured values in words, in the profile's units.
/// The ids and the <see cref="Finding.Values"/> keys stay in JSON; pages, the report and the CLI's human output use this.
/// </summary>
public static class FindingText
{
    private sealed record Words(string Title, string Why);

    private static readonly Dictionary<string, Words> Catalogue = new(StringComparer.Ordinal)
    {
        [FindingIds.LongRunSpike] = new("A run much longer than usual",
            "A single run well beyond your recent longest is the clearest warning sign in runners' data."),
        [FindingIds.WeeklyDistanceSpike] = new("A sudden jump in weekly distance",
            "The calf needs weeks to get used to more running; a big jump can outpace it."),
        [FindingIds.AcuteChronicRatioHigh] = new("A busy week against your usual load",
            "A description of a busy period, not a risk score: this measure is disputed for runners."),
        [FindingIds.NewSpeedwork] = new("Fast running after a break from it",
            "Fast running loads the calf more than easy running, especially after weeks without it."),
        [FindingIds.PaceIncrease] = new("Easy runs got faster",
            "Running faster asks more of the calf on every step."),
        [FindingIds.HillIncrease] = new("More climbing than usual",
            "Uphill running works the calf harder than running on the flat."),
        [FindingIds.ReturnAfterBreak] = new("A quick return after a break",
            "After time off the calf has lost some of its conditioning and needs a gentler build-up."),
        [FindingIds.LowCadence] = new("Low step rate",
            "Longer, slower steps put more load on the calf with each landing."),
        [FindingIds.Overstriding] = new("Possibly long steps",
            "Reaching far forward with each step can add load to the lower leg."),
        [FindingIds.WornShoes] = new("Shoes with many kilometres on them",
            "Old shoes cushion less; worth checking, though no distance is proven to cause injury."),
        [FindingIds.CrampRiskEfforts] = new("Long, hard or hot runs",
            "Cramps are most common late in long, fast or hot efforts."),
    };

    /// <summary>The finding ids this catalogue words: every one of <see cref="FindingIds.All"/>.</summary>
    public static IEnumerable<string> Ids => Catalogue.Keys;

    /// <summary>A short title, e.g. "A run much longer than usual".</summary>
    public static string Title(string findingId) =>
        Catalogue.TryGetValue(findingId, out var words) ? words.Title : "Something in your training";

    /// <summary>One line on why this can matter for calf pain.</summary>
    public static string Why(string findingId) =>
        Catalogue.TryGetValue(findingId, out var words) ? words.Why : string.Empty;

    /// <summary>The title of the plan item a finding leads to, never its id.</summary>
    public static string ActionTitle(FindingAction action) => PreventionPlan.TitleOf(action.PlanItemId) ?? "Build up gradually";

    /// <summary>
    /// The measured values in words, e.g. "19 km, against a longest of 14 km in the previous 30 days";
    /// empty when the finding has nothing to add to its explanation.
    /// </summary>
    public static string Measured(Finding finding, DistanceUnit units)
    {
        var v = finding.Values;
        string Km(string key, string format = "0.#") => DistanceText.Distance(v[key], units, format);
        string Pace(string key) => DistanceText.Pace(v[key], units);
        string N(string key, string format = "0") => v[key].ToString(format, CultureInfo.InvariantCulture);
        bool Has(params string[] keys) => keys.All(v.ContainsKey);

        return finding.Id switch
        {
            FindingIds.LongRunSpike when Has("distanceKm", "longestPrevious30DaysKm") =>
                $"{Km("distanceKm")}, against a longest of {Km("longestPrevious30DaysKm")} in the previous 30 days",
            FindingIds.WeeklyDistanceSpike when Has("distanceKm", "previousWeekKm") =>
                $"{Km("distanceKm")} in a week, after {Km("previousWeekKm")} the week before",
            FindingIds.AcuteChronicRatioHigh when Has("ewmaRatio", "thresholdRatio") =>
                $"last week's running was {N("ewmaRatio", "0.0#")} times your longer-term average (noted from {N("thresholdRatio", "0.0")} times)",
            FindingIds.NewSpeedwork when Has("sessions", "weeksWithoutSpeedwork") =>
                $"{Count((int)v["sessions"], "fast session", "fast sessions")} after {Count((int)v["weeksWithoutSpeedwork"], "week", "weeks")} without any",
            FindingIds.PaceIncrease when Has("easySpeedBeforeMps", "easySpeedRecentMps") =>
                $"easy pace {Pace("easySpeedRecentMps")}, against {Pace("easySpeedBeforeMps")} before",
            FindingIds.HillIncrease when Has("ascentM", "previousWeeksMeanAscentM") =>
                $"{N("ascentM")} m of climbing in a week, against about {N("previousWeeksMeanAscentM")} m a week before",
            FindingIds.ReturnAfterBreak when Has("breakWeeks", "beforeBreakWeeklyKm", "returnWeekKm") =>
                $"{Km("returnWeekKm")} in a week after a {Count((int)v["breakWeeks"], "week", "weeks")} break, against {Km("beforeBreakWeeklyKm")} a week before it",
            FindingIds.LowCadence when Has("cadenceSpm", "thresholdSpm") =>
                $"about {N("cadenceSpm")} steps per minute at easy pace, below {N("thresholdSpm")}",
            FindingIds.Overstriding when Has("stepLengthM", "easySpeedMps") =>
                $"steps of about {N("stepLengthM", "0.00")} m at an easy pace of {Pace("easySpeedMps")}",
            FindingIds.WornShoes when Has("shoeKm", "shoeAgeDays") =>
                $"{Km("shoeKm", "0")} on the shoe after {Count((int)v["shoeAgeDays"], "day", "days")} of use",
            FindingIds.CrampRiskEfforts when Has("movingMinutes") =>
                $"{N("movingMinutes")} minutes of running" + (v.TryGetValue("meanTemperatureCelsius", out var t)
                    ? string.Create(CultureInfo.InvariantCulture, $" at about {t:0} °C on the device")
                    : string.Empty),
            _ => string.Empty,
        };
    }

    /// <summary>"1 run", "2 runs": a count with the right noun.</summary>
    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
