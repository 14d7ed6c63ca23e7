namespace CalfCoach.Formats.Xml;

/// <summary>
/// The samples of one activity as growable columns in file order, as read from GPX or TCX before anything is derived.
/// Values the file did not give are NaN (times: <see cref="MissingTicks"/>). Grows by doubling, so adding a sample does
/// not allocate; <see cref="Clear"/> keeps the arrays for the next activity of the same file.
/// </summary>
internal sealed class TrackSamples
{
    public const long MissingTicks = long.MinValue;

    private const int ColumnCount = (int)SampleColumn.Speed + 1;

    private readonly double[][] _columns = new double[ColumnCount][];
    private long[] _ticksUtc;
    private int[] _segments;

    public TrackSamples(int initialCapacity = 1024)
    {
        var capacity = Math.Max(16, initialCapacity);
        _ticksUtc = new long[capacity];
        _segments = new int[capacity];
        for (var i = 0; i < ColumnCount; i++)
        {
            _columns[i] = new double[capacity];
        }
    }

    public int Count { get; private set; }

    /// <summary>Segment number given to samples added from now on (GPX trkseg, TCX Track).</summary>
    public int Segment { get; private set; }

    public Span<long> TicksUtc => _ticksUtc.AsSpan(0, Count);

    public Span<int> Segments => _segments.AsSpan(0, Count);

    public Span<double> Column(SampleColumn column) => _columns[(int)column].AsSpan(0, Count);

    public void StartSegment() => Segment++;

    /// <summary>Appends a sample with every value missing and returns its index.</summary>
    public int Add()
    {
        if (Count == _ticksUtc.Length)
        {
            var capacity = checked(_ticksUtc.Length * 2);
            Array.Resize(ref _ticksUtc, capacity);
            Array.Resize(ref _segments, capacity);
            for (var i = 0; i < ColumnCount; i++)
            {
                Array.Resize(ref _columns[i], capacity);
            }
        }

        var index = Count;
        _ticksUtc[index] = MissingTicks;
        _segments[index] = Segment;
        for (var i = 0; i < ColumnCount; i++)
        {
            _columns[i][index] = double.NaN;
        }

        Count++;
        return index;
    }

    /// <summary>Drops the last sample: the point being read when the file turned out to be damaged.</summary>
    public void RemoveLast()
    {
        if (Count > 0)
        {
            Count--;
        }
    }

    public void Set(SampleColumn column, int index, double value) => _columns[(int)column][index] = value;

    public void SetTime(int index, DateTimeOffset instant) => _ticksUtc[index] = instant.UtcTicks;

    public bool Any(SampleColumn column)
    {
        foreach (var value in Column(column))
        {
            if (!double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    public void Clear()
    {
        Count = 0;
        Segment = 0;
    }
}

/// <summary>A column of <see cref="TrackSamples"/>, in the file's own units (cadence as the file counts it).</summary>
internal enum SampleColumn
{
    Latitude,
    Longitude,
    Altitude,
    HeartRate,

    /// <summary>As written: revolutions per minute, or per-foot steps per minute for foot sports.</summary>
    Cadence,
    Power,
    Temperature,

    /// <summary>Cumulative distance the file itself recorded (TCX DistanceMeters).</summary>
    Distance,

    /// <summary>Speed the file itself recorded (TCX ns3:Speed, gpxtpx:speed).</summary>
    Speed,
}
