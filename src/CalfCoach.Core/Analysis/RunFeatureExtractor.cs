using CalfCoach.Core.Activities;

namespace CalfCoach.Core.Analysis;

/// <summary>
/// Reduces an activity to its <see cref="RunFeatures"/> in two passes over the columns, with every
/// intermediate held in stack histograms (no allocation per sample). The constants below are fixed at
/// import time on purpose: a stored summary must not change meaning when analysis settings change, so
/// anything runner-specific (easy pace, heart-rate zones) is decided later from these summaries.
/// </summary>
public static class RunFeatureExtractor
{
    /// <summary>
    /// Samples at or above this speed (1.75 m/s ≈ 9:31 min/km, 15:20 min/mi) count as running for cadence
    /// and step length; slower ones are walking breaks, stops or GPS drift. Aligned with the speed bins.
    /// </summary>
    public const double RunningSpeedMetersPerSecond = 1.75;

    /// <summary>Below this a sample is a stop (for moving time when the device gives no timer time).</summary>
    public const double MovingSpeedMetersPerSecond = 0.5;

    public const double SpeedBinWidthMetersPerSecond = 0.25;

    /// <summary>Speeds above this (2:23 min/km) go into the last bin.</summary>
    public const double MaxBinnedSpeedMetersPerSecond = 7.0;

    public const int HeartRateBinWidthBpm = 5;

    /// <summary>A gap between samples longer than this is a pause, not time spent at the last values.</summary>
    public const double MaxSampleGapSeconds = 10;

    /// <summary>Cadence samples outside [100, 250) steps/min are not running steps (or are half-cadence artefacts).</summary>
    public const int MinCadenceStepsPerMinute = 100;

    public const int MaxCadenceStepsPerMinute = 250;

    /// <summary>Time constant of the exponential smoothing applied to speed before looking for repeats.</summary>
    public const double IntervalSmoothingSeconds = 10;

    /// <summary>A repeat starts when smoothed speed reaches this multiple of the run's median moving speed …</summary>
    public const double IntervalFastFactor = 1.12;

    /// <summary>… and ends when it falls below this multiple (hysteresis, so noise does not split a repeat).</summary>
    public const double IntervalRecoveryFactor = 1.05;

    /// <summary>A fast stretch shorter than this is a surge (a crossing, a downhill), not a repeat.</summary>
    public const double IntervalMinimumSeconds = 30;

    /// <summary>The window of <see cref="RunFeatures.BestTwentyMinuteSpeedMetersPerSecond"/>.</summary>
    public const double SustainedWindowSeconds = 20 * 60;

    /// <summary>Whole words in an activity name that mark a race (matched case-insensitively at a word start).</summary>
    public static IReadOnlyList<string> RaceWords { get; } = ["race", "parkrun", "marathon", "wedstrijd", "wettkampf", "competition"];

    private const int SpeedBinCount = 21; // [1.75, 7.0) in 0.25 m/s steps, the last open-ended
    private const int CadenceBinCount = MaxCadenceStepsPerMinute - MinCadenceStepsPerMinute;
    private const double FineSpeedWidth = 0.05;
    private const int FineSpeedBinCount = 200; // 0–10 m/s
    private const int StepLengthMinCentimeters = 20;
    private const int StepLengthBinCount = 260; // 0.20–2.80 m, 1 cm bins
    private const int HeartRateMinBpm = 30;
    private const int HeartRateBinCount = 42; // 30–240 bpm

