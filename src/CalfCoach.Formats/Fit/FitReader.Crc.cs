using System.Buffers.Binary;

namespace CalfCoach.Formats.Fit;

public ref partial struct FitReader
{
    // FIT protocol, "CRC": a CRC-16 (polynomial 0xA001, reflected) computed four bits at a time with this table.
    private static ReadOnlySpan<ushort> CrcTable =>
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    // The same CRC a byte at a time (a reflected CRC-16, so crc' = (crc >> 8) ^ T[(crc ^ b) & 0xFF]), about four times
    // faster than the nibble loop. Built once from the nibble table so the spec's table stays the single source.
    private static readonly ushort[] ByteCrcTable = BuildByteTable();

    /// <summary>The FIT CRC-16 of <paramref name="bytes"/>, continuing from <paramref name="crc"/> (0 to start).</summary>
    public static ushort ComputeCrc(ReadOnlySpan<byte> bytes, ushort crc = 0)
    {
        var table = ByteCrcTable;
        foreach (var b in bytes)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>The FIT protocol's reference algorithm: low nibble, then high nibble, through the 16-entry table.</summary>
    internal static ushort ComputeCrcByNibbles(ReadOnlySpan<byte> bytes, ushort crc = 0)
    {
        var table = CrcTable;
        foreach (var b in bytes)
        {
            var tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[b & 0xF]);

            tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[(b >> 4) & 0xF]);
        }

        return crc;
    }

    private static ushort[] BuildByteTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ComputeCrcByNibbles([(byte)i]);
        }

        return table;
    }

    /// <summary>Reads the two-byte CRC that ends the current file and checks it over header and data.</summary>
    private void ReadFileEnd()
    {
        var start = _position;
        if ((long)start + 2 > _data.Length)
        {
            throw new FitFormatException(
                start,
                $"the input ends {(long)start + 2 - _data.Length} byte(s) before the end of the file CRC; the file is truncated " +
                "but every message before this point is complete");
        }

        // FIT protocol, "CRC": stored little-endian, computed over the header and all data bytes.
        _fileCrc = BinaryPrimitives.ReadUInt16LittleEndian(_data.Slice(start, 2));
        if (!_options.SkipCrcVerification)
        {
            var actual = ComputeCrc(_data[_segmentStart..start]);
            if (actual != _fileCrc)
            {
                throw new FitFormatException(
                    start,
                    $"the file CRC is 0x{_fileCrc:X4} but the {start - _segmentStart} bytes before it give 0x{actual:X4}; " +
                    "some bytes of this file are corrupt, so values already read may be wrong");
            }
        }

        _tokenStart = start;
        _tokenKind = FitTokenKind.FileEnd;
        _inSegment = false;
        _localMessage = -1;
        _position = start + 2;
    }
}
