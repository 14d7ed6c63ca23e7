using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed partial class FitReaderTests
{
    // Hand-made vectors. Each is one file_id message (manufacturer = 1, time_created = 1000000000) after a
    // FIT protocol "File Header": size, protocol version, profile version (LE), data size (LE), ".FIT", [CRC (LE)];
    // the last two bytes are the file CRC (FIT protocol, "CRC").
    private const string TwelveByteHeaderFile = "0C 10 64 00 13 00 00 00 2E 46 49 54 40 00 00 00 00 02 01 02 84 04 04 86 00 01 00 00 CA 9A 3B 9D F5";
    private const string FourteenByteHeaderFile = "0E 20 61 08 13 00 00 00 2E 46 49 54 E8 27 40 00 00 00 00 02 01 02 84 04 04 86 00 01 00 00 CA 9A 3B A0 7A";
    private const string HeaderCrcZeroFile = "0E 20 61 08 13 00 00 00 2E 46 49 54 00 00 40 00 00 00 00 02 01 02 84 04 04 86 00 01 00 00 CA 9A 3B ED 8C";

    [Theory]
    [InlineData(TwelveByteHeaderFile, 12, 0x10, 100, null)] // FIT protocol, File Header: 12-byte legacy header, no CRC
    [InlineData(FourteenByteHeaderFile, 14, 0x20, 2145, (ushort)0x27E8)] // 14-byte header with CRC of bytes 0-11
    [InlineData(HeaderCrcZeroFile, 14, 0x20, 2145, null)] // 14-byte header, CRC 0 = "not computed"
    public void Read_FileHeader_ExposesHeaderFields(string hex, int headerSize, int protocol, int profile, ushort? headerCrc)
    {
        var bytes = TestBytes.FromHex(hex);
        var reader = new FitReader(bytes);

        Assert.True(reader.Read());

        Assert.Equal(FitTokenKind.FileHeader, reader.TokenKind);
        Assert.Equal(new FitFileHeader((byte)headerSize, (byte)protocol, (ushort)profile, 19, headerCrc), reader.FileHeader);
        Assert.Equal(headerSize, reader.BytesConsumed);
        Assert.Equal(0, reader.FileIndex);
    }

    [Theory]
    [InlineData(TwelveByteHeaderFile)]
    [InlineData(FourteenByteHeaderFile)]
    [InlineData(HeaderCrcZeroFile)]
    public void Read_WholeFile_YieldsHeaderDefinitionDataAndEnd(string hex)
    {
        var bytes = TestBytes.FromHex(hex);
        var reader = new FitReader(bytes);
        var kinds = new List<FitTokenKind>();

        while (reader.Read())
        {
            kinds.Add(reader.TokenKind);
            if (reader.TokenKind == FitTokenKind.Data)
            {
                Assert.Equal(0, reader.GlobalMessageNumber);
                Assert.True(reader.TryGetUInt16(1, out var manufacturer));
                Assert.Equal(1, manufacturer);
                Assert.True(reader.TryGetDateTime(4, out var created));
                Assert.Equal(new DateTimeOffset(2021, 9, 8, 1, 46, 40, TimeSpan.Zero), created); // 1e9 s after 1989-12-31T00:00Z
            }
        }

        Assert.Equal([FitTokenKind.FileHeader, FitTokenKind.Definition, FitTokenKind.Data, FitTokenKind.FileEnd], kinds);
        Assert.Equal(bytes.Length, reader.BytesConsumed);
        Assert.Equal(FitTokenKind.None, reader.TokenKind);
    }

    [Theory]
    [InlineData("", "too short")]
    [InlineData("0E 20 61 08 13 00 00 00 2E 46 49", "too short")]
    [InlineData("0E 20 61 08 13 00 00 00 2E 46 49 58 E8 27", "do not start with a FIT file header")] // ".FIX"
    [InlineData("0B 20 61 08 13 00 00 00 2E 46 49 54 E8 27", "do not start with a FIT file header")] // size 11 < 12
    [InlineData("0E 20 61 08 13 00 00 00 2E 46 49 54 E8 28", "header CRC")] // header CRC off by one
    public void Read_BadHeader_ThrowsAtByteZeroOrTwelve(string hex, string expected)
    {
        var bytes = TestBytes.FromHex(hex);

        var ex = Assert.Throws<FitFormatException>(() =>
        {
            var reader = new FitReader(bytes);
            reader.Read();
        });

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"byte {ex.ByteOffset}: ", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.ByteOffset is 0 or 12);
    }

    [Fact]
    public void Read_BadHeaderCrc_IsAcceptedWhenVerificationIsSkipped()
    {
        var bytes = TestBytes.FromHex(FourteenByteHeaderFile);
        bytes[13] ^= 0xFF;
        bytes[^1] ^= 0xFF;

        var reader = new FitReader(bytes, options: new FitReaderOptions(SkipCrcVerification: true));
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        Assert.Equal(4, tokens);
    }

    [Fact]
    public void Read_ChainedFiles_ReadsEachHeaderAndResetsDefinitions()
    {
        // FIT protocol, "Chained FIT Files": files follow one another, each with its own header and CRC.
        var first = new FitFileBuilder()
            .Definition(0, 0, new FieldSpec(1, FitBaseType.UInt16))
            .Data(0, 1)
            .Build();
        var second = new FitFileBuilder()
            .Definition(3, 20, new FieldSpec(3, FitBaseType.UInt8))
            .Data(3, 150)
            .Build(headerSize: 12);
        var bytes = first.Concat(second).ToArray();

        var reader = new FitReader(bytes);
        var headers = new List<(int Index, long Offset)>();
        var globals = new List<ushort>();
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.FileHeader)
            {
                headers.Add((reader.FileIndex, reader.TokenStartIndex));
            }
            else if (reader.TokenKind == FitTokenKind.Data)
            {
                globals.Add(reader.GlobalMessageNumber);
            }
        }

        Assert.Equal([(0, 0L), (1, (long)first.Length)], headers);
        Assert.Equal([(ushort)0, (ushort)20], globals);
    }

    [Fact]
    public void Read_ChainedFile_DoesNotInheritDefinitionsFromThePreviousFile()
    {
        var first = new FitFileBuilder().Definition(0, 20, new FieldSpec(3, FitBaseType.UInt8)).Data(0, 150).Build();
        var second = new FitFileBuilder().Raw(0x00, 150).Build(); // a data message for local 0, not defined in this file

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(first.Concat(second).ToArray()));

        Assert.Equal(first.Length + 14, ex.ByteOffset);
        Assert.Contains("no definition", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingGarbageAfterAFile_ThrowsAtTheGarbage()
    {
        var file = TestBytes.FromHex(FourteenByteHeaderFile);
        var bytes = file.Concat(new byte[] { 0, 0, 0 }).ToArray();

        var ex = Assert.Throws<FitFormatException>(() => TestBytes.Walk(bytes));

        Assert.Equal(file.Length, ex.ByteOffset);
        Assert.Contains("trailing", ex.Message, StringComparison.Ordinal);
    }
}
