using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed partial class FitReaderTests
{
    // record (20): heart_rate uint8 = 150, distance uint32 = 10000 (100.00 m). FIT protocol, "Definition Message":
    // architecture byte 0 = little-endian, 1 = big-endian; it applies to the global number and every multi-byte value.
    private const string LittleEndianRecordFile = "0E 20 61 08 12 00 00 00 2E 46 49 54 29 EB 40 00 00 14 00 02 03 01 02 05 04 86 00 96 10 27 00 00 82 16";
    private const string BigEndianRecordFile = "0E 20 61 08 12 00 00 00 2E 46 49 54 29 EB 40 00 01 00 14 02 03 01 02 05 04 86 00 96 00 00 27 10 ED 6A";

    [Theory]
    [InlineData(LittleEndianRecordFile, false)]
    [InlineData(BigEndianRecordFile, true)]
    public void Read_Definition_InEitherEndianness_DecodesTheSameValues(string hex, bool bigEndian)
    {
        var reader = new FitReader(TestBytes.FromHex(hex));
        reader.Read();

        Assert.True(reader.Read());
        Assert.Equal(FitTokenKind.Definition, reader.TokenKind);
        Assert.Equal(20, reader.GlobalMessageNumber);
        Assert.Equal(bigEndian, reader.IsBigEndian);
        Assert.Equal(2, reader.FieldCount);
        Assert.Equal(new FitFieldDefinition(5, 4, FitBaseType.UInt32), reader.GetFieldDefinition(1));

        Assert.True(reader.Read());
        Assert.True(reader.TryGetByte(3, out var heartRate));
        Assert.True(reader.TryGetUInt32(5, out var distance));
        Assert.True(reader.TryGetScaled(CalfCoach.Formats.Fit.Profile.FitProfile.Record.Distance, out var meters));
        Assert.Equal(150, heartRate);
        Assert.Equal(10000u, distance);
        Assert.Equal(100.0, meters);
    }

    [Fact]
    public void Read_BigEndianSignedValues_AreDecodedWithTheirSign()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, bigEndian: true, [new FieldSpec(0, FitBaseType.SInt32), new FieldSpec(9, FitBaseType.SInt16), new FieldSpec(13, FitBaseType.SInt8)], [])
            .Data(0, -123456789, -250, -5)
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.True(reader.TryGetSInt32(0, out var lat));
        Assert.True(reader.TryGetSInt16(9, out var grade));
        Assert.True(reader.TryGetSByte(13, out var temperature));
        Assert.Equal(-123456789, lat);
        Assert.Equal(-250, grade);
        Assert.Equal(-5, temperature);
    }

    [Fact]
    public void Read_AllSixteenLocalMessages_KeepTheirOwnDefinitions()
    {
        var builder = new FitFileBuilder();
        for (byte local = 0; local < 16; local++)
        {
            builder.Definition(local, (ushort)(100 + local), new FieldSpec(local, FitBaseType.UInt16));
        }

        for (byte local = 0; local < 16; local++)
        {
            builder.Data(local, 1000 + local);
        }

        var reader = new FitReader(builder.Build());
        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data)
            {
                var local = (byte)reader.LocalMessageNumber;
                Assert.Equal(100 + local, reader.GlobalMessageNumber);
                Assert.True(reader.TryGetUInt16(local, out var value));
                Assert.Equal(1000 + local, value);
                seen++;
            }
        }

        Assert.Equal(16, seen);
    }

    [Fact]
    public void Read_Redefinition_ReplacesTheLayoutOfThatLocalMessage()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(3, FitBaseType.UInt8))
            .Data(0, 100)
            .Definition(0, 18, new FieldSpec(16, FitBaseType.UInt8), new FieldSpec(9, FitBaseType.UInt32))
            .Data(0, 140, 500000)
            .Build();

        var reader = new FitReader(bytes);
        var globals = new List<ushort>();
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data)
            {
                globals.Add(reader.GlobalMessageNumber);
                Assert.Equal(reader.GlobalMessageNumber == 20, reader.HasField(3));
            }
        }

        Assert.Equal([(ushort)20, (ushort)18], globals);
    }

    [Fact]
    public void Read_DefinitionWithUnknownBaseType_Throws()
    {
        var bytes = new FitFileBuilder().Raw(0x40, 0, 0, 20, 0, 1, 3, 1, 0x1F).Build(); // base type number 31

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(bytes));

        Assert.Equal(14 + 8, ex.ByteOffset);
        Assert.Contains("unknown base type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DefinitionWithBadArchitecture_Throws()
    {
        var bytes = new FitFileBuilder().Raw(0x40, 0, 7, 20, 0, 0).Build();

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(bytes));

        Assert.Equal(14 + 2, ex.ByteOffset);
        Assert.Contains("architecture 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FieldSizeNotAMultipleOfItsBaseType_IsExposedAsBytesOnly()
    {
        // Seen in the wild; Garmin's SDK reads such a field as invalid. The bytes stay reachable.
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(5, FitBaseType.UInt32, Size: 3))
            .Data(0, new byte[] { 1, 2, 3 })
            .Build();

        var reader = ReadToFirstData(bytes);

        Assert.Equal(FitBaseType.Byte, reader.GetFieldDefinition(0).BaseType);
        Assert.False(reader.TryGetUInt32(5, out _));
        Assert.True(reader.TryGetBytes(5, out var raw));
        Assert.Equal([1, 2, 3], raw.ToArray());
    }

    [Fact]
    public void Accessors_OnADefinition_AreMisuse()
    {
        var bytes = TestBytes.FromHex(LittleEndianRecordFile);

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new FitReader(bytes);
            reader.Read();
            reader.Read();
            reader.TryGetByte(3, out _);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new FitReader(bytes);
            reader.Read();
            _ = reader.GlobalMessageNumber;
        });
    }

    private static FitReader ReadToFirstData(byte[] bytes)
    {
        var reader = new FitReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data)
            {
                return reader;
            }
        }

        throw new InvalidOperationException("no data message");
    }
}
