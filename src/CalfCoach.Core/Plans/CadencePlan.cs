namespace CalfCoach.Core.Plans;

/// <summary>One cadence step: the target, held for <see cref="CadencePlan.WeeksPerStep"/> weeks.</summary>
public sealed record CadenceStep(int Index, int TargetSpm);

/// <summary>
/// Cadence retraining (EVIDENCE.md 5.3): +5 % per step (never more than 10 %), each held about 2 weeks,
/// stopping once within 170–180 steps/min at easy pace.
/// </summary>
public static class CadencePlan
{
    public const double StepFraction = 0.05;
    public const double MaxStepFraction = 0.10;
    public const int WeeksPerStep = 2;
    public const int TargetMin = 170;
    public const int TargetMax = 180;

    /// <summary>
    /// Where the plan starts from: the measured easy cadence to the nearest whole step per minute. Every target is counted
    /// from this one rounding, so the finding, the plan, the report and the metronome name the same number (a raw 159.6
    /// once gave 167 on the metronome page and 168 in the plan).
    /// </summary>
    public static int StartSpm(double measuredSpm)
    {
        if (!double.IsFinite(measuredSpm) || measuredSpm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(measuredSpm), measuredSpm, "Cadence must be a positive number.");
        }

        return (int)Math.Round(measuredSpm, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first target to practise, or null when the measured cadence is already 170 or more.</summary>
    public static int? FirstTargetSpm(double measuredSpm) =>
        Steps(measuredSpm) is { Count: > 0 } steps ? steps[0].TargetSpm : null;

    /// <summary>The steps from a measured easy cadence (counted from <see cref="StartSpm"/>); empty when it is already 170 or more.</summary>
    public static IReadOnlyList<CadenceStep> Steps(double measuredSpm)
    {
        var steps = new List<CadenceStep>();
        double current = StartSpm(measuredSpm);
        while (current < TargetMin)
        {
            // Round down so a step never exceeds +5 % (and so never the 10 % ceiling); at least +1 spm.
            var next = Math.Max(Math.Floor(current * (1 + StepFraction)), Math.Floor(current) + 1);
            next = Math.Min(next, TargetMax);
            steps.Add(new CadenceStep(steps.Count, (int)next));
            current = next;
        }

        return steps;
    }

    /// <summary>The step to practise <paramref name="weeksIn"/> whole weeks after starting, or null once done.</summary>
    public static CadenceStep? StepAt(double measuredSpm, int weeksIn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeksIn);
        var steps = Steps(measuredSpm);
        var index = weeksIn / WeeksPerStep;
        return steps.Count == 0 ? null : steps[Math.Min(index, steps.Count - 1)];
    }
}
