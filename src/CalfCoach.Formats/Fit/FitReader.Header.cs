using System.Buffers.Binary;

namespace CalfCoach.Formats.Fit;

public ref partial struct FitReader
{
    private const int MinHeaderSize = 12;
    private const int HeaderSizeWithCrc = 14;

    // ".FIT" in ASCII at bytes 8-11 of every header.
    private static ReadOnlySpan<byte> DataTypeSignature => ".FIT"u8;

    /// <summary>Reads a file header at the current position: the start of the input, or just after a file's CRC.</summary>
    private void ReadFileHeader()
    {
        var start = _position;
        var remaining = _data.Length - start;
        var what = _segmentIndex < 0
            ? "the file's bytes"
            : $"the {remaining} byte(s) after the end of FIT file {_segmentIndex + 1}";

        if (remaining < MinHeaderSize)
        {
            throw new FitFormatException(
                start,
                $"{what} are too short for a FIT file header ({remaining} of at least {MinHeaderSize} bytes); " +
                (_segmentIndex < 0 ? "this is not a FIT file" : "they are trailing garbage; everything before them is complete"));
        }

        var header = _data.Slice(start, MinHeaderSize);
        var headerSize = header[0];
        if (headerSize < MinHeaderSize || !header.Slice(8, 4).SequenceEqual(DataTypeSignature))
        {
            throw new FitFormatException(
                start,
                $"{what} do not start with a FIT file header (expected a header size of at least {MinHeaderSize} and \".FIT\" " +
                $"at offset 8, found size {headerSize} and bytes {Convert.ToHexString(header.Slice(8, 4))}); " +
                (_segmentIndex < 0 ? "this is not a FIT file or its header is corrupt" : "the data after this point is not readable"));
        }

        if (headerSize > remaining)
        {
            throw new FitFormatException(start, $"the file header declares {headerSize} bytes but only {remaining} remain; the file is truncated");
        }

        // FIT protocol, "File Header": multi-byte header fields are always little-endian.
        var protocolVersion = header[1];
        var profileVersion = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(2, 2));
        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4, 4));

        ushort? headerCrc = null;
        if (headerSize >= HeaderSizeWithCrc)
        {
            var storedCrc = BinaryPrimitives.ReadUInt16LittleEndian(_data.Slice(start + MinHeaderSize, 2));

            // A stored CRC of 0 means the writer did not compute one (FIT protocol, "File Header", CRC).
            if (storedCrc != 0)
            {
                headerCrc = storedCrc;
                var actual = ComputeCrc(header);
                if (!_options.SkipCrcVerification && actual != storedCrc)
                {
                    throw new FitFormatException(
                        start + MinHeaderSize,
                        $"the file header CRC is 0x{storedCrc:X4} but its first 12 bytes give 0x{actual:X4}; the header is corrupt " +
                        "(read with SkipCrcVerification to try anyway)");
                }
            }
        }

        _fileHeader = new FitFileHeader(headerSize, protocolVersion, profileVersion, dataSize, headerCrc);
        _segmentIndex++;
        _segmentStart = start;
        _tokenStart = start;

        // The data section may claim to extend past the input (truncated file); reads are checked against both.
        // int.MaxValue caps absurd sizes so offsets stay in range; such a file fails at its first short message.
        _dataEnd = (int)Math.Min((long)start + headerSize + dataSize, int.MaxValue - 2);
        _inSegment = true;
        _hasLastTimestamp = false;
        _localMessage = -1;
        _definitions.Clear();
        _tokenKind = FitTokenKind.FileHeader;
        _position = start + headerSize;
    }
}
