namespace CalfCoach.Formats.Geo;

/// <summary>
/// Values a GPS track does not record but implies: cumulative distance from positions, speed from distance over time,
/// and ascent from altitude. All inputs are parallel columns of one activity in recording order; a missing value is NaN.
/// </summary>
public static class TrackDerivation
{
    /// <summary>
    /// Speed is taken over a window of at least this many seconds around each sample. GPX/TCX times are often whole
    /// seconds, repeated, or a few milliseconds apart (Apple Watch, NikePlus); differencing neighbours then divides
    /// GPS jitter by almost nothing. Two seconds is the shortest window that always spans a real time step at the
    /// common 1 Hz rate while still following changes of pace within a few strides.
    /// </summary>
    public const double MinSpeedWindowSeconds = 2.0;

    /// <summary>
    /// Altitude must rise this far above the last low point before a climb is counted. Barometric altimeters
    /// resolve about a metre and drift by one or two over minutes; counting every wiggle would turn a flat
    /// 10 km into 100 m of "ascent". Once a climb is counted every further metre up counts, until the altitude
    /// falls the same distance below the top: so a real climb loses nothing, only noise smaller than this is ignored.
    /// GPS-only altitude is noisier than this and will still over-count somewhat.
    /// </summary>
    public const double AscentThresholdMeters = 3.0;

    /// <summary>
    /// A window that cannot reach this span (a segment whose times are all within a fraction of a second, as GPSBabel
    /// writes for devices without a clock) gives no speed: metres over microseconds is not a measurement.
    /// </summary>
    public const double MinSpeedSpanSeconds = 0.5;

    /// <summary>The speed window never reaches further than this many samples to either side.</summary>
    public const int MaxWindowReach = 60;

    /// <summary>
    /// Fills <paramref name="cumulativeMeters"/> with the distance travelled from the first sample. Distance is summed
    /// between consecutive positions of the same segment only: the jump across a segment break (a pause, or lost
    /// satellites) is not counted, as gpxpy's length_2d does. A sample without a position repeats the previous total.
    /// </summary>
    /// <param name="segments">Segment number of each sample; samples of one segment are contiguous.</param>
    /// <returns>The total distance, or NaN when no two positions of one segment exist.</returns>
    public static double CumulativeDistance(
        ReadOnlySpan<double> latitudeDegrees,
        ReadOnlySpan<double> longitudeDegrees,
        ReadOnlySpan<int> segments,
        Span<double> cumulativeMeters)
    {
        var count = latitudeDegrees.Length;
        if (longitudeDegrees.Length != count || segments.Length != count || cumulativeMeters.Length != count)
        {
            throw new ArgumentException("Every column must have the same length.", nameof(cumulativeMeters));
        }

        var total = 0.0;
        var anyStep = false;
        var previous = -1;
        for (var i = 0; i < count; i++)
        {
            if (!double.IsNaN(latitudeDegrees[i]) && !double.IsNaN(longitudeDegrees[i]))
            {
                if (previous >= 0 && segments[previous] == segments[i])
                {
                    total += Haversine.DistanceMeters(latitudeDegrees[previous], longitudeDegrees[previous], latitudeDegrees[i], longitudeDegrees[i]);
                    anyStep = true;
                }

                previous = i;
            }

            cumulativeMeters[i] = total;
        }

        return anyStep ? total : double.NaN;
    }

    /// <summary>
    /// Fills <paramref name="speedMetersPerSecond"/> from cumulative distance and time. For each sample the window grows
    /// one sample to each side at a time, within its segment, until it spans at least <see cref="MinSpeedWindowSeconds"/>;
    /// the speed is the distance covered over the window divided by its duration (a central difference). Window ends
    /// must have both a time and a distance. The result is NaN for a sample without a time or distance, and when the
    /// window cannot span <see cref="MinSpeedSpanSeconds"/> within its segment.
    /// </summary>
    /// <param name="elapsedSeconds">Seconds since any fixed instant; NaN where unknown.</param>
    public static void Speed(
        ReadOnlySpan<double> elapsedSeconds,
        ReadOnlySpan<double> cumulativeMeters,
        ReadOnlySpan<int> segments,
        Span<double> speedMetersPerSecond)
    {
        var count = elapsedSeconds.Length;
        if (cumulativeMeters.Length != count || segments.Length != count || speedMetersPerSecond.Length != count)
        {
            throw new ArgumentException("Every column must have the same length.", nameof(speedMetersPerSecond));
        }

        var segmentStart = 0;
        var segmentEnd = -1;
        for (var i = 0; i < count; i++)
        {
            if (i > segmentEnd)
            {
                segmentStart = i;
                segmentEnd = i;
                while (segmentEnd + 1 < count && segments[segmentEnd + 1] == segments[i])
                {
                    segmentEnd++;
                }
            }

            speedMetersPerSecond[i] = double.NaN;
            if (double.IsNaN(elapsedSeconds[i]) || double.IsNaN(cumulativeMeters[i]))
            {
                continue;
            }

            int lo = i, hi = i, a = i, b = i;
            // The reach cap keeps a pathological file (thousands of samples at one instant) linear, not quadratic.
            var firstA = Math.Max(segmentStart, i - MaxWindowReach);
            var lastB = Math.Min(segmentEnd, i + MaxWindowReach);
            while (elapsedSeconds[hi] - elapsedSeconds[lo] < MinSpeedWindowSeconds && (a > firstA || b < lastB))
            {
                if (a > firstA)
                {
                    a--;
                    if (HasTimeAndDistance(elapsedSeconds, cumulativeMeters, a))
                    {
                        lo = a;
                    }
                }

                if (b < lastB)
                {
                    b++;
                    if (HasTimeAndDistance(elapsedSeconds, cumulativeMeters, b))
                    {
                        hi = b;
                    }
                }
            }

            var seconds = elapsedSeconds[hi] - elapsedSeconds[lo];
            if (seconds >= MinSpeedSpanSeconds)
            {
                speedMetersPerSecond[i] = Math.Max(0.0, cumulativeMeters[hi] - cumulativeMeters[lo]) / seconds;
            }
        }
    }

    /// <summary>
    /// Total ascent in metres with the hysteresis of <see cref="AscentThresholdMeters"/> (see there); NaN samples are
    /// skipped. Returns NaN when fewer than two altitudes exist.
    /// </summary>
    public static double AscentMeters(ReadOnlySpan<double> altitudeMeters, double thresholdMeters = AscentThresholdMeters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdMeters);
        var reference = double.NaN;
        var ascent = 0.0;
        var climbing = false;
        var samples = 0;
        foreach (var altitude in altitudeMeters)
        {
            if (double.IsNaN(altitude))
            {
                continue;
            }

            samples++;
            if (double.IsNaN(reference))
            {
                reference = altitude;
            }
            else if (climbing)
            {
                if (altitude > reference)
                {
                    ascent += altitude - reference;
                    reference = altitude;
                }
                else if (reference - altitude >= thresholdMeters)
                {
                    climbing = false;
                    reference = altitude;
                }
            }
            else if (altitude < reference)
            {
                reference = altitude;
            }
            else if (altitude - reference >= thresholdMeters)
            {
                ascent += altitude - reference;
                reference = altitude;
                climbing = true;
            }
        }

        return samples >= 2 ? ascent : double.NaN;
    }

    private static bool HasTimeAndDistance(ReadOnlySpan<double> elapsedSeconds, ReadOnlySpan<double> cumulativeMeters, int index) =>
        !double.IsNaN(elapsedSeconds[index]) && !double.IsNaN(cumulativeMeters[index]);
}
