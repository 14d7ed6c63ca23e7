using System.Globalization;

namespace CalfCoach.Core.Plans;

/// <summary>One criterion of the return-to-run gate and how far the runner is from it.</summary>
/// <param name="Met">True when this criterion is satisfied.</param>
/// <param name="Status">What was measured against what is needed, in plain words ("24 of 30 single-leg heel raises on the sore leg: 6 more").</param>
public sealed record GateCriterion(string Id, bool Met, string Status);

/// <summary>
/// Criteria, not the calendar (Green et al., Sports Med Open 2022;8:10, Table 4; EVIDENCE.md 7a): pain-free loading,
/// single-leg heel raises on the sore leg of at least 30 and within 10 % of the other leg (where the other leg manages
/// fewer than 30, its own count is the target), and a knee-to-wall lunge within 10 % of the other side. Each test is
/// logged for both legs; the latest log of each counts, so a worse day shows.
/// </summary>
public static class ReturnToRunGate
{
    public const int HeelRaiseTarget = 30;

    /// <summary>The largest difference from the other leg the criteria allow.</summary>
    public const double MaxAsymmetry = 0.10;

    public static IReadOnlyList<GateCriterion> Evaluate(IReadOnlyList<ExerciseCheckIn> exercises, DateOnly day, int painFreeDays, int painFreeDaysNeeded)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        return
        [
            new("pain-free", painFreeDays >= painFreeDaysNeeded, painFreeDays >= painFreeDaysNeeded
                ? $"{painFreeDays} pain-free days in a row"
                : $"{painFreeDays} of {painFreeDaysNeeded} pain-free days in a row (morning score logged, nothing above 1/10)"),
            HeelRaises(Latest(exercises, day, ExerciseNames.SingleLegHeelRaise), Latest(exercises, day, ExerciseNames.SingleLegHeelRaiseOther)),
            KneeToWall(Latest(exercises, day, ExerciseNames.KneeToWall), Latest(exercises, day, ExerciseNames.KneeToWallOther)),
        ];
    }

    public static bool IsOpen(IReadOnlyList<GateCriterion> criteria) => criteria.All(c => c.Met);

    /// <summary>The criteria still missing, as one sentence for the plan.</summary>
    public static string Missing(IReadOnlyList<GateCriterion> criteria) =>
        string.Join("; ", criteria.Where(c => !c.Met).Select(c => c.Status));

    private static GateCriterion HeelRaises(int? sore, int? other)
    {
        const string id = "heel-raises";
        if (sore is null && other is null)
        {
            return new(id, false, $"single-leg heel-raise test not logged yet (both legs; {HeelRaiseTarget} on the sore leg is the aim)");
        }

        if (other is not { } o)
        {
            return new(id, false, $"{sore} single-leg heel raises on the sore leg; log the other leg too, to compare");
        }

        // A weaker good leg sets the bar: the criteria compare the two sides.
        var target = o < HeelRaiseTarget ? o : Math.Max(HeelRaiseTarget, (int)Math.Ceiling(o * (1 - MaxAsymmetry)));
        if (sore is not { } s)
        {
            return new(id, false, $"heel-raise test on the sore leg not logged yet ({target} is the aim)");
        }

        return s >= target
            ? new(id, true, $"{s} single-leg heel raises on the sore leg, {o} on the other ({Symmetry(s, o)})")
            : new(id, false, $"{s} of {target} single-leg heel raises on the sore leg ({target - s} more; the other leg managed {o})");
    }

    private static GateCriterion KneeToWall(int? sore, int? other)
    {
        const string id = "knee-to-wall";
        if (sore is not { } s || other is not { } o)
        {
            return new(id, false, "wall lunge (ankle bend) not logged for both legs yet (the distance from toes to wall, in cm)");
        }

        var target = (int)Math.Ceiling(o * (1 - MaxAsymmetry));
        return s >= target
            ? new(id, true, $"ankle bend to the wall {s} cm on the sore side, {o} cm on the other ({Symmetry(s, o)})")
            : new(id, false, $"ankle bend to the wall {s} of {target} cm on the sore side ({target - s} cm more; the other side reached {o} cm)");
    }

    private static string Symmetry(int sore, int other) =>
        other == 0 ? "both 0" : string.Create(CultureInfo.InvariantCulture, $"{Math.Min(100, 100.0 * sore / other):0} % of the other side");

    private static int? Latest(IReadOnlyList<ExerciseCheckIn> exercises, DateOnly day, string name) =>
        exercises.Where(e => e.Date <= day && e.Name == name).OrderBy(e => e.Date).Select(e => (int?)e.Reps).LastOrDefault();
}
