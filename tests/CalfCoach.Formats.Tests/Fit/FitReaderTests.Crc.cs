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

    [Fact]
    public void ComputeCrcSliced_AgreesWithTheNibbleAlgorithm_OnRandomInputsLengthsAndStartValues()
    {
        var random = new Random(11);
        for (var length = 0; length <= 64; length++)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                var start = trial == 0 ? (ushort)0 : (ushort)random.Next(0x10000);

                Assert.Equal(FitReader.ComputeCrcByNibbles(bytes, start), FitReader.ComputeCrcSliced(bytes, start));
            }
        }
    }

    [Fact]
    public void ComputeCrcFolded_AgreesWithTheNibbleAlgorithm_OnRandomInputsLengthsAndStartValues()
    {
        // Exercises the carry-less multiplication path where the CPU has it (and the tables elsewhere).
        var random = new Random(13);
        for (var length = 0; length <= 600; length++)
        {
            for (var trial = 0; trial < 4; trial++)
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                var start = trial == 0 ? (ushort)0 : (ushort)random.Next(0x10000);

                Assert.Equal(FitReader.ComputeCrcByNibbles(bytes, start), FitReader.ComputeCrcFolded(bytes, start));
                Assert.Equal(FitReader.ComputeCrcByNibbles(bytes, start), FitReader.ComputeCrc(bytes, start));
            }
        }
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void ComputeCrcFolded_UniformLargeInputs_AgreeWithTheNibbleAlgorithm(int fill)
    {
        var bytes = new byte[100_003];
        bytes.AsSpan().Fill((byte)fill);
        bytes[12_345] ^= 0x5A;

        Assert.Equal(FitReader.ComputeCrcByNibbles(bytes), FitReader.ComputeCrc(bytes));
    }
}