    public static RunFeatures Extract(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var s = activity.Streams;
        var n = s.Count;

        // Only steps feed the step-rate features: a ride's rpm (or a swim's strokes) must never read as a low cadence.
        var hasSteps = activity.CadenceUnit == CadenceUnit.StepsPerMinute;

        Span<float> cadenceBySpeed = stackalloc float[SpeedBinCount * CadenceBinCount];
        Span<float> secondsBySpeed = stackalloc float[SpeedBinCount];
        Span<float> fineSpeed = stackalloc float[FineSpeedBinCount];
        Span<float> stepLength = stackalloc float[StepLengthBinCount];
        Span<float> heartRate = stackalloc float[HeartRateBinCount];
        cadenceBySpeed.Clear();
        secondsBySpeed.Clear();
        fineSpeed.Clear();
        stepLength.Clear();
        heartRate.Clear();

        double movingSeconds = 0, temperatureSum = 0, maxTemperature = double.NegativeInfinity;
        var temperatureCount = 0;
        var lastDistance = double.NaN;
        var t = s.ElapsedSeconds;

        for (var i = 0; i < n; i++)
        {
            var temperature = s.TemperatureCelsius[i];
            if (!float.IsNaN(temperature))
            {
                temperatureSum += temperature;
                temperatureCount++;
                maxTemperature = Math.Max(maxTemperature, temperature);
            }

            if (!float.IsNaN(s.DistanceMeters[i]))
            {
                lastDistance = s.DistanceMeters[i];
            }

            if (i == 0)
            {
                continue;
            }

            var dt = (double)t[i] - t[i - 1];
            if (dt <= 0 || dt > MaxSampleGapSeconds)
            {
                continue;
            }

            var speed = SampleSpeed(s, i, dt);
            var moving = double.IsNaN(speed) || speed >= MovingSpeedMetersPerSecond;
            if (moving)
            {
                movingSeconds += dt;
            }

            var hr = s.HeartRateBpm[i];
            if (!float.IsNaN(hr) && moving)
            {
                heartRate[Math.Clamp(((int)hr - HeartRateMinBpm) / HeartRateBinWidthBpm, 0, HeartRateBinCount - 1)] += (float)dt;
            }

            if (double.IsNaN(speed) || speed < MovingSpeedMetersPerSecond)
            {
                continue;
            }

            fineSpeed[Math.Min((int)Math.Round(speed / FineSpeedWidth), FineSpeedBinCount - 1)] += (float)dt;
            if (speed < RunningSpeedMetersPerSecond)
            {
                continue;
            }

            var speedBin = Math.Min((int)((speed - RunningSpeedMetersPerSecond) / SpeedBinWidthMetersPerSecond), SpeedBinCount - 1);
            secondsBySpeed[speedBin] += (float)dt;
            var cadence = hasSteps ? s.Cadence[i] : float.NaN;
            if (float.IsNaN(cadence) || cadence < MinCadenceStepsPerMinute || cadence >= MaxCadenceStepsPerMinute - 0.5f)
            {
                continue;
            }

            var cadenceBin = (int)Math.Round(cadence) - MinCadenceStepsPerMinute;
            cadenceBySpeed[(speedBin * CadenceBinCount) + cadenceBin] += (float)dt;
            var step = speed * 60 / cadence;
            stepLength[Math.Clamp((int)Math.Round(step * 100) - StepLengthMinCentimeters, 0, StepLengthBinCount - 1)] += (float)dt;
        }

        var medianSpeed = CentredMedian(fineSpeed, 0, FineSpeedWidth);
        var (repeats, repeatSpeed) = medianSpeed is { } median ? DetectRepeats(s, median) : (0, null);

        Span<float> allCadence = stackalloc float[CadenceBinCount];
        allCadence.Clear();
        var bins = new List<SpeedBin>();
        for (var b = 0; b < SpeedBinCount; b++)
        {
            if (secondsBySpeed[b] <= 0)
            {
                continue;
            }

            var row = cadenceBySpeed.Slice(b * CadenceBinCount, CadenceBinCount);
            for (var c = 0; c < CadenceBinCount; c++)
            {
                allCadence[c] += row[c];
            }

            bins.Add(new SpeedBin(
                RunningSpeedMetersPerSecond + (b * SpeedBinWidthMetersPerSecond),
                Math.Round(secondsBySpeed[b], 1),
                Round1(CentredMedian(row, MinCadenceStepsPerMinute, 1))));
        }

        var hrBins = new List<HeartRateBin>();
        for (var b = 0; b < HeartRateBinCount; b++)
        {
            if (heartRate[b] > 0)
            {
                hrBins.Add(new HeartRateBin(HeartRateMinBpm + (b * HeartRateBinWidthBpm), Math.Round(heartRate[b], 1)));
            }
        }

        var movingTotal = activity.TimerSeconds ?? (n > 1 ? movingSeconds : activity.ElapsedSeconds);
        var distance = activity.DistanceMeters ?? (double.IsNaN(lastDistance) ? 0 : lastDistance);
        return new RunFeatures
        {
            StartUtc = activity.StartUtc,
            UtcOffset = activity.UtcOffset,
            Sport = activity.Sport,
            SubSport = activity.SubSport,
            Name = activity.Name,
            Gear = activity.Gear,
            DistanceMeters = distance,
            MovingSeconds = movingTotal,
            ElapsedSeconds = activity.ElapsedSeconds,
            AscentMeters = activity.AscentMeters,
            AvgHeartRateBpm = activity.AvgHeartRateBpm,
            MaxHeartRateBpm = activity.MaxHeartRateBpm,
            AvgSpeedMetersPerSecond = movingTotal > 0 && distance > 0 ? distance / movingTotal : null,
            MeanTemperatureCelsius = temperatureCount > 0 ? Math.Round(temperatureSum / temperatureCount, 1) : null,
            MaxTemperatureCelsius = temperatureCount > 0 ? maxTemperature : null,
            MedianCadenceStepsPerMinute = Round1(CentredMedian(allCadence, MinCadenceStepsPerMinute, 1)),
            MedianStepLengthMeters = CentredMedian(stepLength, StepLengthMinCentimeters / 100.0, 0.01) is { } m ? Math.Round(m, 3) : null,
            SpeedBins = bins,
            HeartRateBins = hrBins,
            IntervalRepeats = repeats,
            IntervalSpeedMetersPerSecond = repeatSpeed,
            BestTwentyMinuteSpeedMetersPerSecond = BestSustainedSpeed(s),
            NameSuggestsRace = NameSuggestsRace(activity.Name),
            NotCountedBecause = activity.NotCountedBecause,
        };
    }

