using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Tests.Fit;

public sealed class FitActivityDecoderTests
{
    private const uint Start = 1_000_000_000; // 2021-09-08T01:46:40Z

    private static readonly FieldSpec[] RecordFields =
    [
        new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(78, FitBaseType.UInt32),
        new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(53, FitBaseType.UInt8), new(5, FitBaseType.UInt32),
        new(73, FitBaseType.UInt32), new(7, FitBaseType.UInt16), new(13, FitBaseType.SInt8), new(39, FitBaseType.UInt16),
        new(41, FitBaseType.UInt16), new(85, FitBaseType.UInt16),
    ];

    private static readonly FieldSpec[] SessionFields =
    [
        new(253, FitBaseType.UInt32), new(2, FitBaseType.UInt32), new(5, FitBaseType.Enum), new(6, FitBaseType.Enum),
        new(7, FitBaseType.UInt32), new(8, FitBaseType.UInt32), new(9, FitBaseType.UInt32), new(16, FitBaseType.UInt8),
        new(18, FitBaseType.UInt8), new(92, FitBaseType.UInt8),
    ];

    [Fact]
    public void Decode_RunningActivity_ConvertsEveryStreamToSiUnits()
    {
        var bytes = RunningFile().Build();

        var activity = new FitActivityDecoder().Decode(bytes);

        Assert.Empty(activity.Problems);
        Assert.False(activity.IsPartial);
        Assert.Equal(FitSport.Running, activity.Sport);
        Assert.Equal(FitSubSport.Trail, activity.SubSport);
        Assert.Equal(new FitFileId(4, 1, 3113, null, FitDateTime.ToDateTimeOffset(Start), null), activity.FileId);
        Assert.Equal(TimeSpan.FromHours(2), activity.UtcOffset);

        var records = activity.Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(FitDateTime.ToDateTimeOffset(Start), records.TimestampsUtc.Span[0]);
        Assert.Equal(45.0, records.LatitudeDegrees.Span[0], 9);        // 2^29 semicircles
        Assert.Equal(-90.0, records.LongitudeDegrees.Span[0], 9);      // -2^30 semicircles
        Assert.Equal(120.4, records.AltitudeMeters.Span[0], 9);        // 3102 / 5 - 500
        Assert.Equal(150, records.HeartRateBpm.Span[0]);
        Assert.Equal(85.5, records.Cadence.Span[0]);                   // 85 + 64 / 128 strides/min
        Assert.Equal(171.0, records.CadenceStepsPerMinute.Span[0]);    // running: 2 × strides
        Assert.Equal(12.34, records.DistanceMeters.Span[0], 9);
        Assert.Equal(3.456, records.SpeedMetersPerSecond.Span[0], 9);
        Assert.Equal(301, records.PowerWatts.Span[0]);
        Assert.Equal(-4, records.TemperatureCelsius.Span[0]);
        Assert.Equal(85.4, records.VerticalOscillationMillimeters.Span[0], 9);
        Assert.Equal(241.5, records.StanceTimeMilliseconds.Span[0], 9);
        Assert.Equal(1203.0, records.StepLengthMillimeters.Span[0], 9);

        // The second record carries FIT invalid values: they become NaN, not zero or 255.
        Assert.True(double.IsNaN(records.LatitudeDegrees.Span[1]));
        Assert.True(double.IsNaN(records.HeartRateBpm.Span[1]));
        Assert.True(double.IsNaN(records.CadenceStepsPerMinute.Span[1]));
        Assert.True(double.IsNaN(records.TemperatureCelsius.Span[1]));
        Assert.Equal(20.0, records.DistanceMeters.Span[1], 9);

        var session = Assert.Single(activity.Sessions);
        Assert.Equal(FitDateTime.ToDateTimeOffset(Start), session.StartTimeUtc);
        Assert.Equal(60.5, session.TotalTimerTimeSeconds);
        Assert.Equal(20.0, session.TotalDistanceMeters);
        Assert.Equal(150, session.AvgHeartRateBpm);
        Assert.Equal(85.25, session.AvgCadence);
        Assert.Equal(170.5, session.AvgCadenceStepsPerMinute);
        Assert.Equal(1, activity.MessageCounts[FitProfile.MessageNumber.Session]);
        Assert.Equal(2, activity.MessageCounts[FitProfile.MessageNumber.Record]);
    }

