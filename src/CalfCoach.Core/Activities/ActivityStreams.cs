namespace CalfCoach.Core.Activities;

/// <summary>The per-sample channels an activity may carry.</summary>
public enum StreamKind
{
    Distance,
    Speed,
    HeartRate,
    Cadence,
    Altitude,
    Position,
    Power,
    StrideLength,
    VerticalOscillation,
    GroundContactTime,
    Temperature,
}

/// <summary>
/// An activity's samples as parallel columns (one entry per recorded sample, in time order). A value
/// the device did not record is NaN. Columns are plain arrays so metrics run over them without
/// allocation; the type is immutable by convention (build with <see cref="ActivityStreamsBuilder"/>).
/// </summary>
public sealed class ActivityStreams
{
    internal ActivityStreams(int count, bool uninitialized = false)
    {
        Count = count;
        ElapsedSeconds = uninitialized ? GC.AllocateUninitializedArray<float>(count) : new float[count];
        DistanceMeters = Nan(count, uninitialized);
        SpeedMetersPerSecond = Nan(count, uninitialized);
        HeartRateBpm = Nan(count, uninitialized);
        Cadence = Nan(count, uninitialized);
        AltitudeMeters = Nan(count, uninitialized);
        LatitudeDegrees = NanD(count, uninitialized);
        LongitudeDegrees = NanD(count, uninitialized);
        PowerWatts = Nan(count, uninitialized);
        StrideLengthMeters = Nan(count, uninitialized);
        VerticalOscillationMillimeters = Nan(count, uninitialized);
        GroundContactTimeMilliseconds = Nan(count, uninitialized);
        TemperatureCelsius = Nan(count, uninitialized);
    }

    public static ActivityStreams Empty { get; } = new(0);

    public int Count { get; }

    /// <summary>Seconds since the activity's start instant (wall-clock, pauses included).</summary>
    public float[] ElapsedSeconds { get; }

    /// <summary>Cumulative distance from the start.</summary>
    public float[] DistanceMeters { get; }

    public float[] SpeedMetersPerSecond { get; }

    public float[] HeartRateBpm { get; }

    /// <summary>
    /// Cadence in the activity's <see cref="Activity.CadenceUnit"/>: for foot sports steps per minute, both feet counted
    /// (170 for a typical runner, not the 85 some files store); for cycling pedal revolutions per minute; for swimming
    /// strokes per minute. Only steps per minute ever reach the step-rate analysis.
    /// </summary>
    public float[] Cadence { get; }

    public float[] AltitudeMeters { get; }

    /// <summary>WGS84; double because float loses about a metre at these magnitudes.</summary>
    public double[] LatitudeDegrees { get; }

    public double[] LongitudeDegrees { get; }

    public float[] PowerWatts { get; }

    /// <summary>Length of one step (not a stride of two steps).</summary>
    public float[] StrideLengthMeters { get; }

    public float[] VerticalOscillationMillimeters { get; }

    public float[] GroundContactTimeMilliseconds { get; }

    public float[] TemperatureCelsius { get; }

    /// <summary>Number of samples with a value in the channel.</summary>
    public int CountPresent(StreamKind kind)
    {
        var count = 0;
        switch (kind)
        {
            case StreamKind.Position:
                for (var i = 0; i < Count; i++)
                {
                    if (!double.IsNaN(LatitudeDegrees[i]))
                    {
                        count++;
                    }
                }

                return count;
            default:
                foreach (var value in Column(kind))
                {
                    if (!float.IsNaN(value))
                    {
                        count++;
                    }
                }

                return count;
        }
    }

    public bool Has(StreamKind kind) => CountPresent(kind) > 0;

    /// <summary>The float column of a channel (not <see cref="StreamKind.Position"/>, which is two double columns).</summary>
    public float[] Column(StreamKind kind) => kind switch
    {
        StreamKind.Distance => DistanceMeters,
        StreamKind.Speed => SpeedMetersPerSecond,
        StreamKind.HeartRate => HeartRateBpm,
        StreamKind.Cadence => Cadence,
        StreamKind.Altitude => AltitudeMeters,
        StreamKind.Power => PowerWatts,
        StreamKind.StrideLength => StrideLengthMeters,
        StreamKind.VerticalOscillation => VerticalOscillationMillimeters,
        StreamKind.GroundContactTime => GroundContactTimeMilliseconds,
        StreamKind.Temperature => TemperatureCelsius,
        StreamKind.Position => throw new ArgumentException("Position is stored as LatitudeDegrees and LongitudeDegrees.", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static float[] Nan(int count, bool uninitialized)
    {
        if (uninitialized)
        {
            return GC.AllocateUninitializedArray<float>(count);
        }

        var array = new float[count];
        array.AsSpan().Fill(float.NaN);
        return array;
    }

    private static double[] NanD(int count, bool uninitialized)
    {
        if (uninitialized)
        {
            return GC.AllocateUninitializedArray<double>(count);
        }

        var array = new double[count];
        array.AsSpan().Fill(double.NaN);
        return array;
    }
}

/// <summary>Fills an <see cref="ActivityStreams"/> of a known sample count, then hands it over.</summary>
public sealed class ActivityStreamsBuilder
{
    private ActivityStreams? _streams;

    public ActivityStreamsBuilder(int count)
        : this(count, uninitialized: false)
    {
    }

    private ActivityStreamsBuilder(int count, bool uninitialized)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _streams = new ActivityStreams(count, uninitialized);
    }

    /// <summary>
    /// A builder whose columns start with arbitrary values instead of NaN (and elapsed time 0): for a producer that
    /// writes every sample of every column, such as a decoder converting whole columns, so the memory is not
    /// cleared and filled only to be overwritten.
    /// </summary>
    public static ActivityStreamsBuilder ForOverwrite(int count) => new(count, uninitialized: true);

    /// <summary>The columns to fill. Valid until <see cref="Build"/>.</summary>
    public ActivityStreams Columns => _streams ?? throw new InvalidOperationException("Build() was already called.");

    public ActivityStreams Build()
    {
        var built = Columns;
        _streams = null;
        return built;
    }
}
