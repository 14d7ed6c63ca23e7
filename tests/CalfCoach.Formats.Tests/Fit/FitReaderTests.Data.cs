using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed partial class FitReaderTests
{
    // FIT protocol, "Compressed Timestamp Header": local 0 = record {timestamp, heart_rate} with timestamp 62
    // (low five bits 30); local 1 = record {heart_rate}; then header A2 (local 1, offset 2: 2 < 30 so the window
    // rolls over, 62 -> 66) and BF (local 1, offset 31: 66 -> 95).
    private const string CompressedTimestampFile =
        "0E 20 61 08 1F 00 00 00 2E 46 49 54 E8 72 40 00 00 14 00 02 FD 04 86 03 01 02 00 3E 00 00 00 64 41 00 00 14 00 01 03 01 02 A2 65 BF 66 2D 33";

    // FIT protocol 2.0, "Developer Data": developer_data_id (207) index 0, field_description (206) for developer
    // field 0 as uint16, then a record (definition header 0x62: developer flag 0x20) with heart_rate 140 and the
    // developer field = 300.
    private const string DeveloperFieldFile =
        "0E 20 61 08 2F 00 00 00 2E 46 49 54 EB 66 40 00 00 CF 00 01 03 01 02 00 00 41 00 00 CE 00 03 00 01 02 01 01 02 02 01 02 01 00 00 84 62 00 00 14 00 01 03 01 02 01 00 02 00 02 8C 2C 01 F9 B4";

    [Fact]
    public void Read_CompressedTimestamps_OffsetTheLastFullTimestampWithRollover()
    {
        var reader = new FitReader(TestBytes.FromHex(CompressedTimestampFile));
        var stamps = new List<(uint Seconds, bool Compressed, byte HeartRate)>();
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data)
            {
                Assert.True(reader.TryGetTimestampSeconds(out var seconds));
                Assert.True(reader.TryGetByte(3, out var heartRate));
                stamps.Add((seconds, reader.IsCompressedTimestamp, heartRate));
            }
        }

        Assert.Equal([(62u, false, (byte)100), (66u, true, (byte)101), (95u, true, (byte)102)], stamps);
    }

    [Fact]
    public void Read_CompressedTimestamp_FollowsTimestampsOfAnyMessageType()
    {
        // The base is the last timestamp field of any message (here an event), not only of records.
        var bytes = new FitFileBuilder()
            .Definition(0, 21, new FieldSpec(253, FitBaseType.UInt32))
            .Definition(1, 20, new FieldSpec(3, FitBaseType.UInt8))
            .Data(0, 1000) // 1000 = 0b11111_01000: low five bits 8
            .CompressedData(1, 10, 120)  // 10 >= 8: 1000 - 8 + 10 = 1002
            .CompressedData(1, 3, 121)   // 3 < 10: rolls over: 992 + 3 + 32 = 1027
            .Build();

        var reader = new FitReader(bytes);
        var seconds = new List<uint>();
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data && reader.TryGetTimestampSeconds(out var s))
            {
                seconds.Add(s);
            }
        }

        Assert.Equal([1000u, 1002u, 1027u], seconds);
    }

    [Fact]
    public void Read_CompressedTimestampBeforeAnyFullTimestamp_HasNoTimestamp()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(3, FitBaseType.UInt8))
            .CompressedData(0, 5, 120)
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.IsCompressedTimestamp);
        Assert.False(reader.TryGetTimestamp(out _));
        Assert.True(reader.TryGetByte(3, out _));
    }

    [Fact]
    public void Read_DeveloperFields_AreDefinedAndExposedAsRawBytes()
    {
        var reader = new FitReader(TestBytes.FromHex(DeveloperFieldFile));
        var found = false;
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data && reader.GlobalMessageNumber == 20)
            {
                Assert.Equal(1, reader.DeveloperFieldCount);
                Assert.Equal(new FitDeveloperFieldDefinition(0, 2, 0), reader.GetDeveloperFieldDefinition(0));
                Assert.Equal([0x2C, 0x01], reader.GetDeveloperFieldBytes(0).ToArray());
                Assert.True(reader.TryGetByte(3, out var heartRate));
                Assert.Equal(140, heartRate);
                found = true;
            }
        }

        Assert.True(found);
    }

    [Fact]
    public void Read_DeveloperFieldsInABigEndianMessage_KeepTheirPlaceAfterTheProfileFields()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, bigEndian: true, [new FieldSpec(7, FitBaseType.UInt16)], [new DeveloperFieldSpec(4, 1, FitBaseType.UInt32), new DeveloperFieldSpec(5, 1, FitBaseType.String, 6)])
            .Data(0, 250, 0x01020304, "abc")
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.TryGetUInt16(7, out var power));
        Assert.Equal(250, power);
        Assert.Equal([1, 2, 3, 4], reader.GetDeveloperFieldBytes(0).ToArray());
        Assert.Equal("abc\0\0\0"u8.ToArray(), reader.GetDeveloperFieldBytes(1).ToArray());
    }

    // FIT protocol, "Base Types": the invalid value of each base type means "no data".
    [Theory]
    [InlineData(FitBaseType.Enum)]
    [InlineData(FitBaseType.UInt8)]
    [InlineData(FitBaseType.UInt8z)]
    [InlineData(FitBaseType.SInt8)]
    [InlineData(FitBaseType.UInt16)]
    [InlineData(FitBaseType.UInt16z)]
    [InlineData(FitBaseType.SInt16)]
    [InlineData(FitBaseType.UInt32)]
    [InlineData(FitBaseType.UInt32z)]
    [InlineData(FitBaseType.SInt32)]
    [InlineData(FitBaseType.SInt64)]
    [InlineData(FitBaseType.UInt64)]
    [InlineData(FitBaseType.UInt64z)]
    public void TryGet_InvalidSentinel_ReturnsFalse(FitBaseType type)
    {
        foreach (var bigEndian in new[] { false, true })
        {
            var bytes = new FitFileBuilder()
                .Definition(0, 20, bigEndian, [new FieldSpec(1, type)], [])
                .Data(0, [null])
                .Build();

            var reader = ReadToFirstData(bytes);

            Assert.False(reader.TryGetSInt64(1, out _));
            Assert.False(reader.TryGetUInt64(1, out _));
            Assert.False(reader.TryGetDouble(1, out _));
            Assert.True(reader.HasField(1));
            Assert.True(FitBaseTypes.IsAllInvalid(reader.GetFieldBytes(0), type, bigEndian));
        }
    }

    [Theory]
    [InlineData(FitBaseType.UInt8, 0xFF, 0x00)] // uint8: 0xFF is invalid, 0 is a value
    [InlineData(FitBaseType.UInt8z, 0x00, 0xFF)] // uint8z: 0 is invalid, 0xFF is a value
    public void TryGetByte_DistinguishesPlainAndZTypes(FitBaseType type, byte invalid, byte valid)
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(1, type), new FieldSpec(2, type))
            .Data(0, new[] { invalid }, new[] { valid })
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.False(reader.TryGetByte(1, out _));
        Assert.True(reader.TryGetByte(2, out var value));
        Assert.Equal(valid, value);
    }

    [Fact]
    public void TryGet_NarrowingOutOfRange_ReturnsFalse()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(1, FitBaseType.UInt32), new FieldSpec(2, FitBaseType.SInt16))
            .Data(0, 70000, -3)
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.False(reader.TryGetUInt16(1, out _));
        Assert.True(reader.TryGetUInt32(1, out var wide));
        Assert.Equal(70000u, wide);
        Assert.False(reader.TryGetUInt32(2, out _));
        Assert.True(reader.TryGetSInt32(2, out var negative));
        Assert.Equal(-3, negative);
    }

    [Fact]
    public void TryGet_AbsentField_ReturnsFalse()
    {
        var reader = ReadToFirstData(TestBytes.FromHex(LittleEndianRecordFile));

        Assert.False(reader.HasField(7));
        Assert.False(reader.TryGetUInt16(7, out _));
        Assert.False(reader.TryGetBytes(7, out _));
        Assert.False(reader.TryGetString(7, out _));
    }

    [Fact]
    public void TryGetString_ReadsUpToTheFirstNul_AndEmptyIsInvalid()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 0, new FieldSpec(8, FitBaseType.String, 12), new FieldSpec(9, FitBaseType.String, 4))
            .Data(0, "Forerunner", "")
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.TryGetString(8, out var name));
        Assert.Equal("Forerunner", name);
        Assert.True(reader.TryGetStringUtf8(8, out var utf8));
        Assert.Equal(10, utf8.Length);
        Assert.False(reader.TryGetString(9, out var empty));
        Assert.Null(empty);
    }

    [Fact]
    public void TryGetDouble_ReadsFloats_AndAllOnesIsInvalid()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(1, FitBaseType.Float32), new FieldSpec(2, FitBaseType.Float64), new FieldSpec(3, FitBaseType.Float32))
            .Data(0, BitConverter.GetBytes(1.5f), BitConverter.GetBytes(-2.25), null)
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.TryGetDouble(1, out var single));
        Assert.True(reader.TryGetDouble(2, out var @double));
        Assert.False(reader.TryGetDouble(3, out _));
        Assert.Equal(1.5, single);
        Assert.Equal(-2.25, @double);
    }

    [Fact]
    public void TryGetScaled_AppliesScaleAndOffset()
    {
        // record.enhanced_altitude: uint32, scale 5, offset 500 (FIT profile). 2600 / 5 - 500 = 20 m.
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(78, FitBaseType.UInt32))
            .Data(0, 2600)
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.TryGetScaled(CalfCoach.Formats.Fit.Profile.FitProfile.Record.EnhancedAltitude, out var meters));
        Assert.Equal(20.0, meters);
    }
}
