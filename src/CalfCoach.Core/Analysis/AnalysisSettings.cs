namespace CalfCoach.Core.Analysis;

/// <summary>
/// Every threshold of the training analysis, with where it comes from. Section numbers refer to
/// <c>shared/reference/EVIDENCE.md</c>. Values marked heuristic have no study behind the number itself;
/// they are there to turn a continuous signal into a finding and can be tuned per runner.
/// </summary>
public sealed record AnalysisSettings
{
    public static AnalysisSettings Default { get; } = new();

    // ---- Windows ----

    /// <summary>Findings consider events in this many days up to the onset (12 weeks). Heuristic: older load has been absorbed.</summary>
    public int LookbackDays { get; init; } = 84;

    /// <summary>Events in this many days before the onset weigh most (issue 4: "the 3 weeks before onset"); older ones are downgraded one severity level.</summary>
    public int OnsetWindowDays { get; init; } = 21;

    // ---- Weekly distance (3.1, 3.2) ----

    /// <summary>
    /// Week-over-week increase that counts as a spike: Nielsen 2014's &gt;30 % band (HR 1.59, 95 % CI 0.96–2.66, for
    /// distance-related injuries, which exclude the calf) (3.2). The 10 % rule is not used: it is not supported (3.1).
    /// </summary>
    public double WeeklySpikePercent { get; init; } = 30;

    /// <summary>The spiking week must also exceed the mean of the 4 weeks before it by this much, so a normal week after a recovery week is not a spike. Heuristic.</summary>
    public double WeeklySpikeOverRollingMeanPercent { get; init; } = 10;

    /// <summary>Ignore spikes smaller than this in absolute terms (3 → 5 km is +67 % but no load). Heuristic.</summary>
    public double WeeklySpikeMinimumIncreaseKilometers { get; init; } = 5;

    /// <summary>Weeks in the rolling mean of weekly distance.</summary>
    public int RollingMeanWeeks { get; init; } = 4;

    // ---- Acute:chronic workload ratio (3.4, contested) ----

    /// <summary>Acute window, and N of the acute EWMA (λ = 2/(N + 1) = 0.25) (3.4, Williams 2017).</summary>
    public int AcuteDays { get; init; } = 7;

    /// <summary>Chronic window (coupled: includes the acute week), and N of the chronic EWMA (λ = 2/29 ≈ 0.069) (3.4).</summary>
    public int ChronicDays { get; init; } = 28;

    /// <summary>Gabbett 2016's "danger zone" (≥ 1.5), from team sports; contested (Impellizzeri 2020, Lolli 2019) and negative in runners (Frandsen 2025), so the finding is always low severity (3.4).</summary>
    public double AcwrHighRatio { get; init; } = 1.5;

    /// <summary>The "sweet spot" band (0.8–1.3) drawn on the workload-ratio chart and named on the dashboard; from team sports and contested like <see cref="AcwrHighRatio"/> (3.4).</summary>
    public double AcwrUsualLow { get; init; } = 0.8;

    /// <inheritdoc cref="AcwrUsualLow"/>
    public double AcwrUsualHigh { get; init; } = 1.3;

    /// <summary>The workload ratio in words, by the bands above; never "safe" or "risky": the bands are contested (3.4).</summary>
    public string DescribeWorkloadRatio(double ratio) =>
        ratio < AcwrUsualLow ? "lower than your usual load"
        : ratio <= AcwrUsualHigh ? "close to your usual load"
        : ratio < AcwrHighRatio ? "above your usual load"
        : "well above your usual load";

    /// <summary>No ratio while the chronic load is below this (a near-zero denominator makes any run a "spike"). Heuristic.</summary>
    public double AcwrMinimumChronicKilometersPerDay { get; init; } = 1;

    // ---- Single-session spike (3.3, Frandsen 2025) ----

    /// <summary>A run is compared with the longest run of this many preceding days (3.3).</summary>
    public int SpikeWindowDays { get; init; } = 30;

    /// <summary>Above this increase over the 30-day longest: small spike, HRR 1.64 (1.31–2.05) (3.3).</summary>
    public double SmallSpikePercent { get; init; } = 10;

    /// <summary>Above this: moderate spike, HRR 1.52 (1.16–2.00) (3.3).</summary>
    public double ModerateSpikePercent { get; init; } = 30;

    /// <summary>Above this: large spike, HRR 2.28 (1.50–3.48) (3.3).</summary>
    public double LargeSpikePercent { get; init; } = 100;

    /// <summary>Ignore increases smaller than this (GPS noise on a repeated route). Heuristic.</summary>
    public double SpikeMinimumIncreaseKilometers { get; init; } = 0.5;

    // ---- Intensity (3.2) ----

    /// <summary>A run with at least this many detected fast repeats is an interval session. Heuristic.</summary>
    public int IntervalMinimumRepeats { get; init; } = 3;

    /// <summary>A run whose best 20 minutes are this much faster than the runner's easy speed is a tempo session. Heuristic.</summary>
    public double TempoSpeedFactor { get; init; } = 1.12;

    /// <summary>A run of ≥ 15 min averaging this fraction of maximum heart rate is race-like. Heuristic.</summary>
    public double RaceHeartRateFractionOfMax { get; init; } = 0.90;

    /// <summary>Time with heart rate above this fraction of the heart-rate reserve is "hard" (Karvonen; ≈ threshold). Heuristic.</summary>
    public double HardHeartRateFractionOfReserve { get; init; } = 0.80;

    /// <summary>
    /// Speedwork after at least this many weeks without any is "new speedwork". Nielsen's group suggests calf and Achilles
    /// problems are pace-related (3.2, weak); the gap length is a heuristic.
    /// </summary>
    public int SpeedworkGapWeeks { get; init; } = 4;

