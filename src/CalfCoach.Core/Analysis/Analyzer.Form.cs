using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Analysis;

// Running form from watch data: cadence against speed, its trend, and a step-length estimate of overstriding (EVIDENCE.md 5).
public sealed partial class Analyzer
{
    private const int TrendDays = 182;

    /// <summary>
    /// Fits cadence = a + b × speed by weighted least squares over the speed bins (weights: seconds) of the runs in
    /// the <see cref="AnalysisSettings.CadenceFitDays"/> before the onset, then moves every run's bins along that
    /// slope to the runner's easy speed, so runs at different paces are compared like with like.
    /// </summary>
    private CadenceRelation? FitCadence()
    {
        if (double.IsNaN(_easySpeed))
        {
            return null;
        }

        var from = _onset.AddDays(-_settings.CadenceFitDays);
        var fitRuns = _runs.Take(_runsToOnset).Where(r => r.Date > from && HasCadence(r)).ToList();
        if (fitRuns.Count < _settings.CadenceMinimumRuns)
        {
            return null;
        }

        var count = fitRuns.Sum(r => r.Features.SpeedBins.Count);
        var x = new double[count];
        var y = new double[count];
        var w = new double[count];
        var k = 0;
        foreach (var bin in fitRuns.SelectMany(r => r.Features.SpeedBins))
        {
            if (bin.MedianCadenceStepsPerMinute is { } cadence)
            {
                (x[k], y[k], w[k]) = (bin.MidMetersPerSecond, cadence, bin.Seconds);
                k++;
            }
        }

        var (intercept, slope, estimated) = TrainingMetrics.WeightedLine(x.AsSpan(0, k), y.AsSpan(0, k), w.AsSpan(0, k), _settings.CadenceMinimumSpeedSpreadMetersPerSecond);
        foreach (var run in _runs)
        {
            run.CadenceAtEasySpeed = CadenceAt(run, slope, _easySpeed);
        }

        var perRun = fitRuns.Select(r => r.CadenceAtEasySpeed!.Value).ToArray();
        var mean = perRun.Average();
        var sd = Math.Sqrt(perRun.Sum(c => (c - mean) * (c - mean)) / (perRun.Length - 1));

        var trendRuns = _runs.Take(_runsToOnset).Where(r => r.Date > _onset.AddDays(-TrendDays) && r.CadenceAtEasySpeed is not null).ToList();
        double? trend = null;
        if (trendRuns.Count >= 3 && trendRuns[^1].Date.DayNumber - trendRuns[0].Date.DayNumber >= 14)
        {
            var days = trendRuns.Select(r => (double)r.Date.DayNumber).ToArray();
            var cadences = trendRuns.Select(r => r.CadenceAtEasySpeed!.Value).ToArray();
            var ones = Enumerable.Repeat(1.0, days.Length).ToArray();
            trend = Math.Round(TrainingMetrics.WeightedLine(days, cadences, ones, 0).Slope * 30, 2);
        }

        return new CadenceRelation(
            Math.Round(intercept, 2),
            Math.Round(slope, 2),
            estimated,
            Math.Round(_easySpeed, 3),
            R1(intercept + (slope * _easySpeed)),
            Math.Round(sd / Math.Sqrt(perRun.Length), 2),
            fitRuns.Count,
            trend);
    }

    private static bool HasCadence(Run run) => run.Features.SpeedBins.Any(b => b.MedianCadenceStepsPerMinute is not null);

    private static double? CadenceAt(Run run, double slope, double speed)
    {
        double sum = 0, weight = 0;
        foreach (var bin in run.Features.SpeedBins)
        {
            if (bin.MedianCadenceStepsPerMinute is { } cadence)
            {
                sum += bin.Seconds * (cadence + (slope * (speed - bin.MidMetersPerSecond)));
                weight += bin.Seconds;
            }
        }

        return weight > 0 ? sum / weight : null;
    }

    /// <summary>Reference cadence for this runner's leg length (dynamic similarity: ∝ 1/√leg length).</summary>
    private double ReferenceCadence(double legLength) =>
        _settings.ReferenceCadenceStepsPerMinute * Math.Sqrt(_settings.ReferenceLegLengthMeters / legLength);

    private OverstridingEstimate? EstimateOverstriding(CadenceRelation cadence)
    {
        var estimated = _profile.LegLengthMeters is null;
        if ((_profile.LegLengthMeters ?? (_profile.HeightMeters * _settings.LegLengthFractionOfHeight)) is not { } leg)
        {
            return null;
        }

        var reference = ReferenceCadence(leg);
        var ratio = reference / cadence.CadenceAtEasySpeed;

        // 95 % interval: cadence standard error, plus leg length (±4 % estimated from height, ±1 % measured; halved by the square root).
        var legRelative = estimated ? 0.04 : 0.01;
        var relative = Math.Sqrt(Math.Pow(cadence.StandardErrorStepsPerMinute / cadence.CadenceAtEasySpeed, 2) + Math.Pow(legRelative / 2, 2));
        var step = cadence.EasySpeedMetersPerSecond * 60 / cadence.CadenceAtEasySpeed;
        return new OverstridingEstimate(
            Math.Round(step, 3),
            _profile.HeightMeters is { } height ? Math.Round(step / height, 3) : null,
            R1(reference),
            Math.Round(ratio, 3),
            Math.Round(ratio * (1 - (1.96 * relative)), 3),
            Math.Round(ratio * (1 + (1.96 * relative)), 3),
            estimated);
    }

