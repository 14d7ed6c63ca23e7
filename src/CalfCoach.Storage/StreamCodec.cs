using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using CalfCoach.Core.Activities;

namespace CalfCoach.Storage;

/// <summary>
/// The compact binary form of <see cref="ActivityStreams"/> kept in <c>activity_streams.blob</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Precision: lossless for every channel.</b> <c>Decode(Encode(s))</c> has the same sample count and,
/// for every sample of every column, either the same IEEE bits (present values, including -0, infinities
/// and subnormals) or NaN (missing values; any NaN payload comes back as the canonical NaN).
/// </para>
/// <para>
/// Compactness comes from the grid devices record on, not from rounding. For each column the encoder
/// picks the first grid on which <em>every</em> present value lies exactly (checked bit for bit by
/// decoding) and stores integer steps on it; a column that fits no grid is stored as its raw IEEE bits.
/// Float grids are 1/d for d in <see cref="FloatDivisors"/> (whole seconds, bpm, watts and °C at d = 1;
/// FIT altitude at 5; ground contact time and vertical oscillation at 10; distance at 100; speed at
/// 1000; fractional cadence at 64 or 128), the value being <c>(float)(q / d)</c> as FIT decoders compute
/// it. Latitude and longitude use FIT semicircles (<c>q × 180 / 2³¹</c>) or decimal degrees with 5 to 9
/// decimals (<c>q / 10ⁿ</c>, which is exactly how GPX text parses).
/// </para>
/// <para>
/// Format version 1, little-endian. Header (15 bytes, uncompressed): magic <c>"CCST"</c>, version byte,
/// uint16 bitmask of present columns (bit i = <see cref="Column"/> i, set when the column has a non-NaN
/// value), int32 sample count, int32 length of the uncompressed body. Body, Brotli-compressed: for each
/// present column in <see cref="Column"/> order, a mode byte (0 grid, 1 raw bits), a grid index byte,
/// the missing-value pattern as alternating run lengths (present, missing, present, …; varints summing to
/// the sample count), a delta order byte (1 or 2), then the present values (grid steps, or the raw bits
/// read as a signed integer) as zig-zag varints of their first or second differences, whichever is shorter.
/// </para>
/// </remarks>
public static class StreamCodec
{
    /// <summary>The version written by <see cref="Encode"/> and stored in <c>activity_streams.codec_version</c>.</summary>
    public const int Version = 1;

    private const int HeaderLength = 15;
    // 115 days at 1 Hz; keeps the worst-case body under 2 GB.
    private const int MaxSampleCount = 10_000_000;
    private const byte GridMode = 0;
    private const byte RawMode = 1;
    // Quality 5: within 1 % of quality 9 on real FIT runs at a twentieth of the time; 10 and 11 save
    // another 10–13 % but take 30–200 ms per activity, which a multi-year import would feel.
    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 22;
    private const double DegreesPerSemicircle = 180.0 / 2147483648.0;

    private static ReadOnlySpan<byte> Magic => "CCST"u8;

    /// <summary>Float grids, tried in order (coarsest first gives the smallest integers).</summary>
    private static ReadOnlySpan<double> FloatDivisors => [1, 2, 5, 10, 64, 100, 128, 1000, 10000];

    /// <summary>Degree grids: index 0 is the FIT semicircle, the rest 10⁵ … 10⁹ steps per degree.</summary>
    private static ReadOnlySpan<double> DegreeDivisors => [0, 1e5, 1e6, 1e7, 1e8, 1e9];

    /// <summary>The columns in blob order; the order and numbering are part of format version 1.</summary>
    internal enum Column
    {
        Elapsed,
        Distance,
        Speed,
        HeartRate,
        Cadence,
        Altitude,
        Latitude,
        Longitude,
        Power,
        StrideLength,
        VerticalOscillation,
        GroundContactTime,
        Temperature,
    }

    private const int ColumnCount = 13;

