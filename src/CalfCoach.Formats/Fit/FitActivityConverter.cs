using System.Runtime.Intrinsics;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Turns a decoded <see cref="FitActivity"/> into the core <see cref="Activity"/> model. A multisport
/// file (a triathlon, a brick session) becomes one activity per session, so that only the running
/// part counts as running load.
/// </summary>
public static class FitActivityConverter
{
    // FIT profile type "manufacturer": the common ones, for a readable device name.
    private static readonly Dictionary<ushort, string> Manufacturers = new()
    {
        [1] = "Garmin",
        [23] = "Suunto",
        [32] = "Wahoo",
        [71] = "TomTom",
        [95] = "Stryd",
        [123] = "Polar",
        [255] = "Development",
        [260] = "Zwift",
        [265] = "Strava",
        [294] = "COROS",
    };

    /// <summary>
    /// Decodes FIT bytes straight into activities: what the importer does. The record columns are decoded into
    /// reused arrays (<see cref="RecordStreamsBuilder.Rent"/>), since the activities copy what they keep.
    /// </summary>
    /// <exception cref="FitFormatException">The bytes are not FIT, or nothing in the file says when the activity started.</exception>
    public static IReadOnlyList<Activity> ToActivities(ReadOnlySpan<byte> fitBytes, ActivitySource source, FitReaderOptions options = default)
    {
        var columns = RecordStreamsBuilder.Rent();
        try
        {
            return ToActivities(new FitActivityDecoder(options).Decode(fitBytes, columns), source);
        }
        finally
        {
            RecordStreamsBuilder.Return(columns);
        }
    }

    /// <exception cref="FitFormatException">Nothing in the file says when the activity started.</exception>
    public static IReadOnlyList<Activity> ToActivities(FitActivity fit, ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(source);
        var problems = fit.Problems.Select(p => p.ToString()).ToArray();
        var device = DeviceName(fit);

        if (fit.Sessions.Count <= 1)
        {
            var session = fit.Sessions.Count == 1 ? fit.Sessions[0] : null;
            var start = session?.StartTimeUtc ?? FirstTimestamp(fit.Records, 0, fit.Records.Count) ?? fit.FileId?.TimeCreatedUtc
                ?? throw new FitFormatException(0, "the file has no session start, record timestamp or creation time, so the activity cannot be placed in time; it is probably not an activity file");
            return [Build(fit, session, fit.Sport, fit.SubSport, start, 0, fit.Records.Count, source, device, problems)];
        }

        if (fit.Sessions.Count > ActivityPlausibility.MaxSessionsPerFile)
        {
            // Thousands of sessions (a hostile or broken file) would become thousands of runs: keep the records as one
            // activity, with totals from the samples, and say why it is not counted.
            var firstStart = fit.Sessions.Select(s => s.StartTimeUtc ?? s.TimestampUtc).FirstOrDefault(t => t is not null)
                ?? FirstTimestamp(fit.Records, 0, fit.Records.Count) ?? fit.FileId?.TimeCreatedUtc
                ?? throw new FitFormatException(0, "the file has no session start, record timestamp or creation time, so the activity cannot be placed in time; it is probably not an activity file");
            var whole = Build(fit, null, fit.Sport, fit.SubSport, firstStart, 0, fit.Records.Count, source, device, problems);
            return [whole with { NotCountedBecause = $"the file has {fit.Sessions.Count} sessions; more than {ActivityPlausibility.MaxSessionsPerFile} is not one day's sport, so they are kept together as one activity and not counted" }];
        }

        var activities = new List<Activity>(fit.Sessions.Count);
        for (var i = 0; i < fit.Sessions.Count; i++)
        {
            var session = fit.Sessions[i];
            var start = session.StartTimeUtc ?? session.TimestampUtc ?? fit.FileId?.TimeCreatedUtc;
            if (start is null)
            {
                continue;
            }

            var end = session.TimestampUtc ?? (session.TotalElapsedTimeSeconds is { } elapsed ? start.Value.AddSeconds(elapsed) : start.Value);
            var (from, to) = RecordRange(fit.Records, start.Value, end);

            // Each session is its own activity, all from the same file; the importer gives each its own key.
            activities.Add(Build(fit, session, session.Sport, session.SubSport, start.Value, from, to, source, device, problems));
        }

        return activities;
    }

