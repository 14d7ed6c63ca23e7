namespace CalfCoach.Formats.Fit;

/// <summary>
/// Growable columns for <see cref="FitRecordStreams"/>. Every appended record sets every column exactly once (in
/// record order), so the arrays are allocated without zeroing; they grow by doubling, so appending a record does not
/// allocate.
/// </summary>
/// <remarks>
/// A column is only allocated once it receives a value that is not NaN: many devices never write several of the
/// channels (running dynamics, power, temperature…), and a column with no value at all shares one read-only array
/// of NaN instead of filling its own. That saves allocating and touching about half of the output memory on real
/// files.
/// </remarks>
internal sealed class RecordStreamsBuilder
{
    private const int ColumnCount = (int)RecordColumn.Cycles + 1;
    private const int MinCapacity = 16;

    // Builders kept for reuse are for files of up to this many records (about 8 MB of columns; 18 hours at one record
    // a second), and at most one per core is kept, whichever threads the decodes run on.
    private const int MaxReusableRecords = 1 << 16;

    private static readonly Stack<RecordStreamsBuilder> Reusable = new();

    // Shared by every result's all-NaN columns; grown (by replacement, never written after publication) as needed.
    private static double[] _sharedMissing = [];

    // null: no value but NaN so far.
    private readonly double[]?[] _columns = new double[ColumnCount][];

    // Arrays kept from an earlier use (see Reset), taken again when a column gets its first value.
    private readonly double[]?[] _spare = new double[ColumnCount][];
    private uint[] _timestamps = [];

    public int Count { get; private set; }

    public int RecordsWithDeveloperFields { get; set; }

    /// <summary>FIT seconds per record; <see cref="FitRecordStreams.NoTimestamp"/> where the record had none.</summary>
    public ReadOnlySpan<uint> Timestamps => _timestamps.AsSpan(0, Count);

    /// <summary>Whether <paramref name="column"/> has had a value that is not NaN.</summary>
    public bool HasValues(RecordColumn column) => _columns[(int)column] is not null;

    /// <summary>The column's values (all NaN when it has none).</summary>
    public ReadOnlySpan<double> Column(RecordColumn column) =>
        _columns[(int)column] is { } values ? values.AsSpan(0, Count) : Missing(Count).Span;

