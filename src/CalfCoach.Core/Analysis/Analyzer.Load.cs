namespace CalfCoach.Core.Analysis;

// Volume: weekly distance, acute:chronic ratios, single-session spikes, hills, returns after a break (EVIDENCE.md 3).
public sealed partial class Analyzer
{
    /// <summary>
    /// Each run against the longest run of the previous <see cref="AnalysisSettings.SpikeWindowDays"/> days (Frandsen 2025).
    /// Runs in the first window of the history are not measured: what came before the import is unknown.
    /// </summary>
    private void MeasureSpikes()
    {
        var known = _runs.Length > 0 ? _runs.Min(r => r.Date).AddDays(_settings.SpikeWindowDays) : _asOf;
        var left = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            var run = _runs[i];
            var from = run.Date.AddDays(-_settings.SpikeWindowDays);
            while (left < i && _runs[left].Date < from)
            {
                left++;
            }

            double longest = 0;
            for (var j = left; j < i; j++)
            {
                if (_runs[j].Date < run.Date)
                {
                    longest = Math.Max(longest, _runs[j].Kilometers);
                }
            }

            if (longest > 0)
            {
                run.LongestPrevious = longest;
            }

            if (longest > 0 && run.Date >= known)
            {
                run.SpikePercent = TrainingMetrics.ChangePercent(run.Kilometers, longest);
            }
        }
    }

    private List<DayLoad> DailyLoads()
    {
        if (_runs.Length == 0)
        {
            return [];
        }

        var first = _runs.Min(r => r.Date);
        var count = _asOf.DayNumber - first.DayNumber + 1;
        var distance = new double[count];
        var trimp = new double[count];
        foreach (var run in _runs)
        {
            distance[run.Date.DayNumber - first.DayNumber] += run.Kilometers;
            trimp[run.Date.DayNumber - first.DayNumber] += run.Trimp;
        }

        var ratios = new double[count * 4];
        var span = ratios.AsSpan();
        TrainingMetrics.Acwr(distance, _settings.AcuteDays, _settings.ChronicDays, _settings.AcwrMinimumChronicKilometersPerDay, span[..count], span.Slice(count, count));

        // TRIMP has no natural floor; scale the distance floor by the runner's own TRIMP per kilometre.
        var totalKm = distance.Sum();
        var trimpFloor = totalKm > 0 ? _settings.AcwrMinimumChronicKilometersPerDay * trimp.Sum() / totalKm : 0;
        TrainingMetrics.Acwr(trimp, _settings.AcuteDays, _settings.ChronicDays, trimpFloor, span.Slice(2 * count, count), span.Slice(3 * count, count));

        var days = new List<DayLoad>(count);
        for (var d = 0; d < count; d++)
        {
            days.Add(new DayLoad(first.AddDays(d), Math.Round(distance[d], 3), R1(trimp[d]),
                Ratio(ratios[d]), Ratio(ratios[count + d]), Ratio(ratios[(2 * count) + d]), Ratio(ratios[(3 * count) + d])));
        }

        return days;

        static double? Ratio(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);
    }

    /// <summary>Local ISO weeks from the first run's week to the week of <paramref name="last"/>, over the first <paramref name="runCount"/> runs.</summary>
    private List<WeekSummary> Weeks(int runCount, DateOnly last)
    {
        if (runCount == 0)
        {
            return [];
        }

        var firstMonday = TrainingMetrics.WeekOf(_runs.Take(runCount).Min(r => r.Date));
        var count = ((TrainingMetrics.WeekOf(last).DayNumber - firstMonday.DayNumber) / 7) + 1;
        var km = new double[count];
        var minutes = new double[count];
        var runs = new int[count];
        var ascent = new double[count];
        var longest = new double[count];
        var hard = new double[count];
        var speedwork = new int[count];
        var trimp = new double[count];
        var zones = new double[count, IntensityZones.Count];
        for (var i = 0; i < runCount; i++)
        {
            var run = _runs[i];
            var w = (run.Date.DayNumber - firstMonday.DayNumber) / 7;
            km[w] += run.Kilometers;
            minutes[w] += run.Minutes;
            runs[w]++;
            ascent[w] += run.Features.AscentMeters ?? 0;
            longest[w] = Math.Max(longest[w], run.Kilometers);
            hard[w] += run.HardSeconds / 60;
            speedwork[w] += run.Is(SessionTraits.Speedwork) ? 1 : 0;
            trimp[w] += run.Trimp;
            for (var z = 0; z < IntensityZones.Count; z++)
            {
                zones[w, z] += run.ZoneSeconds[z];
            }
        }

        var weeks = new List<WeekSummary>(count);
        var rolling = 0.0;
        for (var w = 0; w < count; w++)
        {
            rolling += km[w] - (w >= _settings.RollingMeanWeeks ? km[w - _settings.RollingMeanWeeks] : 0);
            weeks.Add(new WeekSummary(
                firstMonday.AddDays(7 * w),
                Math.Round(km[w], 3),
                R1(minutes[w]),
                runs[w],
                R1(ascent[w]),
                Math.Round(longest[w], 3),
                w > 0 && TrainingMetrics.ChangePercent(km[w], km[w - 1]) is { } change ? R1(change) : null,
                Math.Round(rolling / Math.Min(w + 1, _settings.RollingMeanWeeks), 3),
                R1(hard[w]),
                speedwork[w],
                R1(trimp[w]),
                Enumerable.Range(0, IntensityZones.Count).Select(z => R1(zones[w, z] / 60)).ToArray()));
        }

        return weeks;
    }

    private bool InWindow(WeekSummary week) => week.Monday <= _onset && week.Monday.AddDays(6) >= _windowStart;

    private DateOnly LastDay(WeekSummary week) => week.Monday.AddDays(6) < _onset ? week.Monday.AddDays(6) : _onset;

    /// <summary>Mean of the (up to) <see cref="AnalysisSettings.RollingMeanWeeks"/> weeks before week <paramref name="w"/>.</summary>
    private double MeanBefore(List<WeekSummary> weeks, int w, Func<WeekSummary, double> value)
    {
        var from = Math.Max(0, w - _settings.RollingMeanWeeks);
        return w == from ? 0 : weeks.Skip(from).Take(w - from).Average(value);
    }

    private Finding? WeeklyDistanceSpike(List<WeekSummary> weeks)
    {
        var hits = new List<(WeekSummary Week, double Before, double Mean)>();
        for (var w = 1; w < weeks.Count; w++)
        {
            var week = weeks[w];
            var before = weeks[w - 1].DistanceKilometers;
            var mean = MeanBefore(weeks, w, x => x.DistanceKilometers);
            if (InWindow(week) && before > 0
                && week.DistanceKilometers > before * (1 + (_settings.WeeklySpikePercent / 100))
                && week.DistanceKilometers - before >= _settings.WeeklySpikeMinimumIncreaseKilometers
                && week.DistanceKilometers > mean * (1 + (_settings.WeeklySpikeOverRollingMeanPercent / 100)))
            {
                hits.Add((week, before, mean));
            }
        }

        if (hits.Count == 0)
        {
            return null;
        }

        var top = hits.MaxBy(h => (LastDay(h.Week) >= _onsetWindowStart ? 1000 : 0) + (h.Week.DistanceKilometers / h.Before));
        var change = TrainingMetrics.ChangePercent(top.Week.DistanceKilometers, top.Before)!.Value;
        var severity = NearOnset(Severity.Moderate, LastDay(hits[^1].Week));
        return new Finding(
            FindingIds.WeeklyDistanceSpike,
            severity,
            [.. hits.Select(h => h.Week.Monday)],
            new Dictionary<string, double>
            {
                ["distanceKm"] = R1(top.Week.DistanceKilometers),
                ["previousWeekKm"] = R1(top.Before),
                ["changePercent"] = R1(change),
                ["previousWeeksMeanKm"] = R1(top.Mean),
                ["thresholdPercent"] = _settings.WeeklySpikePercent,
            },
            string.Create(Invariant,
                $"In the week of {Day(top.Week.Monday)} you ran {Distance(top.Week.DistanceKilometers)}, {change:0}% more than the week before ({Distance(top.Before)}) "
                + $"and above your recent average of {Distance(top.Mean)}. ")
            + (hits.Count > 1 ? string.Create(Invariant, $"That happened {hits.Count} times in the {_settings.LookbackDays / 7} weeks before the pain. ") : "")
            + string.Create(Invariant, $"Weekly jumps of more than {_settings.WeeklySpikePercent:0}% were linked with more injuries in one large study, but the evidence is weak and the popular \"10% rule\" did not prevent injuries when tested, so this is a hint, not a verdict."),
            new FindingAction("load-progression", "Increase weekly distance gradually and not together with speed or hills."));
    }

    private Finding? AcuteChronicRatioHigh(List<DayLoad> days)
    {
        var hits = days.Where(d => d.Date >= _windowStart && d.Date <= _onset && d.DistanceKilometers > 0
            && d.EwmaRatioDistance >= _settings.AcwrHighRatio).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var top = hits.MaxBy(d => d.EwmaRatioDistance!.Value)!;
        var values = new Dictionary<string, double>
        {
            ["ewmaRatio"] = Math.Round(top.EwmaRatioDistance!.Value, 2),
            ["thresholdRatio"] = _settings.AcwrHighRatio,
        };
        if (top.RollingRatioDistance is { } rolling)
        {
            values["rollingRatio"] = Math.Round(rolling, 2);
        }

        if (top.EwmaRatioTrimp is { } load)
        {
            values["ewmaRatioTrimp"] = Math.Round(load, 2);
        }

        return new Finding(
            FindingIds.AcuteChronicRatioHigh,
            Severity.Low,
            [.. hits.Select(d => d.Date)],
            values,
            string.Create(Invariant,
                $"On {Day(top.Date)} your last week's running was {top.EwmaRatioDistance:0.00} times your longer-term average (exponentially weighted 7:28-day ratio; the threshold is {_settings.AcwrHighRatio:0.0}). ")
            + "This acute:chronic ratio comes from team sports and is disputed: re-analyses found much of its link with injury to be a statistical artefact, and in runners it did not predict injury. Treat it as a description of a busy period, not as a risk score.",
            new FindingAction("load-progression"));
    }

    private Finding? LongRunSpike()
    {
        var hits = WindowRuns()
            .Where(r => r.SpikePercent is { } p && TrainingMetrics.SpikeBand(p, _settings) > 0
                && r.Kilometers - r.LongestPrevious!.Value >= _settings.SpikeMinimumIncreaseKilometers)
            .ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        Severity SeverityOf(Run r) =>
            NearOnset(TrainingMetrics.SpikeBand(r.SpikePercent!.Value, _settings) >= 2 ? Severity.High : Severity.Moderate, r.Date);
        var top = hits.OrderByDescending(SeverityOf).ThenByDescending(r => r.Date).First();
        var band = TrainingMetrics.SpikeBand(top.SpikePercent!.Value, _settings);
        var bandName = band switch { 3 => "large", 2 => "moderate", _ => "small" };
        var advised = top.LongestPrevious!.Value * (1 + (_settings.SmallSpikePercent / 100));
        return new Finding(
            FindingIds.LongRunSpike,
            hits.Max(SeverityOf),
            [.. hits.Select(r => r.Date)],
            new Dictionary<string, double>
            {
                ["distanceKm"] = Math.Round(top.Kilometers, 2),
                ["longestPrevious30DaysKm"] = Math.Round(top.LongestPrevious.Value, 2),
                ["increasePercent"] = R1(top.SpikePercent.Value),
                ["thresholdPercent"] = _settings.SmallSpikePercent,
                ["moderatePercent"] = _settings.ModerateSpikePercent,
                ["largePercent"] = _settings.LargeSpikePercent,
            },
            string.Create(Invariant,
                $"On {Day(top.Date)} you ran {Distance(top.Kilometers)}, {top.SpikePercent:0}% longer than your longest run of the previous {_settings.SpikeWindowDays} days ({Distance(top.LongestPrevious.Value)}): a {bandName} spike. ")
            + (hits.Count > 1 ? string.Create(Invariant, $"There were {hits.Count} such runs ({Days([.. hits.Select(r => r.Date)])}). ") : "")
            + string.Create(Invariant, $"In a study of over 5,000 runners, runs more than {_settings.SmallSpikePercent:0}% longer than the longest of the previous month came with 52–128% higher injury rates; this is the best-supported load warning sign for runners. "
                + $"Keep single runs below about {Distance(advised)} for now."),
            new FindingAction("load-progression", string.Create(Invariant, $"Keep every run within {_settings.SmallSpikePercent:0}% of the longest of the previous {_settings.SpikeWindowDays} days.")));
    }

    private Finding? HillIncrease(List<WeekSummary> weeks)
    {
        var hits = new List<(WeekSummary Week, double Mean)>();
        for (var w = 1; w < weeks.Count; w++)
        {
            var week = weeks[w];
            var mean = MeanBefore(weeks, w, x => x.AscentMeters);
            if (InWindow(week) && week.AscentMeters > mean * (1 + (_settings.HillIncreasePercent / 100))
                && week.AscentMeters - mean >= _settings.HillMinimumIncreaseMeters)
            {
                hits.Add((week, mean));
            }
        }

        if (hits.Count == 0)
        {
            return null;
        }

        var top = hits.MaxBy(h => (LastDay(h.Week) >= _onsetWindowStart ? 1e6 : 0) + h.Week.AscentMeters - h.Mean);
        var values = new Dictionary<string, double>
        {
            ["ascentM"] = Math.Round(top.Week.AscentMeters),
            ["previousWeeksMeanAscentM"] = Math.Round(top.Mean),
            ["thresholdPercent"] = _settings.HillIncreasePercent,
            ["minimumIncreaseM"] = _settings.HillMinimumIncreaseMeters,
        };
        var change = TrainingMetrics.ChangePercent(top.Week.AscentMeters, top.Mean);
        if (change is { } c)
        {
            values["changePercent"] = R1(c);
        }

        var severity = change is null or >= 100 ? Severity.Moderate : Severity.Low;
        return new Finding(
            FindingIds.HillIncrease,
            NearOnset(severity, LastDay(hits[^1].Week)),
            [.. hits.Select(h => h.Week.Monday)],
            values,
            string.Create(Invariant,
                $"In the week of {Day(top.Week.Monday)} you climbed {top.Week.AscentMeters:0} m, against {top.Mean:0} m a week on average in the weeks before. ")
            + "Running uphill makes the calf do much more work per step; a sudden increase in climbing is a common trigger, although no study gives a safe amount.",
            new FindingAction("load-progression", "Add hills gradually, and not in the same week as more distance or speed."));
    }

    private Finding? ReturnAfterBreak(List<WeekSummary> weeks)
    {
        var hits = new List<(int Start, int Jump, int BreakWeeks, double Before, double Fraction)>();
        var w = 0;
        while (w < weeks.Count)
        {
            if (weeks[w].DistanceKilometers > 0)
            {
                w++;
                continue;
            }

            var breakStart = w;
            while (w < weeks.Count && weeks[w].DistanceKilometers <= 0)
            {
                w++;
            }

            var breakLength = w - breakStart;
            if (w >= weeks.Count || breakLength < _settings.BreakWeeks || breakStart == 0)
            {
                continue;
            }

            var before = MeanBefore(weeks, breakStart, x => x.DistanceKilometers);
            for (var r = w; r < Math.Min(weeks.Count, w + _settings.ReturnWindowWeeks); r++)
            {
                var fraction = before > 0 ? weeks[r].DistanceKilometers / before : 0;
                if (fraction >= _settings.ReturnJumpFractionOfBefore && InWindow(weeks[r]))
                {
                    hits.Add((w, r, breakLength, before, fraction));
                    break;
                }
            }
        }

        if (hits.Count == 0)
        {
            return null;
        }

        var top = hits[^1];
        var jump = weeks[top.Jump];
        return new Finding(
            FindingIds.ReturnAfterBreak,
            NearOnset(Severity.Moderate, LastDay(jump)),
            [.. hits.SelectMany(h => Enumerable.Range(h.Start, h.Jump - h.Start + 1).Select(i => weeks[i].Monday))],
            new Dictionary<string, double>
            {
                ["breakWeeks"] = top.BreakWeeks,
                ["beforeBreakWeeklyKm"] = R1(top.Before),
                ["returnWeekKm"] = R1(jump.DistanceKilometers),
                ["returnWeekNumber"] = top.Jump - top.Start + 1,
                ["fractionOfBeforePercent"] = Math.Round(top.Fraction * 100),
                ["thresholdPercent"] = Math.Round(_settings.ReturnJumpFractionOfBefore * 100),
            },
            string.Create(Invariant,
                $"After {top.BreakWeeks} weeks without running you were back to {Distance(jump.DistanceKilometers)} in the week of {Day(jump.Monday)}, "
                + $"{top.Fraction * 100:0}% of the {WeeklyDistance(top.Before)} you ran before the break, within {FindingText.Count(top.Jump - top.Start + 1, "week", "weeks")}. ")
            + "Muscles and tendons lose some of their load tolerance during a break; return-to-running programmes build back up over several weeks (expert advice, no trial of a specific rate).",
            new FindingAction("load-progression", "After a break, start at about half your previous weekly distance and build up over several weeks."));
    }
}
