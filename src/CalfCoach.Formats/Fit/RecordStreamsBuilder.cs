namespace CalfCoach.Formats.Fit;

/// <summary>Growable columns for <see cref="FitRecordStreams"/>; grows by doubling so appending a record does not allocate.</summary>
internal sealed class RecordStreamsBuilder
{
    private const int ColumnCount = (int)RecordColumn.Cycles + 1;

    private readonly double[][] _columns = new double[ColumnCount][];
    private DateTimeOffset?[] _timestamps;

    public RecordStreamsBuilder(int initialCapacity)
    {
        var capacity = Math.Max(16, initialCapacity);
        _timestamps = new DateTimeOffset?[capacity];
        for (var i = 0; i < ColumnCount; i++)
        {
            _columns[i] = new double[capacity];
        }
    }

    public int Count { get; private set; }

    public int RecordsWithDeveloperFields { get; set; }

    public Span<DateTimeOffset?> Timestamps => _timestamps.AsSpan(0, Count);

    public Span<double> Column(RecordColumn column) => _columns[(int)column].AsSpan(0, Count);

    /// <summary>Appends a record with every value missing and returns its index.</summary>
    public int Add()
    {
        if (Count == _timestamps.Length)
        {
            var capacity = _timestamps.Length * 2;
            Array.Resize(ref _timestamps, capacity);
            for (var i = 0; i < ColumnCount; i++)
            {
                Array.Resize(ref _columns[i], capacity);
            }
        }

        var index = Count;
        _timestamps[index] = null;
        for (var i = 0; i < ColumnCount; i++)
        {
            _columns[i][index] = double.NaN;
        }

        Count++;
        return index;
    }

    public void Set(RecordColumn column, int index, double value) => _columns[(int)column][index] = value;

    public void SetTimestamp(int index, DateTimeOffset value) => _timestamps[index] = value;

    public FitRecordStreams Build() => new()
    {
        Count = Count,
        TimestampsUtc = _timestamps.AsMemory(0, Count),
        LatitudeDegrees = Memory(RecordColumn.Latitude),
        LongitudeDegrees = Memory(RecordColumn.Longitude),
        DistanceMeters = Memory(RecordColumn.Distance),
        SpeedMetersPerSecond = Memory(RecordColumn.Speed),
        AltitudeMeters = Memory(RecordColumn.Altitude),
        HeartRateBpm = Memory(RecordColumn.HeartRate),
        Cadence = Memory(RecordColumn.Cadence),
        CadenceStepsPerMinute = Memory(RecordColumn.CadenceStepsPerMinute),
        PowerWatts = Memory(RecordColumn.Power),
        TemperatureCelsius = Memory(RecordColumn.Temperature),
        VerticalOscillationMillimeters = Memory(RecordColumn.VerticalOscillation),
        StanceTimeMilliseconds = Memory(RecordColumn.StanceTime),
        StepLengthMillimeters = Memory(RecordColumn.StepLength),
        VerticalRatioPercent = Memory(RecordColumn.VerticalRatio),
        Cycles = Memory(RecordColumn.Cycles),
        RecordsWithDeveloperFields = RecordsWithDeveloperFields,
    };

    private ReadOnlyMemory<double> Memory(RecordColumn column) => _columns[(int)column].AsMemory(0, Count);
}

internal enum RecordColumn
{
    Latitude,
    Longitude,
    Distance,
    Speed,
    Altitude,
    HeartRate,
    Cadence,
    CadenceStepsPerMinute,
    Power,
    Temperature,
    VerticalOscillation,
    StanceTime,
    StepLength,
    VerticalRatio,
    Cycles,
}
