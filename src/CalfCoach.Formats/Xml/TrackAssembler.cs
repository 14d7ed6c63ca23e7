using CalfCoach.Core.Activities;
using CalfCoach.Formats.Geo;

namespace CalfCoach.Formats.Xml;

/// <summary>What <see cref="TrackAssembler"/> makes of a track: its streams and the totals the samples imply.</summary>
/// <param name="FirstUtc">Earliest sample time, or null when no sample has one.</param>
/// <param name="LastUtc">Latest sample time.</param>
/// <param name="DistanceMeters">The file's largest cumulative distance when it recorded one, else the distance derived from positions.</param>
/// <param name="DistanceFromFile">Whether <paramref name="DistanceMeters"/> and the distance stream are the file's own.</param>
/// <param name="SegmentTimerSeconds">Sum over segments of last minus first time: the time excluding pauses between segments.</param>
/// <param name="SegmentsWithTime">How many segments have at least one time.</param>
internal sealed record AssembledTrack(
    ActivityStreams Streams,
    DateTimeOffset? FirstUtc,
    DateTimeOffset? LastUtc,
    double? DistanceMeters,
    bool DistanceFromFile,
    double? AscentMeters,
    double? AvgHeartRateBpm,
    double? MaxHeartRateBpm,
    double? AvgCadenceStepsPerMinute,
    double SegmentTimerSeconds,
    int SegmentsWithTime);