    [Fact]
    public void Decode_TruncatedFile_KeepsEverythingBeforeTheCutAndReportsWhere()
    {
        var whole = RunningFile().Build();
        var cut = whole.AsSpan(0, whole.Length - 33).ToArray(); // 10 bytes before the end of the session message

        var activity = new FitActivityDecoder().Decode(cut);

        Assert.True(activity.IsPartial);
        Assert.Equal(2, activity.Records.Count);
        Assert.Empty(activity.Sessions);
        var problem = Assert.Single(activity.Problems);
        Assert.Contains("truncated", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch("^byte [0-9]+:", problem.Message);
        Assert.StartsWith($"byte {problem.ByteOffset}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TruncatedFile_NamesTheByteOffsetOnce()
    {
        var whole = RunningFile().Build();
        var cut = whole.AsSpan(0, whole.Length - 33).ToArray();

        var activity = Assert.Single(FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(cut), new CalfCoach.Core.Activities.ActivitySource("fit", "cut.fit", "h")));

        // Once "byte N: byte N: …" (the exception's message, prefixed again by the converter).
        var problem = Assert.Single(activity.Problems);
        Assert.Matches("^byte [0-9]+: [^0-9]", problem);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(problem, "byte [0-9]+:"));
    }

    [Fact]
    public void Decode_InputThatIsNotFit_Throws()
    {
        var ex = Assert.Throws<FitFormatException>(() => new FitActivityDecoder().Decode("<?xml version=\"1.0\"?><gpx/>"u8));

        Assert.Equal(0, ex.ByteOffset);
    }

    [Fact]
    public void Decode_Stream_GivesTheSameResultAsTheBytes()
    {
        var bytes = RunningFile().Build();

        using var stream = new TrickleStream(bytes);
        var fromStream = new FitActivityDecoder().Decode(stream);
        var fromBytes = new FitActivityDecoder().Decode(bytes);

        Assert.Equal(fromBytes.Records.Count, fromStream.Records.Count);
        Assert.Equal(fromBytes.Records.DistanceMeters.ToArray(), fromStream.Records.DistanceMeters.ToArray());
        Assert.Equal(fromBytes.Sessions, fromStream.Sessions);
    }

    [Fact]
    public void Decode_Multisport_DoublesCadenceOnlyInsideFootSportSessions()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(4, FitBaseType.UInt8))
            .Data(0, Start, 90)          // cycling leg: 90 rpm stays 90 rpm
            .Data(0, Start + 100, 88)    // running leg: 88 strides/min = 176 steps/min
            .Definition(1, 18, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(2, FitBaseType.UInt32), new FieldSpec(5, FitBaseType.Enum))
            .Data(1, Start + 50, Start, (byte)FitSport.Cycling)
            .Data(1, Start + 150, Start + 60, (byte)FitSport.Running)
            .Build();

        var records = new FitActivityDecoder().Decode(bytes).Records;