    private IEnumerable<Run> CadenceWindowRuns() =>
        _runs.Take(_runsToOnset).Where(r => r.Date > _onset.AddDays(-_settings.CadenceFitDays) && r.CadenceAtEasySpeed is not null);

    private Finding? LowCadence(CadenceRelation? cadence)
    {
        if (cadence is null || cadence.CadenceAtEasySpeed >= _settings.LowCadenceStepsPerMinute)
        {
            return null;
        }

        var low = CadenceWindowRuns().Where(r => r.CadenceAtEasySpeed < _settings.LowCadenceStepsPerMinute).ToList();
        // The plan's own rounding, so this finding, the plan and the metronome give one target.
        var start = CadencePlan.StartSpm(cadence.CadenceAtEasySpeed);
        var target = CadencePlan.FirstTargetSpm(cadence.CadenceAtEasySpeed) ?? start;
        return new Finding(
            FindingIds.LowCadence,
            Severity.Moderate,
            [.. low.Select(r => r.Date)],
            new Dictionary<string, double>
            {
                ["cadenceSpm"] = cadence.CadenceAtEasySpeed,
                ["standardErrorSpm"] = cadence.StandardErrorStepsPerMinute,
                ["easySpeedMps"] = Math.Round(cadence.EasySpeedMetersPerSecond, 2),
                ["thresholdSpm"] = _settings.LowCadenceStepsPerMinute,
                ["startCadenceSpm"] = start,
                ["firstTargetSpm"] = target,
            },
            string.Create(Invariant,
                $"At your easy pace ({Pace(cadence.EasySpeedMetersPerSecond)}) you take about {cadence.CadenceAtEasySpeed:0} steps per minute (± {cadence.StandardErrorStepsPerMinute:0.0}, from {cadence.Runs} runs in the last {_settings.CadenceFitDays / 7} weeks), "
                + $"below {_settings.LowCadenceStepsPerMinute:0}. ")
            + "Slightly quicker, shorter steps reduce the load on the lower leg and lowered Achilles tendon strain in a laboratory study; "
            + "cadence also depends on height and speed, so this compares you at your own easy pace.",
            new FindingAction("cadence-retraining", string.Create(Invariant, $"Start from {start:0} steps/min; first target {target:0} (+{CadencePlan.StepFraction * 100:0}%).")));
    }

    private Finding? Overstriding(CadenceRelation? cadence, OverstridingEstimate? estimate)
    {
        if (cadence is null || estimate is null || estimate.Ratio < _settings.OverstridingStepLengthRatio)
        {
            return null;
        }

        var leg = _profile.LegLengthMeters ?? (_profile.HeightMeters!.Value * _settings.LegLengthFractionOfHeight);
        var reference = ReferenceCadence(leg);
        var runs = CadenceWindowRuns().Where(r => reference / r.CadenceAtEasySpeed!.Value >= _settings.OverstridingStepLengthRatio).ToList();
        var values = new Dictionary<string, double>
        {
            ["stepLengthM"] = estimate.StepLengthMeters,
            ["stepLengthRatio"] = estimate.Ratio,
            ["stepLengthRatioLow"] = estimate.RatioLow,
            ["stepLengthRatioHigh"] = estimate.RatioHigh,
            ["thresholdRatio"] = _settings.OverstridingStepLengthRatio,
            ["referenceCadenceSpm"] = estimate.ReferenceCadenceStepsPerMinute,
            ["easySpeedMps"] = Math.Round(cadence.EasySpeedMetersPerSecond, 2),
        };
        if (estimate.StepLengthFractionOfHeight is { } fraction)
        {
            values["stepLengthFractionOfHeight"] = fraction;
        }

        return new Finding(
            FindingIds.Overstriding,
            Severity.Low,
            [.. runs.Select(r => r.Date)],
            values,
            string.Create(Invariant,
                $"Possible overstriding: at your easy pace your steps are about {estimate.StepLengthMeters:0.00} m, {(estimate.Ratio - 1) * 100:0}% longer than expected for your leg length "
                + $"(95% range {(estimate.RatioLow - 1) * 100:0}% to {(estimate.RatioHigh - 1) * 100:0}%{(estimate.LegLengthEstimated ? ", leg length estimated from height" : "")}). ")
            + "A watch cannot see where your foot lands, and there is no validated threshold, so this is only a prompt to have your running filmed or assessed.",
            new FindingAction("gait-analysis", "Film your running from the side; slightly shorter, quicker steps are the usual first change."));
    }
}