    public static byte[] Encode(ActivityStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var body = ArrayPool<byte>.Shared.Rent(BodyBound(streams.Count));
        byte[]? compressed = null;
        try
        {
            var bodyLength = WriteBody(streams, body, out var mask);
            compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(bodyLength));
            if (!BrotliEncoder.TryCompress(body.AsSpan(0, bodyLength), compressed, out var compressedLength, BrotliQuality, BrotliWindowBits))
            {
                throw new InvalidOperationException("Brotli could not compress into its own bound.");
            }

            var blob = new byte[HeaderLength + compressedLength];
            Magic.CopyTo(blob);
            blob[4] = Version;
            BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(5), mask);
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(7), streams.Count);
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(11), bodyLength);
            compressed.AsSpan(0, compressedLength).CopyTo(blob.AsSpan(HeaderLength));
            return blob;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    /// <summary>The uncompressed body, for measuring compressors against each other.</summary>
    internal static byte[] EncodeUncompressedBody(ActivityStreams streams)
    {
        var body = new byte[BodyBound(streams.Count)];
        var length = WriteBody(streams, body, out _);
        return body.AsSpan(0, length).ToArray();
    }

    /// <summary>Worst case per column: mode, grid and order bytes, one 5-byte run per sample plus one, a 10-byte delta per sample.</summary>
    private static int BodyBound(int count)
    {
        if (count > MaxSampleCount)
        {
            throw new ArgumentException($"At most {MaxSampleCount} samples can be stored; this activity has {count}.", nameof(count));
        }

        return (int)(ColumnCount * (3 + ((count + 1L) * 5) + (count * 10L)));
    }

    private static int WriteBody(ActivityStreams streams, Span<byte> body, out ushort mask)
    {
        mask = 0;
        var writer = new SpanWriter(body);
        for (var c = 0; c < ColumnCount; c++)
        {
            var column = (Column)c;
            if (!HasAnyValue(streams, column))
            {
                continue;
            }

            mask |= (ushort)(1 << c);
            if (column is Column.Latitude or Column.Longitude)
            {
                WriteDoubleColumn(ref writer, column == Column.Latitude ? streams.LatitudeDegrees : streams.LongitudeDegrees);
            }
            else
            {
                WriteFloatColumn(ref writer, FloatColumn(streams, column));
            }
        }

        return writer.Position;
    }

    /// <exception cref="InvalidDataException">The blob is not a version-1 stream blob; the message starts with the byte offset.</exception>
    public static ActivityStreams Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderLength)
        {
            throw Malformed(0, $"a stream blob has a {HeaderLength}-byte header, but the blob is {blob.Length} bytes long");
        }

        if (!blob[..4].SequenceEqual(Magic))
        {
            throw Malformed(0, "not a CalfCoach stream blob (the magic \"CCST\" is missing)");
        }

        if (blob[4] != Version)
        {
            throw Malformed(4, $"stream codec version {blob[4]} is not supported (this build reads version {Version})");
        }

        var mask = BinaryPrimitives.ReadUInt16LittleEndian(blob[5..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(blob[7..]);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(blob[11..]);
        if (mask >> ColumnCount != 0)
        {
            throw Malformed(5, $"column mask 0x{mask:x4} names columns this version does not have");
        }

        if (count is < 0 or > MaxSampleCount)
        {
            throw Malformed(7, $"sample count {count} is out of range");
        }

        if (bodyLength < 0 || bodyLength > BodyBound(count))
        {
            throw Malformed(11, $"body length {bodyLength} is impossible for {count} samples");
        }

        var builder = new ActivityStreamsBuilder(count);
        var streams = builder.Columns;
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(bodyLength, 1));
        try
        {
            if (!BrotliDecoder.TryDecompress(blob[HeaderLength..], body.AsSpan(0, bodyLength), out var written) || written != bodyLength)
            {
                throw Malformed(HeaderLength, $"the compressed body does not decompress to the {bodyLength} bytes the header promises");
            }

            // Offsets in messages below count from the start of the decompressed body.
            var reader = new SpanReader(body.AsSpan(0, bodyLength));
            for (var c = 0; c < ColumnCount; c++)
            {
                var column = (Column)c;
                if ((mask & (1 << c)) == 0)
                {
                    if (column == Column.Elapsed)
                    {
                        streams.ElapsedSeconds.AsSpan().Fill(float.NaN);
                    }

                    continue;
                }

                if (column is Column.Latitude or Column.Longitude)
                {
                    ReadDoubleColumn(ref reader, column == Column.Latitude ? streams.LatitudeDegrees : streams.LongitudeDegrees);
                }
                else
                {
                    ReadFloatColumn(ref reader, FloatColumn(streams, column));
                }
            }

            if (reader.Position != bodyLength)
            {
                throw Malformed(reader.Position, $"{bodyLength - reader.Position} bytes follow the last column");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        return builder.Build();
    }

    private static float[] FloatColumn(ActivityStreams s, Column column) => column switch
    {
        Column.Elapsed => s.ElapsedSeconds,
        Column.Distance => s.DistanceMeters,
        Column.Speed => s.SpeedMetersPerSecond,
        Column.HeartRate => s.HeartRateBpm,
        Column.Cadence => s.Cadence,
        Column.Altitude => s.AltitudeMeters,
        Column.Power => s.PowerWatts,
        Column.StrideLength => s.StrideLengthMeters,
        Column.VerticalOscillation => s.VerticalOscillationMillimeters,
        Column.GroundContactTime => s.GroundContactTimeMilliseconds,
        Column.Temperature => s.TemperatureCelsius,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static bool HasAnyValue(ActivityStreams s, Column column)
    {
        if (column is Column.Latitude or Column.Longitude)
        {
            foreach (var value in column == Column.Latitude ? s.LatitudeDegrees : s.LongitudeDegrees)
            {
                if (!double.IsNaN(value))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var value in FloatColumn(s, column))
        {
            if (!float.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    // ---- float columns ------------------------------------------------------------------------

    private static void WriteFloatColumn(ref SpanWriter writer, ReadOnlySpan<float> values)
    {
        var grid = FindFloatGrid(values);
        writer.WriteByte(grid < 0 ? RawMode : GridMode);
        writer.WriteByte((byte)Math.Max(grid, 0));
        WriteRuns(ref writer, values);

        var divisor = grid < 0 ? 0 : FloatDivisors[grid];
        var integers = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            var n = 0;
            foreach (var value in values)
            {
                if (!float.IsNaN(value))
                {
                    integers[n++] = grid < 0 ? BitConverter.SingleToInt32Bits(value) : (long)Math.Round(value * divisor);
                }
            }

            WriteIntegers(ref writer, integers.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(integers);
        }
    }

    private static int FindFloatGrid(ReadOnlySpan<float> values)
    {
        for (var grid = 0; grid < FloatDivisors.Length; grid++)
        {
            if (FitsFloatGrid(values, FloatDivisors[grid]))
            {
                return grid;
            }
        }

        return -1;
    }

    private static bool FitsFloatGrid(ReadOnlySpan<float> values, double divisor)
    {
        foreach (var value in values)
        {
            if (float.IsNaN(value))
            {
                continue;
            }

            var scaled = value * divisor;
            if (!(Math.Abs(scaled) <= int.MaxValue))
            {
                return false;
            }

            var steps = (long)Math.Round(scaled);
            if (BitConverter.SingleToInt32Bits(FloatOnGrid(steps, divisor)) != BitConverter.SingleToInt32Bits(value))
            {
                return false;
            }
        }

        return true;
    }

    private static float FloatOnGrid(long steps, double divisor) => (float)(steps / divisor);

    private static void ReadFloatColumn(ref SpanReader reader, Span<float> destination)
    {
        var (raw, grid) = ReadMode(ref reader, FloatDivisors.Length);
        var divisor = raw ? 0 : FloatDivisors[grid];
        var runs = reader;
        var present = SkipRuns(ref reader, destination.Length);
        var integers = ArrayPool<long>.Shared.Rent(present);
        try
        {
            var valuesStart = reader.Position;
            ReadIntegers(ref reader, integers.AsSpan(0, present));
            var next = 0;
            var isPresent = true;
            for (var index = 0; index < destination.Length; isPresent = !isPresent)
            {
                var end = index + (int)runs.ReadVarint();
                for (; index < end; index++)
                {
                    if (!isPresent)
                    {
                        destination[index] = float.NaN;
                    }
                    else if (!raw)
                    {
                        destination[index] = FloatOnGrid(integers[next++], divisor);
                    }
                    else if (integers[next] is >= int.MinValue and <= int.MaxValue)
                    {
                        destination[index] = BitConverter.Int32BitsToSingle((int)integers[next++]);
                    }
                    else
                    {
                        throw Malformed(valuesStart, $"raw float value {next} does not fit in 32 bits");
                    }
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(integers);
        }
    }

    // ---- double columns (latitude, longitude) ------------------------------------------------

    private static void WriteDoubleColumn(ref SpanWriter writer, ReadOnlySpan<double> values)
    {
        var grid = FindDegreeGrid(values);
        writer.WriteByte(grid < 0 ? RawMode : GridMode);
        writer.WriteByte((byte)Math.Max(grid, 0));
        WriteRuns(ref writer, values);

        var integers = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            var n = 0;
            foreach (var value in values)
            {
                if (!double.IsNaN(value))
                {
                    integers[n++] = grid < 0 ? BitConverter.DoubleToInt64Bits(value) : DegreeSteps(value, grid);
                }
            }

            WriteIntegers(ref writer, integers.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(integers);
        }
    }

    private static int FindDegreeGrid(ReadOnlySpan<double> values)
    {
        for (var grid = 0; grid < DegreeDivisors.Length; grid++)
        {
            var fits = true;
            foreach (var value in values)
            {
                if (double.IsNaN(value))
                {
                    continue;
                }

                if (!(Math.Abs(value) <= 360)
                    || BitConverter.DoubleToInt64Bits(DegreesOnGrid(DegreeSteps(value, grid), grid)) != BitConverter.DoubleToInt64Bits(value))
                {
                    fits = false;
                    break;
                }
            }

            if (fits)
            {
                return grid;
            }
        }

        return -1;
    }

    private static long DegreeSteps(double degrees, int grid) =>
        (long)Math.Round(grid == 0 ? degrees / DegreesPerSemicircle : degrees * DegreeDivisors[grid]);

    private static double DegreesOnGrid(long steps, int grid) =>
        grid == 0 ? steps * DegreesPerSemicircle : steps / DegreeDivisors[grid];

    private static void ReadDoubleColumn(ref SpanReader reader, Span<double> destination)
    {
        var (raw, grid) = ReadMode(ref reader, DegreeDivisors.Length);
        var runs = reader;
        var present = SkipRuns(ref reader, destination.Length);
        var integers = ArrayPool<long>.Shared.Rent(present);
        try
        {
            ReadIntegers(ref reader, integers.AsSpan(0, present));
            var next = 0;
            var isPresent = true;
            for (var index = 0; index < destination.Length; isPresent = !isPresent)
            {
                var end = index + (int)runs.ReadVarint();
                for (; index < end; index++)
                {
                    destination[index] = !isPresent ? double.NaN
                        : raw ? BitConverter.Int64BitsToDouble(integers[next++])
                        : DegreesOnGrid(integers[next++], grid);
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(integers);
        }
    }

    // ---- shared ---------------------------------------------------------------------------------

    /// <summary>
    /// Writes a delta order byte, then the values as zig-zag varints of their first differences (order 1)
    /// or of the differences of those (order 2: cumulative distance, elapsed time and positions move at a
    /// nearly steady rate, so their second differences are small). The order with fewer bytes wins.
    /// </summary>
    private static void WriteIntegers(ref SpanWriter writer, ReadOnlySpan<long> values)
    {
        long firstOrderBytes = 0, secondOrderBytes = 0;
        long previous = 0, previousDelta = 0;
        foreach (var value in values)
        {
            var delta = unchecked(value - previous);
            firstOrderBytes += SpanWriter.ZigZagLength(delta);
            secondOrderBytes += SpanWriter.ZigZagLength(unchecked(delta - previousDelta));
            previous = value;
            previousDelta = delta;
        }

        var order = secondOrderBytes < firstOrderBytes ? 2 : 1;
        writer.WriteByte((byte)order);
        previous = 0;
        previousDelta = 0;
        foreach (var value in values)
        {
            var delta = unchecked(value - previous);
            writer.WriteZigZag(order == 1 ? delta : unchecked(delta - previousDelta));
            previous = value;
            previousDelta = delta;
        }
    }

    private static void ReadIntegers(ref SpanReader reader, Span<long> destination)
    {
        var offset = reader.Position;
        var order = reader.ReadByte();
        if (order is not (1 or 2))
        {
            throw Malformed(offset, $"delta order {order} does not exist");
        }

        long previous = 0, previousDelta = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            var delta = order == 1 ? reader.ReadZigZag() : unchecked(previousDelta + reader.ReadZigZag());
            previous = unchecked(previous + delta);
            previousDelta = delta;
            destination[i] = previous;
        }
    }

    private static (bool Raw, int Grid) ReadMode(ref SpanReader reader, int gridCount)
    {
        var offset = reader.Position;
        var mode = reader.ReadByte();
        var grid = reader.ReadByte();
        return mode switch
        {
            RawMode => (true, 0),
            GridMode when grid < gridCount => (false, grid),
            GridMode => throw Malformed(offset + 1, $"grid {grid} does not exist"),
            _ => throw Malformed(offset, $"column mode {mode} does not exist"),
        };
    }

    /// <summary>Writes the missing-value pattern as alternating run lengths, starting with a (possibly empty) present run.</summary>
    private static void WriteRuns<T>(ref SpanWriter writer, ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        var present = true;
        var run = 0;
        foreach (var value in values)
        {
            if (!T.IsNaN(value) == present)
            {
                run++;
            }
            else
            {
                writer.WriteVarint((ulong)run);
                present = !present;
                run = 1;
            }
        }

        writer.WriteVarint((ulong)run);
    }

    /// <summary>Moves past the run lengths, checking that they add up to exactly <paramref name="count"/>; returns how many samples are present.</summary>
    private static int SkipRuns(ref SpanReader reader, int count)
    {
        long total = 0;
        var present = 0;
        var isPresent = true;
        do
        {
            var offset = reader.Position;
            var run = reader.ReadVarint();
            if (run > (ulong)(count - total))
            {
                throw Malformed(offset, $"the missing-value runs add up to more than the {count} samples");
            }

            total += (long)run;
            present += isPresent ? (int)run : 0;
            isPresent = !isPresent;
        }
        while (total < count);

        return present;
    }

    private static InvalidDataException Malformed(long offset, string problem) => new($"byte {offset}: {problem}.");

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Position { get; private set; }

        public void WriteByte(byte value) => _buffer[Position++] = value;

        public void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer[Position++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[Position++] = (byte)value;
        }

        public void WriteZigZag(long value) => WriteVarint(ZigZag(value));

        public static int ZigZagLength(long value) => Math.Max(1, (64 - BitOperations.LeadingZeroCount(ZigZag(value)) + 6) / 7);

        private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
    }

    private ref struct SpanReader(ReadOnlySpan<byte> buffer)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;

        public int Position { get; private set; }

        public byte ReadByte()
        {
            if (Position >= _buffer.Length)
            {
                throw Malformed(Position, "the body ends in the middle of a column");
            }

            return _buffer[Position++];
        }

        public ulong ReadVarint()
        {
            var start = Position;
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = ReadByte();
                result |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw Malformed(start, "a varint is longer than 10 bytes");
        }

        public long ReadZigZag()
        {
            var value = ReadVarint();
            return (long)(value >> 1) ^ -(long)(value & 1);
        }
    }
}
