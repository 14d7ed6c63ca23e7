using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed partial class FitReaderTests
{
    // A file_id message then a data message for local 5, never defined (FIT protocol, "Data Message": a data
    // message needs a preceding definition with the same local number).
    private const string DataWithoutDefinitionFile =
        "0E 20 61 08 16 00 00 00 2E 46 49 54 28 18 40 00 00 00 00 02 01 02 84 04 04 86 00 01 00 00 CA 9A 3B 05 01 00 32 D3";

    [Fact]
    public void Read_DataMessageWithoutDefinition_ThrowsWithItsOffset()
    {
        var bytes = TestBytes.FromHex(DataWithoutDefinitionFile);

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(bytes));

        Assert.Equal(33, ex.ByteOffset);
        Assert.Equal("byte 33: data message uses local message 5 which has no definition; the file is corrupt after this point", ex.Message);
    }

    public static TheoryData<string> SmallValidFiles =>
    [
        TwelveByteHeaderFile, FourteenByteHeaderFile, BigEndianRecordFile, CompressedTimestampFile, DeveloperFieldFile,
    ];

    [Theory]
    [MemberData(nameof(SmallValidFiles))]
    public void Read_TruncatedAtEveryOffset_ThrowsOnlyFitFormatException(string hex)
    {
        var whole = TestBytes.FromHex(hex);
        for (var length = 0; length < whole.Length; length++)
        {
            var prefix = whole.AsSpan(0, length).ToArray();
            var tokens = 0;

            var ex = Record.Exception(() =>
            {
                var reader = new FitReader(prefix);
                while (reader.Read())
                {
                    // A reader that does not advance would loop forever: bound the tokens by the input size.
                    Assert.True(++tokens <= prefix.Length + 1, "the reader did not advance");
                }
            });

            var formatException = Assert.IsType<FitFormatException>(ex);
            Assert.InRange(formatException.ByteOffset, 0, length);
        }
    }

    [Theory]
    [MemberData(nameof(SmallValidFiles))]
    public void Read_TruncatedFiles_KeepTheMessagesBeforeTheCut(string hex)
    {
        var whole = TestBytes.FromHex(hex);
        var complete = TestBytes.Walk(whole).Data;

        // Cutting only the CRC keeps every data message.
        var dataSeen = 0;
        Assert.Throws<FitFormatException>(() =>
        {
            var reader = new FitReader(whole.AsSpan(0, whole.Length - 2));
            while (reader.Read())
            {
                if (reader.TokenKind == FitTokenKind.Data)
                {
                    dataSeen++;
                }
            }
        });

        Assert.Equal(complete, dataSeen);
    }

    [Fact]
    public void Read_RandomCorruption_NeverThrowsAnythingElseNorHangs()
    {
        var whole = BuildRichFile();
        var random = new Random(20240517);
        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])whole.Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var ex = Record.Exception(() =>
            {
                var reader = new FitReader(bytes, options: new FitReaderOptions(SkipCrcVerification: trial % 2 == 0));
                var tokens = 0;
                while (reader.Read())
                {
                    Assert.True(++tokens <= bytes.Length + 1, "the reader did not advance");
                    if (reader.TokenKind == FitTokenKind.Data)
                    {
                        for (var field = 0; field < 256; field++)
                        {
                            reader.TryGetUInt64((byte)field, out _);
                            reader.TryGetDouble((byte)field, out _);
                            reader.TryGetString((byte)field, out _);
                        }

                        for (var d = 0; d < reader.DeveloperFieldCount; d++)
                        {
                            _ = reader.GetDeveloperFieldBytes(d);
                        }
                    }
                }
            });

            if (ex is not null)
            {
                Assert.IsType<FitFormatException>(ex);
            }
        }
    }

    [Fact]
    public void Read_HeaderDeclaringMoreDataThanPresent_ThrowsAtTheFirstMessageThatDoesNotFit()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(5, FitBaseType.UInt32))
            .Data(0, 1)
            .Data(0, 2)
            .Build(declaredDataSize: uint.MaxValue);

        var dataSeen = 0;
        var ex = Assert.Throws<FitFormatException>(() =>
        {
            var reader = new FitReader(bytes);
            while (reader.Read())
            {
                if (reader.TokenKind == FitTokenKind.Data)
                {
                    dataSeen++;
                }
            }
        });

        Assert.Equal(2, dataSeen);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MessageRunningPastTheDeclaredDataSize_Throws()
    {
        var builder = new FitFileBuilder()
            .Definition(0, 20, new FieldSpec(5, FitBaseType.UInt32))
            .Data(0, 1);
        var bytes = builder.Build(declaredDataSize: 9 + 3); // the definition (9 bytes) and 3 of the 5 data bytes

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(bytes));

        Assert.Equal(14 + 9, ex.ByteOffset);
        Assert.Contains("data section declared by the file header ends at byte 26", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A file exercising every feature: both endiannesses, developer fields, compressed timestamps, strings.</summary>
    internal static byte[] BuildRichFile() => new FitFileBuilder()
        .Definition(0, 0, new FieldSpec(1, FitBaseType.UInt16), new FieldSpec(4, FitBaseType.UInt32), new FieldSpec(8, FitBaseType.String, 8))
        .Data(0, 1, 1000000000, "fr965")
        .Definition(1, 207, new FieldSpec(3, FitBaseType.UInt8))
        .Data(1, 0)
        .Definition(2, 206, new FieldSpec(0, FitBaseType.UInt8), new FieldSpec(1, FitBaseType.UInt8), new FieldSpec(2, FitBaseType.UInt8))
        .Data(2, 0, 0, 0x84)
        .Definition(3, 20, bigEndian: true, [new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(3, FitBaseType.UInt8), new FieldSpec(5, FitBaseType.UInt32)], [new DeveloperFieldSpec(0, 0, FitBaseType.UInt16)])
        .Data(3, 1000000000, 120, 0, 7)
        .Definition(1, 20, new FieldSpec(3, FitBaseType.UInt8), new FieldSpec(5, FitBaseType.UInt32))
        .CompressedData(1, 1, 121, 300)
        .CompressedData(1, 2, 122, 600)
        .Build();
}
