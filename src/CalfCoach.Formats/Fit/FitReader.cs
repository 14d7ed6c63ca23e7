using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// A forward-only, allocation-free pull reader over the bytes of one or more chained FIT files, shaped like
/// <c>Utf8JsonReader</c>: call <see cref="Read"/> in a loop and inspect <see cref="TokenKind"/>.
/// </summary>
/// <remarks>
/// <para>Follows the Garmin FIT protocol document (developer.garmin.com/fit/protocol): file header, record headers
/// (normal and compressed timestamp), definition and data messages, developer data fields (protocol 2.0) and the
/// trailing CRC. Several FIT files may follow one another in the same input ("chained files").</para>
/// <para>Every read is bounds-checked against both the input and the data size declared by the current file header,
/// and the position only advances after a message has been decoded completely. Malformed input raises
/// <see cref="FitFormatException"/> (with the byte offset) and nothing else; after that exception the reader must not
/// be used again.</para>
/// </remarks>
public ref partial struct FitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly FitDefinitionTable _definitions;
    private readonly FitReaderOptions _options;

    private int _position;
    private FitTokenKind _tokenKind;
    private int _tokenStart;

    // Current chained file: where its header starts, where its data section ends (the CRC follows), and
    // whether the reader is between that header and that CRC.
    private int _segmentStart;
    private int _dataEnd;
    private bool _inSegment;
    private int _segmentIndex;
    private FitFileHeader _fileHeader;
    private ushort _fileCrc;

    // Current message.
    private int _localMessage;
    private int _contentStart;

    // Timestamps: the last full timestamp (field 253) seen in this file, which compressed-timestamp headers offset.
    private uint _lastTimestamp;
    private bool _hasLastTimestamp;
    private uint _timestamp;
    private bool _hasTimestamp;
    private bool _isCompressedTimestamp;

    /// <summary>Creates a reader over <paramref name="data"/>, which must start with a FIT file header.</summary>
    /// <param name="definitions">Reusable definition storage; when null the reader allocates its own.</param>
    public FitReader(ReadOnlySpan<byte> data, FitDefinitionTable? definitions = null, FitReaderOptions options = default)
    {
        _data = data;
        _definitions = definitions ?? new FitDefinitionTable();
        _definitions.Clear();
        _options = options;
        _segmentIndex = -1;
        _localMessage = -1;
    }

    /// <summary>What the reader is positioned on.</summary>
    public readonly FitTokenKind TokenKind => _tokenKind;

    /// <summary>Bytes of input consumed so far, i.e. the offset of the next token.</summary>
    public readonly long BytesConsumed => _position;

    /// <summary>Offset of the first byte of the current token.</summary>
    public readonly long TokenStartIndex => _tokenStart;

    /// <summary>Zero-based index of the current chained FIT file; -1 before the first header.</summary>
    public readonly int FileIndex => _segmentIndex;

    /// <summary>The header of the current chained FIT file.</summary>
    public readonly FitFileHeader FileHeader => _fileHeader;

    /// <summary>The CRC stored at the end of the current file; valid when <see cref="TokenKind"/> is <see cref="FitTokenKind.FileEnd"/>.</summary>
    public readonly ushort FileCrc => _fileCrc;

    /// <summary>
    /// Reads the next token. Returns false only at the end of the input after a complete file (header, messages, CRC).
    /// </summary>
    /// <exception cref="FitFormatException">The bytes are not a well-formed FIT file at <see cref="FitFormatException.ByteOffset"/>.</exception>
    public bool Read()
    {
        if (!_inSegment)
        {
            if (_position >= _data.Length && _segmentIndex >= 0)
            {
                _tokenKind = FitTokenKind.None;
                _tokenStart = _position;
                return false;
            }

            ReadFileHeader();
            return true;
        }

        if (_position == _dataEnd)
        {
            ReadFileEnd();
            return true;
        }

        ReadRecord();
        return true;
    }

    private void ReadRecord()
    {
        var start = _position;
        EnsureMessageBytes(start, 1, "record header");
        var header = _data[start];

        // FIT protocol, "Record Header": bit 7 set = compressed timestamp header; else bit 6 set = definition.
        if ((header & 0x80) != 0)
        {
            ReadCompressedTimestampData(start, header);
        }
        else if ((header & 0x40) != 0)
        {
            ReadDefinition(start, header);
        }
        else
        {
            ReadNormalData(start, header);
        }
    }

    /// <summary>
    /// Checks that <paramref name="count"/> bytes from <paramref name="start"/> lie both inside the input and inside
    /// the data section declared by the file header, before anything is read from them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void EnsureMessageBytes(int start, int count, string what)
    {
        // long arithmetic: start + count cannot overflow, whatever the header claims. Inlined: two compares per
        // message; building the error is left to a method of its own.
        var end = (long)start + count;
        if (end > _dataEnd || end > _data.Length)
        {
            ThrowMessageBytes(start, count, what);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowMessageBytes(int start, int count, string what)
    {
        var end = (long)start + count;
        if (end > _dataEnd)
        {
            if (_dataEnd > _data.Length && end > _data.Length)
            {
                throw Truncated(start, what, count);
            }

            throw new FitFormatException(
                start,
                $"the {what} needs {count} byte(s) but the data section declared by the file header ends at byte {_dataEnd}; " +
                "the file is corrupt (or its header's data size is wrong) after this point");
        }

        throw Truncated(start, what, count);
    }

    private readonly FitFormatException Truncated(int start, string what, int count) =>
        new(start,
            $"the input ends after {_data.Length - start} of the {count} byte(s) of the {what} (the header declares " +
            $"{(long)_dataEnd + 2 - _segmentStart} bytes for this file, {_data.Length - _segmentStart} are present); " +
            "the file is truncated: keep what was read before this point or copy the file again");
}
