namespace CalfCoach.Core.Analysis;

// Intensity: session kinds, TRIMP, new speedwork, easy pace, long/hard/hot efforts (EVIDENCE.md 2.6, 3.2).
public sealed partial class Analyzer
{
    /// <summary>
    /// Classifies each run and computes its TRIMP. A run's easy reference is the median average speed of the
    /// non-interval, non-race runs of the previous <see cref="AnalysisSettings.EasyReferenceDays"/> days, so tempo
    /// is judged against the runner's pace at the time. Race-like: the name says so, or ≥ 15 min averaging
    /// <see cref="AnalysisSettings.RaceHeartRateFractionOfMax"/> of maximum heart rate.
    /// </summary>
    private void ClassifyRuns()
    {
        var max = _heartRate.MaxBpm;
        var rest = _heartRate.RestingBpm;
        var hardBpm = rest + (_settings.HardHeartRateFractionOfReserve * (max - rest));
        var buffer = new double[64];
        var left = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            var run = _runs[i];
            var f = run.Features;
            var from = run.Date.AddDays(-_settings.EasyReferenceDays);
            while (left < i && _runs[left].Date < from)
            {
                left++;
            }

            var n = 0;
            for (var j = left; j < i; j++)
            {
                if (_runs[j].Date < run.Date && !_runs[j].Is(SessionTraits.Intervals | SessionTraits.Race)
                    && _runs[j].Features.AvgSpeedMetersPerSecond is { } speed)
                {
                    if (n == buffer.Length)
                    {
                        Array.Resize(ref buffer, n * 2);
                    }

                    buffer[n++] = speed;
                }
            }

            run.EasySpeed = n >= 3 ? TrainingMetrics.Median(buffer.AsSpan(0, n)) : double.NaN;

            var traits = SessionTraits.None;
            if (f.IntervalRepeats >= _settings.IntervalMinimumRepeats)
            {
                traits |= SessionTraits.Intervals;
            }

            if (f.NameSuggestsRace || (f.AvgHeartRateBpm >= _settings.RaceHeartRateFractionOfMax * max && run.Minutes >= 15))
            {
                traits |= SessionTraits.Race;
            }

            if (!double.IsNaN(run.EasySpeed) && f.BestTwentyMinuteSpeedMetersPerSecond >= _settings.TempoSpeedFactor * run.EasySpeed)
            {
                traits |= SessionTraits.Tempo;
            }

            if (run.Minutes >= _settings.LongEffortMinutes)
            {
                traits |= SessionTraits.LongEffort;
            }

            if (f.MeanTemperatureCelsius >= _settings.HotCelsius)
            {
                traits |= SessionTraits.Hot;
            }

            if ((traits & SessionTraits.Speedwork) != 0 || f.AvgHeartRateBpm >= hardBpm)
            {
                traits |= SessionTraits.Hard;
            }

            run.Traits = traits;
            (run.Trimp, run.HardSeconds) = LoadOf(run, rest, max, hardBpm);
        }
    }

    /// <summary>
    /// Banister TRIMP from the heart-rate histogram when it covers at least half the moving time; otherwise
    /// estimated from pace: the reserve fraction is <see cref="AnalysisSettings.EasyFractionOfReserve"/> × speed ÷ easy speed.
    /// </summary>
    private (double Trimp, double HardSeconds) LoadOf(Run run, double rest, double max, double hardBpm)
    {
        var f = run.Features;
        double heartRateSeconds = 0, hardSeconds = 0;
        foreach (var bin in f.HeartRateBins)
        {
            heartRateSeconds += bin.Seconds;
            hardSeconds += bin.MidBpm >= hardBpm ? bin.Seconds : 0;
        }

        if (heartRateSeconds >= 0.5 * f.MovingSeconds && heartRateSeconds > 0)
        {
            foreach (var bin in f.HeartRateBins)
            {
                run.ZoneSeconds[IntensityZones.OfHeartRateReserve((bin.MidBpm - rest) / (max - rest))] += bin.Seconds;
            }

            return (TrainingMetrics.BanisterTrimp(f.HeartRateBins, rest, max, _settings.TrimpExponent), hardSeconds);
        }

        var relative = f.AvgSpeedMetersPerSecond is { } speed && !double.IsNaN(run.EasySpeed) ? speed / run.EasySpeed : 1;
        hardSeconds = 0;
        if (!double.IsNaN(run.EasySpeed))
        {
            foreach (var bin in f.SpeedBins)
            {
                hardSeconds += bin.MidMetersPerSecond >= _settings.TempoSpeedFactor * run.EasySpeed ? bin.Seconds : 0;
                run.ZoneSeconds[IntensityZones.OfSpeedRelativeToEasy(bin.MidMetersPerSecond / run.EasySpeed)] += bin.Seconds;
            }
        }

        return (run.Minutes * TrainingMetrics.TrimpPerMinute(_settings.EasyFractionOfReserve * relative, _settings.TrimpExponent), hardSeconds);
    }

    /// <summary>Median average speed of non-speedwork runs in the <see cref="AnalysisSettings.EasyReferenceDays"/> up to <paramref name="date"/> (all earlier ones if fewer than 3).</summary>
    private double EasySpeedAt(DateOnly date)
    {
        var easy = _runs.Where(r => r.Date <= date && !r.Is(SessionTraits.Speedwork) && r.Features.AvgSpeedMetersPerSecond is not null).ToList();
        var recent = easy.Where(r => r.Date > date.AddDays(-_settings.EasyReferenceDays)).ToList();
        var chosen = recent.Count >= 3 ? recent : easy;
        return TrainingMetrics.Median(chosen.Select(r => r.Features.AvgSpeedMetersPerSecond!.Value).ToArray());
    }

    private Finding? NewSpeedwork()
    {
        var gapDays = _settings.SpeedworkGapWeeks * 7;
        var history = _runs.Length > 0 ? _runs[0].Date : _onset;
        var hits = new List<Run>();
        DateOnly? previous = null;
        var blockIsNew = false;
        var gapWeeks = 0;
        foreach (var run in _runs.Take(_runsToOnset).Where(r => r.Is(SessionTraits.Speedwork)))
        {
            var since = previous ?? history;
            if (run.Date.DayNumber - since.DayNumber >= gapDays)
            {
                blockIsNew = run.Date >= _windowStart;
                gapWeeks = (run.Date.DayNumber - since.DayNumber) / 7;
                hits.Clear();
            }
            else if (previous is null)
            {
                blockIsNew = false; // speedwork from the start of the history: nothing to compare with
            }

            if (blockIsNew)
            {
                hits.Add(run);
            }

            previous = run.Date;
        }

        if (hits.Count == 0)
        {
            return null;
        }

        var first = hits[0];
        var kinds = string.Join(", ", new[] { (SessionTraits.Intervals, "intervals"), (SessionTraits.Tempo, "tempo runs"), (SessionTraits.Race, "races") }
            .Where(k => hits.Any(r => r.Is(k.Item1))).Select(k => k.Item2));
        return new Finding(
            FindingIds.NewSpeedwork,
            NearOnset(Severity.Moderate, hits[^1].Date),
            [.. hits.Select(r => r.Date)],
            new Dictionary<string, double>
            {
                ["sessions"] = hits.Count,
                ["weeksWithoutSpeedwork"] = gapWeeks,
                ["gapThresholdWeeks"] = _settings.SpeedworkGapWeeks,
            },
            string.Create(Invariant,
                $"From {Day(first.Date)} you ran {FindingText.Count(hits.Count, "faster session", "faster sessions")} ({kinds}) after {FindingText.Count(gapWeeks, "week", "weeks")} without any. ")
            + "Faster running loads the calf and Achilles more per step than easy running, and researchers suspect calf problems are linked more to pace than to distance (a hypothesis, not yet proven).",
            new FindingAction("load-progression", "Bring speedwork back one short session a week, not in the same week as more distance."));
    }

    private Finding? PaceIncrease()
    {
        var recentStart = _onsetWindowStart;
        var baselineStart = recentStart.AddDays(-_settings.EasyReferenceDays);
        bool Easy(Run r) => !r.Is(SessionTraits.Speedwork) && r.Features.AvgSpeedMetersPerSecond is not null && r.Date <= _onset;
        var recent = _runs.Where(r => Easy(r) && r.Date > recentStart).ToList();
        var baseline = _runs.Where(r => Easy(r) && r.Date > baselineStart && r.Date <= recentStart).ToList();
        if (recent.Count < 3 || baseline.Count < 3)
        {
            return null;
        }

        var before = TrainingMetrics.Median(baseline.Select(r => r.Features.AvgSpeedMetersPerSecond!.Value).ToArray());
        var now = TrainingMetrics.Median(recent.Select(r => r.Features.AvgSpeedMetersPerSecond!.Value).ToArray());
        var change = TrainingMetrics.ChangePercent(now, before)!.Value;
        if (Math.Round(change, 1) < _settings.PaceIncreasePercent)
        {
            return null;
        }

        var faster = recent.Where(r => r.Features.AvgSpeedMetersPerSecond >= before * (1 + (_settings.PaceIncreasePercent / 100))).ToList();
        return new Finding(
            FindingIds.PaceIncrease,
            Severity.Low,
            [.. faster.Select(r => r.Date)],
            new Dictionary<string, double>
            {
                ["easySpeedBeforeMps"] = Math.Round(before, 2),
                ["easySpeedRecentMps"] = Math.Round(now, 2),
                ["changePercent"] = R1(change),
                ["thresholdPercent"] = _settings.PaceIncreasePercent,
            },
            string.Create(Invariant,
                $"Your easy runs in the {_settings.OnsetWindowDays / 7} weeks before the pain averaged {Pace(now)}, against {Pace(before)} in the weeks before that: {change:0}% faster. ")
            + "Running easy days faster adds load that weekly distance does not show; the link with calf pain is plausible but not well studied.",
            new FindingAction("load-progression", string.Create(Invariant, $"Keep easy runs at about {Pace(before)}.")));
    }

    private Finding? CrampRiskEfforts()
    {
        var hits = WindowRuns().Where(r => r.Is(SessionTraits.LongEffort) && r.Is(SessionTraits.Hot | SessionTraits.Hard)).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        Severity SeverityOf(Run r) => NearOnset(r.Is(SessionTraits.Hot) && r.Is(SessionTraits.Hard) ? Severity.High : Severity.Moderate, r.Date);
        var top = hits.OrderByDescending(SeverityOf).ThenByDescending(r => r.Date).First();
        var values = new Dictionary<string, double>
        {
            ["movingMinutes"] = Math.Round(top.Minutes),
            ["longThresholdMinutes"] = _settings.LongEffortMinutes,
            ["hotThresholdCelsius"] = _settings.HotCelsius,
        };
        if (top.Features.MeanTemperatureCelsius is { } temperature)
        {
            values["meanTemperatureCelsius"] = R1(temperature);
        }

        var why = (top.Is(SessionTraits.Hot), top.Is(SessionTraits.Hard)) switch
        {
            (true, true) => string.Create(Invariant, $"hard and hot ({top.Features.MeanTemperatureCelsius:0} °C on the device)"),
            (true, false) => string.Create(Invariant, $"hot ({top.Features.MeanTemperatureCelsius:0} °C on the device)"),
            _ => "hard",
        };
        return new Finding(
            FindingIds.CrampRiskEfforts,
            hits.Max(SeverityOf),
            [.. hits.Select(r => r.Date)],
            values,
            string.Create(Invariant, $"On {Day(top.Date)} you ran for {top.Minutes:0} minutes, {why}. ")
            + (hits.Count > 1 ? string.Create(Invariant, $"{hits.Count} long efforts like this: {Days([.. hits.Select(r => r.Date)])}. ") : "")
            + "Cramps are most common late in long, fast or hot efforts; fatigue seems to matter most, with fluid and salt losses in long hot sessions as a second factor. Device temperatures read a few degrees above the air.",
            new FindingAction("cramp-plan", "Start your next long or hot run easier than you feel you could, and plan what you will drink and how much salt you take on the way."));
    }
}