        Assert.True(double.IsNaN(records.CadenceStepsPerMinute.Span[0]));
        Assert.Equal(90, records.Cadence.Span[0]);
        Assert.Equal(176, records.CadenceStepsPerMinute.Span[1]);
    }

    [Fact]
    public void Decode_CompressedSpeedDistance_AccumulatesDistanceAcrossThe12BitWrap()
    {
        // record.compressed_speed_distance: speed bits 0-11 (1/100 m/s), distance bits 12-23 (1/16 m, accumulating).
        static byte[] Pack(int speed, int distance) =>
            [(byte)speed, (byte)(((speed >> 8) & 0x0F) | ((distance & 0x0F) << 4)), (byte)(distance >> 4)];

        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(8, FitBaseType.Byte, 3))
            .Data(0, Pack(350, 4000))
            .Data(0, Pack(360, 50))   // wrapped: 4000 -> 4096 + 50, i.e. +146 sixteenths
            .Data(0, [null])           // all 0xFF: no value
            .Build();

        var records = new FitActivityDecoder().Decode(bytes).Records;

        Assert.Equal(4000 / 16.0, records.DistanceMeters.Span[0]);
        Assert.Equal(3.5, records.SpeedMetersPerSecond.Span[0]);
        Assert.Equal(4146 / 16.0, records.DistanceMeters.Span[1]);
        Assert.Equal(3.6, records.SpeedMetersPerSecond.Span[1]);
        Assert.True(double.IsNaN(records.DistanceMeters.Span[2]));
    }

    [Fact]
    public void Decode_DeveloperFields_CountsDescriptionsAndRecordsWithValidValues()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 207, new FieldSpec(3, FitBaseType.UInt8))
            .Data(0, 0)
            .Definition(1, 206, new FieldSpec(0, FitBaseType.UInt8), new FieldSpec(1, FitBaseType.UInt8), new FieldSpec(2, FitBaseType.UInt8), new FieldSpec(3, FitBaseType.String, 6))
            .Data(1, 0, 0, (byte)FitBaseType.UInt16, "power")
            .Definition(2, 20, bigEndian: false, [new FieldSpec(3, FitBaseType.UInt8)], [new DeveloperFieldSpec(0, 0, FitBaseType.UInt16)])
            .Data(2, 120, 250)
            .Data(2, 121, null) // the developer value is invalid: this record does not count
            .Build();

        var activity = new FitActivityDecoder().Decode(bytes);

        Assert.Equal(1, activity.DeveloperDataIdCount);
        Assert.Equal(1, activity.DeveloperFieldCount);
        Assert.Equal(2, activity.Records.Count);
        Assert.Equal(1, activity.Records.RecordsWithDeveloperFields);
    }

    [Fact]
    public void Decode_ChainedFiles_KeepsTheFirstFileIdAndAllRecords()
    {
        var first = RunningFile().Build();
        var second = new FitFileBuilder()
            .Definition(0, 0, new FieldSpec(0, FitBaseType.Enum), new FieldSpec(1, FitBaseType.UInt16))
            .Data(0, 2, 255)
            .Definition(1, 20, new FieldSpec(3, FitBaseType.UInt8))
            .Data(1, 99)
            .Build(headerSize: 12);

        var activity = new FitActivityDecoder().Decode(first.Concat(second).ToArray());

        Assert.Equal(2, activity.FileCount);
        Assert.Equal((ushort)1, activity.FileId!.Manufacturer);
        Assert.Equal(3, activity.Records.Count);
        Assert.Equal(2, activity.MessageCounts[FitProfile.MessageNumber.FileId]);
    }

    [Fact]
    public void Decode_BadFileCrc_KeepsTheDataButMarksItPartial()
    {
        var bytes = RunningFile().Build();
        bytes[^1] ^= 0x55;

        var activity = new FitActivityDecoder().Decode(bytes);

        Assert.True(activity.IsPartial);
        Assert.Equal(2, activity.Records.Count);
        Assert.Contains("file CRC", Assert.Single(activity.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(new FitActivityDecoder(new FitReaderOptions(SkipCrcVerification: true)).Decode(bytes).Problems);
    }

    [Fact]
    public void Decode_RichFile_ReadsEveryFeatureWithoutProblems()
    {
        var activity = new FitActivityDecoder().Decode(FitReaderTests.BuildRichFile());

        Assert.Empty(activity.Problems);
        Assert.Equal(3, activity.Records.Count);
        Assert.Equal(
            [FitDateTime.ToDateTimeOffset(Start), FitDateTime.ToDateTimeOffset(Start + 1), FitDateTime.ToDateTimeOffset(Start + 2)],
            activity.Records.TimestampsUtc.ToArray());
        Assert.Equal([0.0, 3.0, 6.0], activity.Records.DistanceMeters.ToArray());
        Assert.Equal(1, activity.Records.RecordsWithDeveloperFields);
        Assert.Equal("fr965", activity.FileId!.ProductName);
    }

    private static FitFileBuilder RunningFile() => new FitFileBuilder()
        .Definition(0, 0, new FieldSpec(0, FitBaseType.Enum), new FieldSpec(1, FitBaseType.UInt16), new FieldSpec(2, FitBaseType.UInt16), new FieldSpec(4, FitBaseType.UInt32))
        .Data(0, 4, 1, 3113, Start)
        .Definition(1, 20, RecordFields)
        .Data(1, Start, 1 << 29, -(1 << 30), 3102, 150, 85, 64, 1234, 3456, 301, -4, 854, 2415, 12030)
        .Data(1, Start + 1, null, null, null, null, null, null, 2000, null, null, null, null, null, null)
        .Definition(2, 18, SessionFields)
        .Data(2, Start + 61, Start, (byte)FitSport.Running, (byte)FitSubSport.Trail, 61000, 60500, 2000, 150, 85, 32)
        .Definition(3, 34, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(5, FitBaseType.UInt32))
        .Data(3, Start + 62, Start + 62 + 7200);

    /// <summary>A non-seekable stream that returns at most 7 bytes per read, to exercise buffer growth.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