    /// <summary>True when <paramref name="name"/> contains one of <see cref="RaceWords"/> at the start of a word ("Sunday parkrun", not "Grace's loop").</summary>
    public static bool NameSuggestsRace(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in RaceWords)
        {
            for (var at = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = name.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (at == 0 || !char.IsLetter(name[at - 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double SampleSpeed(ActivityStreams s, int i, double dt)
    {
        var speed = s.SpeedMetersPerSecond[i];
        if (!float.IsNaN(speed))
        {
            return speed;
        }

        var d0 = s.DistanceMeters[i - 1];
        var d1 = s.DistanceMeters[i];
        return float.IsNaN(d0) || float.IsNaN(d1) ? double.NaN : Math.Max(0, d1 - d0) / dt;
    }

    /// <summary>
    /// Counts fast repeats: smoothed speed (exponential, <see cref="IntervalSmoothingSeconds"/>) rising to
    /// <see cref="IntervalFastFactor"/> × the run's median moving speed and staying above
    /// <see cref="IntervalRecoveryFactor"/> × median for at least <see cref="IntervalMinimumSeconds"/>.
    /// </summary>
    private static (int Repeats, double? Speed) DetectRepeats(ActivityStreams s, double medianSpeed)
    {
        var t = s.ElapsedSeconds;
        double smoothed = double.NaN, segmentSeconds = 0, segmentMeters = 0, fastSeconds = 0, fastMeters = 0;
        var inFast = false;
        var repeats = 0;
        for (var i = 1; i < s.Count; i++)
        {
            var dt = (double)t[i] - t[i - 1];
            if (dt <= 0 || dt > MaxSampleGapSeconds)
            {
                continue;
            }

            var speed = SampleSpeed(s, i, dt);
            if (double.IsNaN(speed))
            {
                continue;
            }

            smoothed = double.IsNaN(smoothed) ? speed : smoothed + ((speed - smoothed) * dt / (IntervalSmoothingSeconds + dt));
            if (!inFast && smoothed >= IntervalFastFactor * medianSpeed)
            {
                inFast = true;
                segmentSeconds = segmentMeters = 0;
            }
            else if (inFast && smoothed < IntervalRecoveryFactor * medianSpeed)
            {
                inFast = false;
                Close();
            }

            if (inFast)
            {
                segmentSeconds += dt;
                segmentMeters += speed * dt;
            }
        }

        if (inFast)
        {
            Close();
        }

        return (repeats, repeats > 0 ? Math.Round(fastMeters / fastSeconds, 3) : null);

        void Close()
        {
            if (segmentSeconds >= IntervalMinimumSeconds)
            {
                repeats++;
                fastSeconds += segmentSeconds;
                fastMeters += segmentMeters;
            }
        }
    }

    /// <summary>Best mean speed over a window of at least <see cref="SustainedWindowSeconds"/>, from cumulative distance (two pointers).</summary>
    private static double? BestSustainedSpeed(ActivityStreams s)
    {
        var t = s.ElapsedSeconds;
        var d = s.DistanceMeters;
        double best = 0;
        var left = 0;
        for (var right = 1; right < s.Count; right++)
        {
            if (float.IsNaN(d[right]))
            {
                continue;
            }

            while (left + 1 < right && (double)t[right] - t[left + 1] >= SustainedWindowSeconds)
            {
                left++;
            }

            var span = (double)t[right] - t[left];
            if (span >= SustainedWindowSeconds && !float.IsNaN(d[left]))
            {
                best = Math.Max(best, (d[right] - d[left]) / span);
            }
        }

        return best > 0 ? Math.Round(best, 3) : null;
    }

    /// <summary>Weighted median of a histogram whose bin k is centred on <c>first + k × width</c>, interpolated within the bin.</summary>
    private static double? CentredMedian(ReadOnlySpan<float> histogram, double first, double width)
    {
        double total = 0;
        foreach (var h in histogram)
        {
            total += h;
        }

        if (total <= 0)
        {
            return null;
        }

        var half = total / 2;
        double cumulative = 0;
        for (var k = 0; k < histogram.Length; k++)
        {
            if (histogram[k] > 0 && cumulative + histogram[k] >= half)
            {
                return first + (width * (k - 0.5 + ((half - cumulative) / histogram[k])));
            }

            cumulative += histogram[k];
        }

        return first + (width * (histogram.Length - 1));
    }

    private static double? Round1(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
