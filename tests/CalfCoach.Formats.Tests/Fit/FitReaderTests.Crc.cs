using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed partial class FitReaderTests
{
    [Theory]
    [InlineData("", 0x0000)]
    [InlineData("0C 10 64 00 13 00 00 00 2E 46 49 54", 0x3099)] // a 12-byte header on its own
    [InlineData("0E 20 61 08 13 00 00 00 2E 46 49 54", 0x27E8)] // matches the stored header CRC of FourteenByteHeaderFile
    public void ComputeCrc_KnownInputs_MatchTheFitCrc16(string hex, int expected)
    {
        // FIT protocol, "CRC": CRC-16 with the 16-entry nibble table; values checked with an independent implementation.
        Assert.Equal((ushort)expected, FitReader.ComputeCrc(TestBytes.FromHex(hex)));
    }

    [Fact]
    public void ComputeCrc_OverAWholeFileIncludingItsCrc_IsZero()
    {
        // A property of this CRC: appending the CRC (little-endian) makes the CRC of the whole zero.
        Assert.Equal(0, FitReader.ComputeCrc(TestBytes.FromHex(FourteenByteHeaderFile)));
    }

    [Fact]
    public void Read_FileCrcMismatch_ThrowsAtTheCrcAfterYieldingTheData()
    {
        var bytes = TestBytes.FromHex(TwelveByteHeaderFile);
        bytes[^2] ^= 0x01;
        var reader = new FitReader(bytes);
        var data = 0;

        var ex = Assert.Throws<FitFormatException>(() =>
        {
            var r = new FitReader(bytes);
            while (r.Read())
            {
            }
        });
        while (reader.TokenKind != FitTokenKind.Data)
        {
            reader.Read();
            data++;
        }

        Assert.Equal(bytes.Length - 2, ex.ByteOffset);
        Assert.Contains("file CRC", ex.Message, StringComparison.Ordinal);
        Assert.True(data > 0);
    }

    [Fact]
    public void Read_FileEnd_ExposesTheStoredCrc()
    {
        var bytes = TestBytes.FromHex(FourteenByteHeaderFile);
        var reader = new FitReader(bytes);
        while (reader.Read() && reader.TokenKind != FitTokenKind.FileEnd)
        {
        }

        Assert.Equal(FitTokenKind.FileEnd, reader.TokenKind);
        Assert.Equal(0x7AA0, reader.FileCrc);
    }

    [Fact]
    public void ComputeCrc_ByteTable_AgreesWithTheSpecNibbleAlgorithm()
    {
        var random = new Random(7);
        for (var length = 0; length < 300; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);

            Assert.Equal(FitReader.ComputeCrcByNibbles(bytes), FitReader.ComputeCrc(bytes));
        }
    }
}