    /// <summary>Makes room for at least <paramref name="capacity"/> records in total without regrowing.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _timestamps.Length)
        {
            Resize(capacity);
        }
    }

    /// <summary>Appends a record and returns its index; the caller then sets its timestamp and every column.</summary>
    public int AddUnset()
    {
        if (Count == _timestamps.Length)
        {
            Resize(Math.Max(MinCapacity, _timestamps.Length * 2));
        }

        return Count++;
    }

    /// <summary>
    /// Appends <paramref name="count"/> records and returns the index of the first; the caller then sets their
    /// timestamps and every column through <see cref="Target"/> and <see cref="Commit"/> (or <see cref="SetMissing"/>).
    /// </summary>
    public int AddUnset(int count)
    {
        var first = Count;
        if (first + count > _timestamps.Length)
        {
            Resize(Math.Max(Math.Max(MinCapacity, _timestamps.Length * 2), first + count));
        }

        Count = first + count;
        return first;
    }

    public Span<uint> TimestampTarget(int first, int count) => _timestamps.AsSpan(first, count);

    /// <summary>
    /// Where to write <paramref name="count"/> values of <paramref name="column"/> from record
    /// <paramref name="first"/>: the column itself once it exists, else <paramref name="scratch"/> (then
    /// <see cref="Commit"/> decides whether the column is needed).
    /// </summary>
    public Span<double> Target(RecordColumn column, int first, int count, Span<double> scratch) =>
        _columns[(int)column] is { } values ? values.AsSpan(first, count) : scratch[..count];

    /// <summary>
    /// Finishes values written to <see cref="Target"/>: when they went to the scratch buffer and one of them is not
    /// NaN, the column is allocated (NaN before) and they are copied in. Values are only ever tested with
    /// <see cref="double.IsNaN(double)"/>, as <see cref="Set"/> does, so a NaN read from a float field stays unstored.
    /// </summary>
    public void Commit(RecordColumn column, int first, ReadOnlySpan<double> written)
    {
        if (_columns[(int)column] is not null)
        {
            return;
        }

        for (var i = 0; i < written.Length; i++)
        {
            if (!double.IsNaN(written[i]))
            {
                // Like Set: NaN before the column's first value is the canonical NaN of the fill, whatever its bits were.
                written[i..].CopyTo(Materialize(column).AsSpan(first + i));
                return;
            }
        }
    }

    /// <summary>The whole column to write, allocated (all NaN) if it had no value yet.</summary>
    public Span<double> Materialized(RecordColumn column) =>
        (_columns[(int)column] ?? Materialize(column)).AsSpan(0, Count);

    /// <summary>Records <paramref name="first"/>.. have no value in <paramref name="column"/> (the field is absent).</summary>
    public void SetMissing(RecordColumn column, int first, int count)
    {
        if (_columns[(int)column] is { } values)
        {
            values.AsSpan(first, count).Fill(double.NaN);
        }
    }

    /// <summary>Sets one value of a record; each column of each record is set once, records in order.</summary>
    public void Set(RecordColumn column, int index, double value)
    {
        var values = _columns[(int)column];
        if (values is not null)
        {
            values[index] = value;
        }
        else if (!double.IsNaN(value))
        {
            Materialize(column)[index] = value;
        }
    }

    public void SetTimestamp(int index, uint fitSeconds) => _timestamps[index] = fitSeconds;

    public FitRecordStreams Build() => new()
    {
        Count = Count,
        TimestampSeconds = _timestamps.AsMemory(0, Count),
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

    /// <summary>
    /// A builder whose arrays were used before, for a caller that copies the decoded records out before it calls
    /// <see cref="Return"/> (the converter does): decoding file after file then allocates its columns once, instead of
    /// fresh arrays per file that the kernel must zero and that, for long files, only full collections reclaim.
    /// </summary>
    public static RecordStreamsBuilder Rent()
    {
        lock (Reusable)
        {
            if (Reusable.TryPop(out var builder))
            {
                return builder;
            }
        }

        return new RecordStreamsBuilder();
    }

    /// <summary>Gives a rented builder back; nothing <see cref="Build"/> made from it may be used afterwards.</summary>
    public static void Return(RecordStreamsBuilder builder)
    {
        if (builder.Capacity > MaxReusableRecords)
        {
            return;
        }

        lock (Reusable)
        {
            if (Reusable.Count < Environment.ProcessorCount)
            {
                Reusable.Push(builder);
            }
        }
    }

    /// <summary>Records the builder can hold without allocating (the largest file it has been used for).</summary>
    public int Capacity => _timestamps.Length;

    /// <summary>
    /// Empties the builder for the next file and keeps its arrays (see <see cref="Rent"/>). Everything
    /// <see cref="Build"/> returned before is overwritten by the next use.
    /// </summary>
    public void Reset()
    {
        for (var i = 0; i < ColumnCount; i++)
        {
            if (_columns[i] is { } values)
            {
                _spare[i] = values;
                _columns[i] = null;
            }
        }

        Count = 0;
        RecordsWithDeveloperFields = 0;
    }

    /// <summary>Allocates (or takes back) a column that had only NaN so far: NaN for every record up to now.</summary>
    private double[] Materialize(RecordColumn column)
    {
        var values = _spare[(int)column] is { } spare && spare.Length == _timestamps.Length
            ? spare
            : GC.AllocateUninitializedArray<double>(_timestamps.Length);
        _spare[(int)column] = null;
        values.AsSpan(0, Count).Fill(double.NaN);
        _columns[(int)column] = values;
        return values;
    }

    private void Resize(int capacity)
    {
        // Spare arrays are only ever taken at the current capacity.
        Array.Clear(_spare);
        _timestamps = Grow(_timestamps, capacity, Count);
        for (var i = 0; i < ColumnCount; i++)
        {
            if (_columns[i] is { } values)
            {
                _columns[i] = Grow(values, capacity, Count);
            }
        }
    }

    private static T[] Grow<T>(T[] old, int capacity, int count)
        where T : unmanaged
    {
        // Only the first count elements are ever read before being written.
        var larger = GC.AllocateUninitializedArray<T>(capacity);
        old.AsSpan(0, count).CopyTo(larger);
        return larger;
    }

    private ReadOnlyMemory<double> Memory(RecordColumn column) =>
        _columns[(int)column] is { } values ? values.AsMemory(0, Count) : Missing(Count);

    /// <summary><paramref name="count"/> NaN values from the shared read-only array.</summary>
    private static ReadOnlyMemory<double> Missing(int count)
    {
        var missing = Volatile.Read(ref _sharedMissing);
        if (missing.Length < count)
        {
            missing = new double[Math.Max(count, (int)Math.Min(missing.Length * 2L, Array.MaxLength))];
            missing.AsSpan().Fill(double.NaN);
            Volatile.Write(ref _sharedMissing, missing);
        }

        return missing.AsMemory(0, count);
    }
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