/// <summary>
/// Turns the raw samples of a GPX or TCX track into <see cref="ActivityStreams"/>: elapsed time from the start, the
/// file's own distance (when any sample has one) and speed (per sample) and otherwise values derived from positions
/// (<see cref="TrackDerivation"/>), cadence in steps per minute, and the sample-based totals.
/// </summary>
internal static class TrackAssembler
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <param name="startUtc">The activity's start; null to start at the earliest sample time.</param>
    public static AssembledTrack Assemble(TrackSamples samples, DateTimeOffset? startUtc, Sport sport)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var count = samples.Count;
        var ticks = samples.TicksUtc;
        var segments = samples.Segments;

        long minTicks = long.MaxValue, maxTicks = long.MinValue;
        foreach (var t in ticks)
        {
            if (t != TrackSamples.MissingTicks)
            {
                minTicks = Math.Min(minTicks, t);
                maxTicks = Math.Max(maxTicks, t);
            }
        }

        var anyTime = minTicks != long.MaxValue;
        long? startTicks = startUtc?.UtcTicks ?? (anyTime ? minTicks : null);

        var elapsed = new double[count];
        for (var i = 0; i < count; i++)
        {
            elapsed[i] = ticks[i] == TrackSamples.MissingTicks || startTicks is null ? double.NaN : (ticks[i] - startTicks.Value) / TicksPerSecond;
        }

        var distanceFromFile = samples.Any(SampleColumn.Distance);
        var distance = new double[count];
        double totalDistance;
        if (distanceFromFile)
        {
            samples.Column(SampleColumn.Distance).CopyTo(distance);
            totalDistance = Max(distance);
        }
        else
        {
            totalDistance = TrackDerivation.CumulativeDistance(
                samples.Column(SampleColumn.Latitude), samples.Column(SampleColumn.Longitude), segments, distance);
            if (double.IsNaN(totalDistance) && !samples.Any(SampleColumn.Latitude))
            {
                // No positions at all: a zero column would claim the runner stood still.
                distance.AsSpan().Fill(double.NaN);
            }
        }

        // Speed is local, so unlike distance it can mix: the file's value where it has one, derived elsewhere
        // (Forerunner 305 TCX files carry ns3:Speed on the first trackpoint only).
        var speed = new double[count];
        TrackDerivation.Speed(elapsed, distance, segments, speed);
        var fileSpeed = samples.Column(SampleColumn.Speed);
        for (var i = 0; i < count; i++)
        {
            if (!double.IsNaN(fileSpeed[i]))
            {
                speed[i] = fileSpeed[i];
            }
        }

        var builder = new ActivityStreamsBuilder(count);
        var streams = builder.Columns;
        var latitude = samples.Column(SampleColumn.Latitude);
        var longitude = samples.Column(SampleColumn.Longitude);
        var altitude = samples.Column(SampleColumn.Altitude);
        var heartRate = samples.Column(SampleColumn.HeartRate);
        var cadence = samples.Column(SampleColumn.Cadence);
        var power = samples.Column(SampleColumn.Power);
        var temperature = samples.Column(SampleColumn.Temperature);
        var perFoot = sport.CountsCadencePerFoot();

        double hrSum = 0, hrMax = double.NaN, cadenceSum = 0;
        int hrCount = 0, cadenceCount = 0;
        for (var i = 0; i < count; i++)
        {
            streams.ElapsedSeconds[i] = (float)elapsed[i];
            streams.DistanceMeters[i] = (float)distance[i];
            streams.SpeedMetersPerSecond[i] = (float)speed[i];
            streams.AltitudeMeters[i] = (float)altitude[i];
            streams.HeartRateBpm[i] = (float)heartRate[i];
            streams.PowerWatts[i] = (float)power[i];
            streams.TemperatureCelsius[i] = (float)temperature[i];
            if (!double.IsNaN(latitude[i]) && !double.IsNaN(longitude[i]))
            {
                streams.LatitudeDegrees[i] = latitude[i];
                streams.LongitudeDegrees[i] = longitude[i];
            }

            if (!double.IsNaN(heartRate[i]))
            {
                hrSum += heartRate[i];
                hrCount++;
                hrMax = double.IsNaN(hrMax) ? heartRate[i] : Math.Max(hrMax, heartRate[i]);
            }

            if (perFoot && !double.IsNaN(cadence[i]))
            {
                var stepsPerMinute = cadence[i] * 2;
                streams.Cadence[i] = (float)stepsPerMinute;
                cadenceSum += stepsPerMinute;
                cadenceCount++;
            }
            else
            {
                // Other sports keep the file's number in the sport's unit (rpm for cycling): Activity.CadenceUnit.
                streams.Cadence[i] = (float)cadence[i];
            }
        }

        var (segmentTimer, segmentsWithTime) = SegmentTimes(ticks, segments);
        var ascent = TrackDerivation.AscentMeters(altitude);
        return new AssembledTrack(
            builder.Build(),
            anyTime ? new DateTimeOffset(minTicks, TimeSpan.Zero) : null,
            anyTime ? new DateTimeOffset(maxTicks, TimeSpan.Zero) : null,
            NullIfNaN(totalDistance),
            distanceFromFile,
            NullIfNaN(ascent),
            hrCount > 0 ? hrSum / hrCount : null,
            NullIfNaN(hrMax),
            cadenceCount > 0 ? cadenceSum / cadenceCount : null,
            segmentTimer,
            segmentsWithTime);
    }

    public static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NaN;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                max = double.IsNaN(max) ? value : Math.Max(max, value);
            }
        }

        return max;
    }

    private static (double Seconds, int Segments) SegmentTimes(ReadOnlySpan<long> ticks, ReadOnlySpan<int> segments)
    {
        double seconds = 0;
        var withTime = 0;
        var i = 0;
        while (i < ticks.Length)
        {
            var segment = segments[i];
            long first = long.MaxValue, last = long.MinValue;
            for (; i < ticks.Length && segments[i] == segment; i++)
            {
                if (ticks[i] != TrackSamples.MissingTicks)
                {
                    first = Math.Min(first, ticks[i]);
                    last = Math.Max(last, ticks[i]);
                }
            }

            if (first != long.MaxValue)
            {
                seconds += (last - first) / TicksPerSecond;
                withTime++;
            }
        }

        return (seconds, withTime);
    }
}
