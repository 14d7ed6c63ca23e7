using System.Globalization;

namespace CalfCoach.Core.Analysis;

/// <summary>
/// Finds the causes of calf pain in a runner's own history: pure, over <see cref="RunFeatures"/> only (no streams),
/// recomputed on every request. One instance lives for one call and holds that call's working arrays.
/// </summary>
/// <remarks>
/// Only running counts as load, and only runs on or before the as-of date exist. Series (weeks, days, runs) run to the
/// as-of date; findings look only at events in <see cref="AnalysisSettings.LookbackDays"/> up to the onset, because
/// what happened after the pain began cannot have caused it. Heart rate: maximum from the profile, else the higher
/// of the highest recorded in the last two years and Tanaka's 208 − 0.7 × age, else
/// <see cref="AnalysisSettings.DefaultMaxHeartRateBpm"/>; resting from the profile, else
/// <see cref="AnalysisSettings.DefaultRestingHeartRateBpm"/>.
/// </remarks>
public sealed partial class Analyzer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly AthleteProfile _profile;
    private readonly AnalysisSettings _settings;
    private readonly DateOnly _asOf;
    private readonly DateOnly _onset;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _onsetWindowStart;
    private readonly Run[] _runs;
    private readonly int _runsToOnset;
    private readonly HeartRateBasis _heartRate;
    private double _easySpeed = double.NaN;

    private Analyzer(Run[] runs, AthleteProfile profile, AnalysisSettings settings, DateOnly asOf, DateOnly onset)
    {
        _runs = runs;
        _profile = profile;
        _settings = settings;
        _asOf = asOf;
        _onset = onset;
        _windowStart = onset.AddDays(-settings.LookbackDays);
        _onsetWindowStart = onset.AddDays(-settings.OnsetWindowDays);
        _runsToOnset = runs.Count(r => r.Date <= onset);
        _heartRate = HeartRateBasisFor(runs, profile, settings, asOf);
    }

    public static AnalysisResult Analyze(
        IReadOnlyList<RunFeatures> runs,
        AthleteProfile profile,
        IReadOnlyList<Shoe> shoes,
        DateOnly asOf,
        DateOnly onset,
        AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(shoes);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (onset > asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(onset), onset, "The onset cannot be after the as-of date.");
        }

        var zone = profile.TimeZone;
        var selected = new List<Run>(runs.Count);
        foreach (var features in runs)
        {
            ArgumentNullException.ThrowIfNull(features, nameof(runs));
            if (Counts(features, zone, asOf, out var date))
            {
                selected.Add(new Run(features, date));
            }
        }

        selected.Sort(static (a, b) => a.Features.StartUtc.CompareTo(b.Features.StartUtc));
        return new Analyzer([.. selected], profile, settings, asOf, onset).Execute(shoes);
    }

    /// <summary>
    /// The runs an analysis as of <paramref name="asOf"/> reads, in the order given: counted running on or before that day
    /// in the profile's zone. The analysis is a pure function of these, the profile, the shoes, the dates and the settings,
    /// so two histories with equal runs here give equal analyses whatever else they hold (a run added after the day).
    /// </summary>
    public static RunFeatures[] RunsRead(IReadOnlyList<RunFeatures> runs, AthleteProfile profile, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(profile);
        var zone = profile.TimeZone;
        var read = new List<RunFeatures>(runs.Count);
        foreach (var features in runs)
        {
            if (features is not null && Counts(features, zone, asOf, out _))
            {
                read.Add(features);
            }
        }

        return [.. read];
    }

    private static bool Counts(RunFeatures features, TimeZoneInfo? zone, DateOnly asOf, out DateOnly date)
    {
        date = default;
        return features.CountsAsRunningLoad && (date = features.LocalDate(zone)) <= asOf;
    }

    private AnalysisResult Execute(IReadOnlyList<Shoe> shoes)
    {
        ClassifyRuns();
        MeasureSpikes();
        var shoeStatus = AssignShoes(shoes);
        _easySpeed = EasySpeedAt(_onset);
        var cadence = FitCadence();
        var overstriding = cadence is null ? null : EstimateOverstriding(cadence);
        var days = DailyLoads();
        var findingWeeks = Weeks(_runsToOnset, _onset);

        var findings = new List<Finding>();
        AddIfAny(findings, WeeklyDistanceSpike(findingWeeks));
        AddIfAny(findings, AcuteChronicRatioHigh(days));
        AddIfAny(findings, LongRunSpike());
        AddIfAny(findings, NewSpeedwork());
        AddIfAny(findings, PaceIncrease());
        AddIfAny(findings, HillIncrease(findingWeeks));
        AddIfAny(findings, ReturnAfterBreak(findingWeeks));
        AddIfAny(findings, LowCadence(cadence));
        AddIfAny(findings, Overstriding(cadence, overstriding));
        AddIfAny(findings, WornShoes());
        AddIfAny(findings, CrampRiskEfforts());

        return new AnalysisResult
        {
            AsOf = _asOf,
            Onset = _onset,
            Findings = [.. findings
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => _onset.DayNumber - f.Dates.Where(d => d <= _onset).DefaultIfEmpty(f.Dates[0]).Max().DayNumber)
                .ThenBy(f => IndexOf(FindingIds.All, f.Id))],
            Weeks = Weeks(_runs.Length, _asOf),
            Days = days,
            Runs = [.. _runs.Select(r => r.Summary())],
            EasySpeedMetersPerSecond = double.IsNaN(_easySpeed) ? null : Math.Round(_easySpeed, 3),
            Cadence = cadence,
            Overstriding = overstriding,
            Shoes = shoeStatus,
            HeartRate = _heartRate,
        };
    }

    private static void AddIfAny(List<Finding> findings, Finding? finding)
    {
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return ids.Count;
    }

    private static HeartRateBasis HeartRateBasisFor(Run[] runs, AthleteProfile profile, AnalysisSettings settings, DateOnly asOf)
    {
        var (resting, restingSource) = profile.RestingHeartRateBpm is { } r ? (r, "profile") : (settings.DefaultRestingHeartRateBpm, "default");
        if (profile.MaxHeartRateBpm is { } max)
        {
            return new HeartRateBasis(max, "profile", resting, restingSource);
        }

        var since = asOf.AddYears(-2);
        double observed = 0;
        foreach (var run in runs)
        {
            if (run.Date >= since && run.Features.MaxHeartRateBpm is { } m && m <= 230)
            {
                observed = Math.Max(observed, m);
            }
        }

        // The highest recorded heart rate is a lower bound of the true maximum (easy runners never reach it), so the
        // estimate is the higher of it and Tanaka's 208 − 0.7 × age (or the default when the age is unknown).
        var (estimate, estimateSource) = profile.AgeOn(asOf) is { } age ? (208 - (0.7 * age), "age") : (settings.DefaultMaxHeartRateBpm, "default");
        var (best, source) = observed > estimate ? (observed, "runs") : (estimate, estimateSource);
        return new HeartRateBasis(Math.Round(best, 1), source, resting, restingSource);
    }

    /// <summary>Runs in the findings window (up to the onset).</summary>
    private IEnumerable<Run> WindowRuns() => _runs.Take(_runsToOnset).Where(r => r.Date >= _windowStart);

    private Severity NearOnset(Severity severity, DateOnly lastDay) =>
        lastDay >= _onsetWindowStart ? severity : severity.Downgraded();

    // ---- Text ----

    private string Distance(double kilometers) => DistanceText.Distance(kilometers, _profile.Units);

    private string WeeklyDistance(double kilometers) => DistanceText.WeeklyDistance(kilometers, _profile.Units);

    private string Pace(double metersPerSecond) => DistanceText.Pace(metersPerSecond, _profile.Units);

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", Invariant);

    private static string Days(IReadOnlyList<DateOnly> dates) => dates.Count <= 4
        ? string.Join(", ", dates.Select(Day))
        : string.Create(Invariant, $"{FindingText.Count(dates.Count, "run", "runs")} from {Day(dates[0])} to {Day(dates[^1])}");

    private static double R1(double value) => Math.Round(value, 1);

    /// <summary>One run and what the analysis worked out about it.</summary>
    private sealed class Run(RunFeatures features, DateOnly date)
    {
        public RunFeatures Features { get; } = features;

        public DateOnly Date { get; } = date;

        public double Kilometers { get; } = features.DistanceMeters / 1000;

        public double Minutes { get; } = features.MovingSeconds / 60;

        public SessionTraits Traits { get; set; }

        public double Trimp { get; set; }

        public double EasySpeed { get; set; } = double.NaN;

        public double HardSeconds { get; set; }

        /// <summary>Seconds in each of the <see cref="IntensityZones.Count"/> intensity zones (see <see cref="IntensityZones"/>).</summary>
        public double[] ZoneSeconds { get; } = new double[IntensityZones.Count];

        public double? LongestPrevious { get; set; }

        public double? SpikePercent { get; set; }

        public string? Shoe { get; set; }

        public double? ShoeKilometers { get; set; }

        public int? ShoeAgeDays { get; set; }

        public double? CadenceAtEasySpeed { get; set; }

        public bool Is(SessionTraits trait) => (Traits & trait) != 0;

        public RunSummary Summary() => new(
            Date, Features.StartUtc, Math.Round(Kilometers, 3), R1(Minutes), Traits, R1(Trimp), LongestPrevious is { } l ? Math.Round(l, 2) : null,
            SpikePercent is { } s ? R1(s) : null, Shoe, ShoeKilometers is { } k ? R1(k) : null, ShoeAgeDays,
            CadenceAtEasySpeed is { } c ? R1(c) : null,
            Features.AvgSpeedMetersPerSecond is { } v ? Math.Round(v, 3) : null,
            Features.MedianCadenceStepsPerMinute is { } m ? R1(m) : null);
    }
}
