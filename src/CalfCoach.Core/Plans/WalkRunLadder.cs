namespace CalfCoach.Core.Plans;

/// <summary>One rung of the walk–run ladder.</summary>
/// <param name="WalkMinutes">Walking minutes per repeat (0 for continuous running).</param>
/// <param name="RunMinutes">Running minutes per repeat.</param>
public sealed record WalkRunStage(int Index, int WalkMinutes, int RunMinutes, int RepeatsMin, int RepeatsMax)
{
    public string Describe() => WalkMinutes == 0
        ? $"run {RunMinutes} min continuously (easy pace), {RepeatsMin}–{RepeatsMax} times with a walk between"
        : $"walk {WalkMinutes} min / run {RunMinutes} min, repeated {RepeatsMin}–{RepeatsMax} times";
}

/// <summary>
/// The example walk–run ladder of EVIDENCE.md 3.6 (practice protocol citing Green et al. 2022):
/// walk 4/run 1 ×3–6 → 3/2 → 2/3 → 1/4 → 5 min continuous; 2–3 days per stage.
/// </summary>
public static class WalkRunLadder
{
    /// <summary>Sessions at a stage that must go well (pain during ≤ 2, settled next morning) before moving up (EVIDENCE.md 3.6: 2–3 days per stage).</summary>
    public const int QualifyingSessionsToAdvance = 2;

    /// <summary>Highest pain during a run session that still allows progress (EVIDENCE.md 3.6: hop/run pain ≤ 1–2/10; 4.2: 0–2 "safe").</summary>
    public const int MaxPainToAdvance = 2;

    /// <summary>Above this pain during a session, step back a stage (EVIDENCE.md 4.2: > 5 "high risk"; 3.6: if pain increases, go back a stage).</summary>
    public const int PainToStepBack = 5;

    /// <summary>
    /// First running week's cap as a fraction of the pre-injury weekly distance. A programme choice (EVIDENCE.md 3.6
    /// gives no number); the cap then rises at most 20 % a week (3.6, Nutrients 2019 protocol) up to the pre-injury distance.
    /// </summary>
    public const double InitialWeeklyFraction = 0.3;

    /// <summary>EVIDENCE.md 3.6: ≤ 20 % distance increase per week.</summary>
    public const double WeeklyIncrease = 0.20;

    public static IReadOnlyList<WalkRunStage> Stages { get; } =
    [
        new(0, 4, 1, 3, 6),
        new(1, 3, 2, 3, 6),
        new(2, 2, 3, 3, 6),
        new(3, 1, 4, 3, 6),
        new(4, 0, 5, 3, 6),
    ];

    public static int LastStage => Stages.Count - 1;

    /// <summary>
    /// The weekly running cap in week <paramref name="weekIndex"/> (0 = first week) of running:
    /// <see cref="InitialWeeklyFraction"/> of the pre-injury distance, growing ×1.2 a week, never above it.
    /// </summary>
    public static double WeeklyCapKm(double preInjuryWeeklyKm, int weekIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(preInjuryWeeklyKm);
        ArgumentOutOfRangeException.ThrowIfNegative(weekIndex);
        var fraction = InitialWeeklyFraction * Math.Pow(1 + WeeklyIncrease, weekIndex);
        return Math.Round(preInjuryWeeklyKm * Math.Min(1.0, fraction), 1);
    }
}
