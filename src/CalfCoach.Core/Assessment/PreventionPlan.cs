using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Assessment;

/// <summary>
/// Long-term prevention, each item tied to the causes it addresses. Items that address a cause the
/// runner reported come first.
/// </summary>
/// <remarks>Article "Strengthening and Adjusting Running Form"; EVIDENCE.md 3.3, 4.1–4.5, 5.1–5.4, 6.</remarks>
public static class PreventionPlan
{
    /// <summary>A general cause for everyone: calf pain starts where demand exceeds the muscle's capacity.</summary>
    public const string CalfCapacity = "calf-capacity";

    public const int RepsMin = 10;
    public const int RepsMax = 12;
    public const int CadenceTargetMin = 170;
    public const int CadenceTargetMax = 180;
    public const int CadenceStepPercent = 5;
    public const int CadenceStepPercentMax = 10;
    public const int ShoeReviewKm = 500;
    public const int ShoeReplaceKm = 800;

    /// <summary>Frandsen et al. 2025: keep any run within 10 % of the longest run of the previous 30 days.</summary>
    public const int LongestRunIncreasePercent = 10;

    private static readonly string[] LoadFactors =
        ["distance-increase", "pace-increase", "new-speedwork", "more-hills", "longer-long-run"];

    private static readonly string[] CadenceFactors = ["low-cadence", "overstriding"];
    private static readonly string[] ShoeFactors = ["worn-shoes", "new-shoes", "minimal-shoes"];
    private static readonly string[] CrampFactors = ["long-hot-efforts", ContributingFactors.CrampDuringRunId];

    private sealed record Candidate(PlanItem Item, bool Always);

    private static readonly Candidate[] Catalog =
    [
        new(new PlanItem("heel-drops-straight-knee", "Eccentric heel drops, straight knee (gastrocnemius)",
            $"Stand on the edge of a step on the balls of your feet. Rise on both feet, then lower slowly (about 3 seconds) on the sore leg with the knee straight until the heel is below the step. "
            + $"Do 3 sets of {RepsMin}–{RepsMax}. Progress from two legs to one leg, then add weight in a backpack, moving up a level only when pain during the exercise stays at 3/10 or less and has settled by the next morning.",
            "Once walking is comfortable; 3–4 days a week",
            [CalfCapacity, .. LoadFactors]), Always: true),
        new(new PlanItem("heel-drops-bent-knee", "Eccentric heel drops, bent knee (soleus)",
            $"The same slow lowering with the knee bent, which shifts the work to the deeper soleus muscle that carries much of the load in running. 3 sets of {RepsMin}–{RepsMax}, with the same progression: two legs, one leg, then added weight.",
            "Alongside the straight-knee drops",
            [CalfCapacity, .. LoadFactors]), Always: true),
        new(new PlanItem("glutes-hamstrings", "Glute and hamstring strength",
            "Single-leg bridges, side-lying hip raises or side planks, step-ups, split squats, Romanian deadlifts and sliding hamstring curls: 2–3 sets of 8–12, twice a week, after running rather than before. Stronger hips and hamstrings share the push-off with the calf.",
            "Twice a week",
            [CalfCapacity, "weak-hips-hamstrings", "overstriding"]), Always: true),
        new(new PlanItem("load-progression", "Build the load gradually",
            $"Keep every run within {LongestRunIncreasePercent} % of your longest run of the past 30 days; a bigger single jump is the clearest warning sign in runners' data. "
            + "Raise weekly distance gradually (about 10 % a week is a gentle habit, not a proven limit), and never add distance, speed and hills in the same week. Bring speedwork back one short session at a time.",
            "Every week once you run again",
            [.. LoadFactors]), Always: true),
        new(new PlanItem("cadence-retraining", "Slightly quicker, shorter steps",
            $"Measure your cadence (steps per minute) on an easy run. Raise it by about {CadenceStepPercent} % (never more than {CadenceStepPercentMax} % at once) with a metronome or music at that beat, hold it for about two weeks of easy runs, then repeat until you reach roughly {CadenceTargetMin}–{CadenceTargetMax} steps per minute at easy pace or it starts to feel forced. "
            + "Think \"quicker, shorter steps, landing under the body\"; do not try to land on your forefoot, which loads the calf more.",
            "On easy runs, once running again",
            [.. CadenceFactors]), Always: false),
        new(new PlanItem("shoe-review", "Review and replace your shoes",
            $"Check your shoes at about {ShoeReviewKm} km and plan to replace them by about {ShoeReplaceKm} km, sooner if the midsole is creased or the ride feels flat. Rotating two pairs is linked with fewer injuries. Change shoe type, especially to minimal or low-drop shoes, gradually over weeks.",
            "Now, then every few months",
            [.. ShoeFactors]), Always: false),
        new(new PlanItem("cramp-plan", "Pacing, fluids and salt for long efforts",
            "Start long and hot sessions conservatively and train at the intensity and duration you plan to race; fatigue is the strongest link to cramps. Work out your sweat rate (weigh yourself before and after a run) to plan fluids and sodium, without drinking so much that you gain weight.",
            "Before your next long or hot run",
            [.. CrampFactors]), Always: false),
        new(new PlanItem("gait-analysis", "Professional gait analysis",
            "If the problem keeps coming back, a physiotherapist or sports clinician can film and assess your running to find the specific habit or weakness behind it.",
            "If pain persists or recurs",
            ["low-cadence", "overstriding", "weak-hips-hamstrings", "minimal-shoes"]), Always: false),
    ];

    /// <summary>The ids of every prevention item, for callers that must know them all (e.g. tests that keep ids off pages).</summary>
    public static IEnumerable<string> ItemIds => Catalog.Select(c => c.Item.Id);

    /// <summary>The runner-facing title of a prevention item, or null for an unknown id.</summary>
    public static string? TitleOf(string id) => Catalog.FirstOrDefault(c => c.Item.Id == id)?.Item.Title;

    /// <param name="findings">Findings in the runner's data: causes they show weigh double in the order, and an item
    /// a finding leads to carries its runner-specific detail (e.g. the measured cadence to start from).</param>
    public static IReadOnlyList<PlanItem> For(IReadOnlyList<ContributingFactor> factors, IReadOnlyList<Finding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var weight = factors.ToDictionary(
            f => f.Id,
            f => f.Source == ContributingFactors.FromAnswers ? 1 : 2,
            StringComparer.Ordinal);
        var details = (findings ?? [])
            .Where(f => f.Action.Detail is not null)
            .GroupBy(f => f.Action.PlanItemId)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(f => f.Action.Detail)), StringComparer.Ordinal);

        return Catalog
            .Select((candidate, order) => (candidate, order, score: candidate.Item.Addresses.Sum(a => weight.GetValueOrDefault(a))))
            .Where(x => x.candidate.Always || x.score > 0)
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.order)
            .Select(x => details.TryGetValue(x.candidate.Item.Id, out var detail)
                ? x.candidate.Item with { Details = $"{x.candidate.Item.Details} From your data: {detail}" }
                : x.candidate.Item)
            .ToArray();
    }
}