    /// <summary>The runner's easy speed is the median average speed of non-speedwork runs over this many days. Heuristic.</summary>
    public int EasyReferenceDays { get; init; } = 56;

    /// <summary>Easy runs in the last <see cref="OnsetWindowDays"/> this much faster than in the <see cref="EasyReferenceDays"/> before: pace increase (3.2, weak). Heuristic.</summary>
    public double PaceIncreasePercent { get; init; } = 5;

    // ---- Hills ----

    /// <summary>Weekly ascent this much above the mean of the 4 weeks before. Heuristic (uphill running raises calf demand).</summary>
    public double HillIncreasePercent { get; init; } = 50;

    /// <summary>… and at least this many metres more. Heuristic (barometric ascent has noise).</summary>
    public double HillMinimumIncreaseMeters { get; init; } = 200;

    // ---- Return after a break (3.6) ----

    /// <summary>At least this many consecutive weeks without running make a break. Heuristic.</summary>
    public int BreakWeeks { get; init; } = 2;

    /// <summary>The first weeks after a break, in which a jump is looked for.</summary>
    public int ReturnWindowWeeks { get; init; } = 3;

    /// <summary>
    /// A return week reaching this fraction of the 4-week mean before the break is a jump. Heuristic; the rehab
    /// protocols in 3.6 build up over weeks (≤ 20 % a week).
    /// </summary>
    public double ReturnJumpFractionOfBefore { get; init; } = 0.75;

    // ---- Cadence and overstriding (5.1–5.4) ----

    /// <summary>Cadence at the runner's easy speed below this is low: the ≤ 166 spm low-rate group (5.1, Luedke; small cohort).</summary>
    public double LowCadenceStepsPerMinute { get; init; } = 166;

    /// <summary>Runs in this many days before the onset feed the cadence~speed fit.</summary>
    public int CadenceFitDays { get; init; } = 56;

    /// <summary>With less speed spread than this the slope is not estimable and cadence is taken as flat. Heuristic.</summary>
    public double CadenceMinimumSpeedSpreadMetersPerSecond { get; init; } = 0.3;

    /// <summary>Cadence findings need at least this many runs with cadence in the fit window.</summary>
    public int CadenceMinimumRuns { get; init; } = 3;

    /// <summary>Reference cadence for a runner with <see cref="ReferenceLegLengthMeters"/> (Lieberman 2015: ≈170 spm optimum at 3.0 m/s) (5.1).</summary>
    public double ReferenceCadenceStepsPerMinute { get; init; } = 170;

    /// <summary>Leg length of the reference runner (≈ 1.75 m tall). Cadence scales with 1/√(leg length) (dynamic similarity).</summary>
    public double ReferenceLegLengthMeters { get; init; } = 0.92;

    /// <summary>Leg length estimate when the profile has only height (anthropometric average, ±4 %).</summary>
    public double LegLengthFractionOfHeight { get; init; } = 0.53;

    /// <summary>
    /// Step length this many times the reference runner's at the same speed, scaled to leg length, is "possible overstriding".
    /// 10 % because ±10 % step rate changed joint loading measurably (Heiderscheit 2011, 5.2); no validated threshold (5.4).
    /// </summary>
    public double OverstridingStepLengthRatio { get; init; } = 1.10;

    // ---- Long, hard or hot efforts (2.6) ----

    /// <summary>Efforts at least this long (moving time) where cramps are more likely (2.6: Schwellnus, long races). Heuristic cut-off.</summary>
    public double LongEffortMinutes { get; init; } = 90;

    /// <summary>Mean device temperature from which an effort is hot (2.6: Bergeron, "long hot efforts"). Wrist sensors read high.</summary>
    public double HotCelsius { get; init; } = 25;

    // ---- Heart-rate load (Banister TRIMP) ----

    /// <summary>Resting heart rate when the profile has none (typical adult; TRIMP is only mildly sensitive to it).</summary>
    public double DefaultRestingHeartRateBpm { get; init; } = 60;

    /// <summary>Maximum heart rate estimate without a profile value or date of birth (Tanaka 208 − 0.7 × age otherwise); the highest recorded wins if higher.</summary>
    public double DefaultMaxHeartRateBpm { get; init; } = 190;

    /// <summary>Banister TRIMP weighting exponent (1.92 men, 1.67 women; the profile has no sex, the relative load is what matters).</summary>
    public double TrimpExponent { get; init; } = 1.92;

    /// <summary>Heart-rate reserve fraction assumed at easy speed for runs without heart rate (their load is estimated from pace). Heuristic.</summary>
    public double EasyFractionOfReserve { get; init; } = 0.65;

    /// <summary>Throws when a setting makes no sense (negative windows, inverted bands).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackDays, 7);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OnsetWindowDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AcuteDays);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ChronicDays, AcuteDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SpikeWindowDays);
        ArgumentOutOfRangeException.ThrowIfNegative(SmallSpikePercent);
        ArgumentOutOfRangeException.ThrowIfLessThan(ModerateSpikePercent, SmallSpikePercent);
        ArgumentOutOfRangeException.ThrowIfLessThan(LargeSpikePercent, ModerateSpikePercent);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RollingMeanWeeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SpeedworkGapWeeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BreakWeeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReturnWindowWeeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EasyReferenceDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CadenceFitDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReferenceCadenceStepsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReferenceLegLengthMeters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LegLengthFractionOfHeight);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultMaxHeartRateBpm, DefaultRestingHeartRateBpm);
    }
}
