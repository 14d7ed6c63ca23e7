using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

public sealed class StreamCodecTests
{
    private const int OneHour = 3600;

    [Fact]
    public void Round_trip_of_a_FIT_like_hour_is_bit_exact_in_every_channel()
    {
        var streams = TestActivities.FitLikeRun(OneHour);

        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        TestActivities.AssertIdentical(streams, decoded);
    }

    [Fact]
    public void Round_trip_of_a_GPX_like_hour_keeps_decimal_positions_and_elevations_exactly()
    {
        var streams = TestActivities.GpxLikeRun(OneHour);

        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        TestActivities.AssertIdentical(streams, decoded);
    }

    [Fact]
    public void Values_on_no_grid_round_trip_as_raw_bits_including_signed_zero_infinities_and_subnormals()
    {
        var streams = TestActivities.Awkward(2000);

        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        TestActivities.AssertIdentical(streams, decoded);
        Assert.True(float.IsNegative(decoded.SpeedMetersPerSecond[0]) && decoded.SpeedMetersPerSecond[0] == 0);
        Assert.Equal(float.Epsilon, decoded.SpeedMetersPerSecond[3]);
    }

    [Theory]
    [InlineData(1)] // whole seconds, bpm, watts, °C
    [InlineData(2)] // half-step cadence
    [InlineData(5)] // FIT altitude
    [InlineData(10)] // ground contact time, vertical oscillation
    [InlineData(64)] // fractional cadence × 2
    [InlineData(100)] // FIT distance (cm)
    [InlineData(128)] // fractional cadence
    [InlineData(1000)] // FIT speed (mm/s), step length (mm)
    [InlineData(10000)]
    public void Float_values_on_a_device_grid_round_trip_exactly_and_are_stored_as_grid_steps(int stepsPerUnit)
    {
        var random = new Random(stepsPerUnit);
        var builder = new ActivityStreamsBuilder(OneHour);
        var s = builder.Columns;
        var steps = 0L;
        for (var i = 0; i < OneHour; i++)
        {
            steps += random.Next(0, 300);
            s.ElapsedSeconds[i] = float.NaN; // so that distance is the first column in the body
            s.DistanceMeters[i] = (float)(steps / (double)stepsPerUnit);
        }

        var streams = builder.Build();
        var body = StreamCodec.EncodeUncompressedBody(streams);
        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        TestActivities.AssertIdentical(streams, decoded);
        Assert.Equal(0, body[0]); // grid mode, not raw bits
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Decimal_degrees_with_up_to_nine_decimals_round_trip_exactly(int decimals)
    {
        var random = new Random(decimals);
        var builder = new ActivityStreamsBuilder(1000);
        var s = builder.Columns;
        var format = "F" + decimals;
        for (var i = 0; i < 1000; i++)
        {
            s.ElapsedSeconds[i] = i;
            s.LatitudeDegrees[i] = double.Parse(((random.NextDouble() * 180) - 90).ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            s.LongitudeDegrees[i] = double.Parse(((random.NextDouble() * 360) - 180).ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        var streams = builder.Build();

        TestActivities.AssertIdentical(streams, StreamCodec.Decode(StreamCodec.Encode(streams)));
    }

    [Fact]
    public void Missing_values_stay_missing_wherever_they_fall_and_any_NaN_payload_comes_back_as_NaN()
    {
        var builder = new ActivityStreamsBuilder(10);
        var s = builder.Columns;
        for (var i = 0; i < 10; i++)
        {
            s.ElapsedSeconds[i] = i;
            s.HeartRateBpm[i] = i % 2 == 0 ? float.NaN : 100 + i; // alternating
            s.PowerWatts[i] = i is 0 or 9 ? float.NaN : 200; // leading and trailing gaps
            s.LatitudeDegrees[i] = i < 5 ? double.NaN : 47; // position only in the second half
            s.LongitudeDegrees[i] = i < 5 ? double.NaN : 8;
        }

        s.Cadence[3] = BitConverter.Int32BitsToSingle(0x7fc0_1234); // a NaN with a payload
        s.ElapsedSeconds[4] = float.NaN;
        var streams = builder.Build();

        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        TestActivities.AssertIdentical(streams, decoded);
        Assert.False(decoded.Has(StreamKind.Cadence));
        Assert.Equal(5, decoded.CountPresent(StreamKind.Position));
    }

    [Fact]
    public void Elapsed_time_that_is_entirely_missing_decodes_as_missing_not_as_zero()
    {
        var builder = new ActivityStreamsBuilder(3);
        builder.Columns.ElapsedSeconds.AsSpan().Fill(float.NaN);
        builder.Columns.HeartRateBpm[1] = 120;
        var streams = builder.Build();

        var decoded = StreamCodec.Decode(StreamCodec.Encode(streams));

        Assert.All(decoded.ElapsedSeconds, value => Assert.True(float.IsNaN(value)));
    }

    [Fact]
    public void Empty_streams_round_trip_to_zero_samples()
    {
        var decoded = StreamCodec.Decode(StreamCodec.Encode(ActivityStreams.Empty));

        Assert.Equal(0, decoded.Count);
    }

    [Fact]
    public void Header_names_the_version_the_sample_count_and_the_present_channels()
    {
        var blob = StreamCodec.Encode(TestActivities.GpxLikeRun(100));

        Assert.Equal("CCST"u8.ToArray(), blob[..4]);
        Assert.Equal(StreamCodec.Version, blob[4]);
        var mask = BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(5));
        Assert.Equal(
            (1 << (int)StreamCodec.Column.Elapsed) | (1 << (int)StreamCodec.Column.HeartRate) | (1 << (int)StreamCodec.Column.Altitude)
            | (1 << (int)StreamCodec.Column.Latitude) | (1 << (int)StreamCodec.Column.Longitude),
            mask);
        Assert.Equal(100, BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(7)));
    }

    [Theory]
    [InlineData("short", "byte 0:")]
    [InlineData("magic", "byte 0:")]
    [InlineData("version", "byte 4:")]
    [InlineData("mask", "byte 5:")]
    [InlineData("count", "byte 7:")]
    [InlineData("body", "byte 15:")]
    [InlineData("truncated", "byte 15:")]
    public void Malformed_blobs_raise_InvalidDataException_naming_the_byte(string damage, string expectedStart)
    {
        var blob = StreamCodec.Encode(TestActivities.GpxLikeRun(100));
        switch (damage)
        {
            case "short": blob = blob[..10]; break;
            case "magic": blob[0] = (byte)'X'; break;
            case "version": blob[4] = 99; break;
            case "mask": blob[6] = 0xff; break;
            case "count": BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(7), -1); break;
            case "body": blob.AsSpan(15).Fill(0x5a); break;
            case "truncated": blob = blob[..^5]; break;
        }

        var error = Assert.Throws<InvalidDataException>(() => StreamCodec.Decode(blob));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_hours_at_1_Hz_with_every_FIT_channel_take_under_eight_bytes_per_sample()
    {
        const int tenHours = 36_000;
        var streams = TestActivities.FitLikeRun(tenHours);

        var blob = StreamCodec.Encode(streams);

        var bytesPerSample = blob.Length / (double)tenHours;
        TestContext.Current.TestOutputHelper?.WriteLine($"10 h at 1 Hz, 13 columns: {blob.Length} bytes, {bytesPerSample:F2} bytes/sample");
        Assert.True(bytesPerSample < 8, $"{bytesPerSample:F2} bytes/sample");
        TestActivities.AssertIdentical(streams, StreamCodec.Decode(blob));
    }

    /// <summary>Not an assertion of speed: records the figures behind the choice of Brotli quality 5 (see the report).</summary>
    [Fact]
    public void Measurement_of_compressors_and_speed_on_a_one_hour_run()
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var (label, streams) in new[] { ("FIT-like", TestActivities.FitLikeRun(OneHour)), ("GPX-like", TestActivities.GpxLikeRun(OneHour)) })
        {
            var body = StreamCodec.EncodeUncompressedBody(streams);
            output?.WriteLine($"{label}: uncompressed body {body.Length} bytes ({body.Length / (double)OneHour:F2} B/sample)");
            foreach (var quality in new[] { 1, 4, 5, 6, 9, 11 })
            {
                var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
                var watch = Stopwatch.StartNew();
                Assert.True(BrotliEncoder.TryCompress(body, buffer, out var written, quality, 22));
                output?.WriteLine($"  brotli q{quality}: {written} bytes ({written / (double)OneHour:F2} B/sample), {watch.Elapsed.TotalMilliseconds:F1} ms");
            }

            foreach (var level in new[] { CompressionLevel.Optimal, CompressionLevel.SmallestSize })
            {
                using var memory = new MemoryStream();
                var watch = Stopwatch.StartNew();
                using (var zlib = new ZLibStream(memory, level, leaveOpen: true))
                {
                    zlib.Write(body);
                }

                output?.WriteLine($"  zlib {level}: {memory.Length} bytes ({memory.Length / (double)OneHour:F2} B/sample), {watch.Elapsed.TotalMilliseconds:F1} ms");
            }

            for (var warmup = 0; warmup < 3; warmup++)
            {
                StreamCodec.Decode(StreamCodec.Encode(streams));
            }

            var encodeWatch = Stopwatch.StartNew();
            byte[] blob = [];
            for (var i = 0; i < 10; i++)
            {
                blob = StreamCodec.Encode(streams);
            }

            var encodeMs = encodeWatch.Elapsed.TotalMilliseconds / 10;
            var decodeWatch = Stopwatch.StartNew();
            for (var i = 0; i < 10; i++)
            {
                StreamCodec.Decode(blob);
            }

            var decodeMs = decodeWatch.Elapsed.TotalMilliseconds / 10;
            output?.WriteLine($"  codec: {blob.Length} bytes ({blob.Length / (double)OneHour:F2} B/sample), encode {encodeMs:F2} ms, decode {decodeMs:F2} ms");
        }
    }
}