    private static Activity Build(
        FitActivity fit, FitSession? session, FitSport? fitSport, FitSubSport? fitSubSport, DateTimeOffset start,
        int from, int to, ActivitySource source, string? device, string[] problems)
    {
        // Foot sports take the doubled steps-per-minute column; others keep FIT's number (rpm, strokes) as recorded.
        var streams = Streams(fit.Records, IsFoot(fitSport), start, from, to);
        var lastElapsed = streams.Count > 0 ? streams.ElapsedSeconds[^1] : 0;
        var laps = fit.Laps
            .Where(l => l.StartTimeUtc is { } s && s >= start && (session?.TimestampUtc is not { } end || s <= end))
            .Select(l => new ActivityLap(
                l.StartTimeUtc!.Value,
                l.TotalElapsedTimeSeconds ?? 0,
                l.TotalTimerTimeSeconds,
                l.TotalDistanceMeters,
                l.AvgHeartRateBpm,
                l.AvgCadence is { } c && IsFoot(l.Sport ?? fitSport) ? 2 * c : null,
                l.AvgSpeedMetersPerSecond))
            .ToArray();

        return new Activity
        {
            StartUtc = start,
            UtcOffset = fit.UtcOffset,
            Sport = MapSport(fitSport),
            SubSport = MapSubSport(fitSubSport),
            Device = device,
            ElapsedSeconds = session?.TotalElapsedTimeSeconds ?? lastElapsed,
            TimerSeconds = session?.TotalTimerTimeSeconds,
            DistanceMeters = session?.TotalDistanceMeters ?? LastValue(streams.DistanceMeters),
            AscentMeters = session?.TotalAscentMeters,
            AvgHeartRateBpm = session?.AvgHeartRateBpm,
            MaxHeartRateBpm = session?.MaxHeartRateBpm,
            AvgCadenceStepsPerMinute = session?.AvgCadenceStepsPerMinute,
            Laps = laps,
            Streams = streams,
            Source = source,
            IsPartial = fit.IsPartial,
            Problems = problems,
        };
    }

    private static ActivityStreams Streams(FitRecordStreams records, bool footSport, DateTimeOffset start, int from, int to)
    {
        // Column by column: each is one narrowing loop (vectorised), rather than thirteen columns touched per sample.
        var count = to - from;
        // Every sample of every column is written below, so the columns need not start as NaN.
        var builder = ActivityStreamsBuilder.ForOverwrite(count);
        var s = builder.Columns;
        ElapsedSeconds(records.TimestampSeconds.Span.Slice(from, count), start, s.ElapsedSeconds);
        Narrow(records.DistanceMeters.Span.Slice(from, count), s.DistanceMeters);
        Narrow(records.SpeedMetersPerSecond.Span.Slice(from, count), s.SpeedMetersPerSecond);
        Narrow(records.HeartRateBpm.Span.Slice(from, count), s.HeartRateBpm);
        Narrow((footSport ? records.CadenceStepsPerMinute : records.Cadence).Span.Slice(from, count), s.Cadence);
        Narrow(records.AltitudeMeters.Span.Slice(from, count), s.AltitudeMeters);
        records.LatitudeDegrees.Span.Slice(from, count).CopyTo(s.LatitudeDegrees);
        records.LongitudeDegrees.Span.Slice(from, count).CopyTo(s.LongitudeDegrees);
        Narrow(records.PowerWatts.Span.Slice(from, count), s.PowerWatts);
        Narrow(records.StepLengthMillimeters.Span.Slice(from, count), s.StrideLengthMeters, divisor: 1000);
        Narrow(records.VerticalOscillationMillimeters.Span.Slice(from, count), s.VerticalOscillationMillimeters);
        Narrow(records.StanceTimeMilliseconds.Span.Slice(from, count), s.GroundContactTimeMilliseconds);
        Narrow(records.TemperatureCelsius.Span.Slice(from, count), s.TemperatureCelsius);
        return builder.Build();
    }

    /// <summary>
    /// Seconds from <paramref name="start"/> to each record's time, as <c>(instant − start).TotalSeconds</c> computed in
    /// ticks (without building each instant); a record without a timestamp keeps the previous time, so the column
    /// stays ordered.
    /// </summary>
    private static void ElapsedSeconds(ReadOnlySpan<uint> times, DateTimeOffset start, Span<float> elapsed)
    {
        var ticksFromStart = FitDateTime.Epoch.UtcTicks - start.UtcTicks;
        var previous = 0f;
        for (var i = 0; i < times.Length && i < elapsed.Length; i++)
        {
            if (times[i] != FitRecordStreams.NoTimestamp)
            {
                previous = (float)new TimeSpan(ticksFromStart + (times[i] * TimeSpan.TicksPerSecond)).TotalSeconds;
            }

            elapsed[i] = previous;
        }
    }

    /// <summary><c>(float)(value / divisor)</c> for each value (NaN stays NaN), eight at a time where the CPU can.</summary>
    private static void Narrow(ReadOnlySpan<double> values, Span<float> target, double divisor = 1)
    {
        target = target[..values.Length];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var by = Vector256.Create(divisor);
            for (; i + 8 <= values.Length; i += 8)
            {
                var low = Vector256.Create(values.Slice(i, 4));
                var high = Vector256.Create(values.Slice(i + 4, 4));
                if (divisor != 1)
                {
                    low /= by;
                    high /= by;
                }

                Vector256.Narrow(low, high).CopyTo(target.Slice(i, 8));
            }
        }

        for (; i < values.Length; i++)
        {
            target[i] = (float)(values[i] / divisor);
        }
    }

    private static (int From, int To) RecordRange(FitRecordStreams records, DateTimeOffset start, DateTimeOffset end)
    {
        var times = records.TimestampSeconds.Span;
        var from = -1;
        var to = -1;
        // The instants compared in ticks, without building each one.
        var epochTicks = FitDateTime.Epoch.UtcTicks;
        var startTicks = start.UtcTicks;
        var endTicks = end.UtcTicks;
        for (var i = 0; i < records.Count; i++)
        {
            if (times[i] != FitRecordStreams.NoTimestamp && epochTicks + (times[i] * TimeSpan.TicksPerSecond) is var t && t >= startTicks && t <= endTicks)
            {
                if (from < 0)
                {
                    from = i;
                }

                to = i + 1;
            }
        }

        return from < 0 ? (0, 0) : (from, to);
    }

    private static DateTimeOffset? FirstTimestamp(FitRecordStreams records, int from, int to)
    {
        var times = records.TimestampSeconds.Span;
        for (var i = from; i < to; i++)
        {
            if (times[i] != FitRecordStreams.NoTimestamp)
            {
                return FitDateTime.ToDateTimeOffset(times[i]);
            }
        }

        return null;
    }

    private static double? LastValue(float[] column)
    {
        for (var i = column.Length - 1; i >= 0; i--)
        {
            if (!float.IsNaN(column[i]))
            {
                return column[i];
            }
        }

        return null;
    }

    private static bool IsFoot(FitSport? sport) => sport is { } s && FitProfile.IsFootSport(s);

    internal static Sport MapSport(FitSport? sport) => sport switch
    {
        FitSport.Running => Sport.Running,
        FitSport.Walking => Sport.Walking,
        FitSport.Hiking or FitSport.Mountaineering or FitSport.Snowshoeing => Sport.Hiking,
        FitSport.Cycling or FitSport.EBiking => Sport.Cycling,
        FitSport.Swimming => Sport.Swimming,
        _ => Sport.Other,
    };

    internal static SubSport MapSubSport(FitSubSport? subSport) => subSport switch
    {
        null or FitSubSport.Generic => SubSport.Generic,
        FitSubSport.Treadmill or FitSubSport.IndoorRunning => SubSport.Treadmill,
        FitSubSport.Trail => SubSport.Trail,
        FitSubSport.Track => SubSport.Track,
        FitSubSport.Street or FitSubSport.Road => SubSport.Road,
        FitSubSport.VirtualActivity => SubSport.Virtual,
        _ => SubSport.Other,
    };

    private static string? DeviceName(FitActivity fit)
    {
        if (fit.FileId is not { } id)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(id.ProductName))
        {
            return id.ProductName;
        }

        var maker = id.Manufacturer is { } m ? Manufacturers.GetValueOrDefault(m, $"manufacturer {m}") : null;
        return (maker, id.Product) switch
        {
            (null, null) => null,
            (_, null) => maker,
            (null, { } p) => $"product {p}",
            ({ } name, { } p) => $"{name} (product {p})",
        };
    }
}
