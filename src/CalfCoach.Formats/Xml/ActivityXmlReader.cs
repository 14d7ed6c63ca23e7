using System.Globalization;
using System.Xml;

namespace CalfCoach.Formats.Xml;

/// <summary>
/// A forward-only <see cref="XmlReader"/> set up for untrusted activity files, with the navigation the GPX and TCX
/// readers share: walk the children of an element, read a leaf's text into a reused buffer, parse numbers and instants
/// without allocating, and collect per-value problems with their line.
/// </summary>
/// <remarks>
/// DTDs are prohibited (no XXE, no entity expansion: a billion-laughs file fails at its DOCTYPE) and nothing is
/// resolved over the network. Every navigation method either leaves the reader just after the element it consumed or
/// throws <see cref="XmlException"/> for damaged input; the format readers decide whether that is fatal or partial.
/// </remarks>
internal sealed class ActivityXmlReader : IDisposable
{
    /// <summary>Longest leaf text kept; the rest is read and dropped so a hostile file cannot grow the buffer without bound.</summary>
    public const int MaxLeafChars = 64 * 1024;

    /// <summary>Problems beyond this many are counted, not kept: a file with a bad value on every point says so once.</summary>
    public const int MaxProblems = 20;

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly List<string> _problems = [];
    private char[] _buffer = new char[128];
    private int _droppedProblems;

    /// <exception cref="XmlActivityFormatException">
    /// The first bytes cannot be decoded (an invalid UTF-8 byte right after the byte order mark): the XML reader looks at
    /// them as soon as it is made, before any navigation could turn its exception into the format's own.
    /// </exception>
    public ActivityXmlReader(Stream stream, string formatName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(formatName);
        try
        {
            _reader = XmlReader.Create(stream, CreateSettings());
        }
        catch (XmlException ex)
        {
            throw Describe(ex, ex.LineNumber, ex.LinePosition, formatName);
        }

        _lineInfo = _reader as IXmlLineInfo;
    }

    public XmlReader Reader => _reader;

    public int LineNumber => _lineInfo?.HasLineInfo() == true ? _lineInfo.LineNumber : 0;

    public int LinePosition => _lineInfo?.HasLineInfo() == true ? _lineInfo.LinePosition : 0;

    public string LocalName => _reader.LocalName;

    public string NamespaceUri => _reader.NamespaceURI;

    public static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Moves to the document element and returns its local name.</summary>
    /// <exception cref="XmlActivityFormatException">The input is not XML, declares a DTD, or has no element.</exception>
    public string MoveToRootElement(string formatName)
    {
        try
        {
            if (_reader.MoveToContent() == XmlNodeType.Element)
            {
                return _reader.LocalName;
            }
        }
        catch (XmlException ex)
        {
            throw BeforeAnyData(ex, formatName);
        }

        throw new XmlActivityFormatException(LineNumber, LinePosition, $"the file has no XML element: it is empty or not a {formatName} file.");
    }

    /// <summary>
    /// Steps into the current element. Returns its depth, the value <see cref="MoveToNextChild"/> expects; an empty
    /// element (<c>&lt;x/&gt;</c>) is consumed and yields -1, which makes <see cref="MoveToNextChild"/> return false.
    /// </summary>
    public int Enter()
    {
        var depth = _reader.Depth;
        var empty = _reader.IsEmptyElement;
        _reader.Read();
        return empty ? -1 : depth;
    }

    /// <summary>
    /// Positions the reader on the next child element of the element entered at <paramref name="parentDepth"/> and
    /// returns true, or consumes the parent's end tag and returns false. The caller must consume each child it is
    /// given (a Read… method or <see cref="Skip"/>).
    /// </summary>
    public bool MoveToNextChild(int parentDepth)
    {
        if (parentDepth < 0)
        {
            return false;
        }

        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when _reader.Depth == parentDepth + 1:
                    return true;
                case XmlNodeType.EndElement when _reader.Depth == parentDepth:
                    // After the document element nothing is read: trailing bytes (a second copy, padding, junk) cannot
                    // spoil a complete activity.
                    if (parentDepth > 0)
                    {
                        _reader.Read();
                    }

                    return false;
                case XmlNodeType.None when _reader.EOF:
                    throw new XmlException("Unexpected end of file.", null, LineNumber, LinePosition);
            }

            if (!_reader.Read())
            {
                throw new XmlException("Unexpected end of file.", null, LineNumber, LinePosition);
            }
        }
    }

    public void Skip() => _reader.Skip();

    /// <summary>
    /// Reads the text of the current leaf element (text and CDATA, child elements skipped), trimmed, and moves past
    /// its end. The span is valid until the next read.
    /// </summary>
    public ReadOnlySpan<char> ReadLeaf()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return [];
        }

        var depth = _reader.Depth;
        var length = 0;
        _reader.Read();
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    length = AppendValue(length);
                    _reader.Read();
                    break;
                case XmlNodeType.Element:
                    _reader.Skip();
                    break;
                default:
                    if (!_reader.Read())
                    {
                        throw new XmlException("Unexpected end of file.", null, LineNumber, LinePosition);
                    }

                    break;
            }
        }

        _reader.Read();
        return _buffer.AsSpan(0, length).Trim();
    }

    /// <summary>The current leaf's text as a string, or null when it is empty.</summary>
    public string? ReadLeafString()
    {
        var text = ReadLeaf();
        return text.IsEmpty ? null : text.ToString();
    }

    /// <summary>Reads the current leaf as a finite number; a missing or unreadable value is NaN and a problem.</summary>
    public double ReadDouble()
    {
        var line = LineNumber;
        var position = LinePosition;
        var name = _reader.LocalName;
        var text = ReadLeaf();
        if (TryParseDouble(text, out var value))
        {
            return value;
        }

        AddProblem(line, position, $"<{name}> holds \"{Shorten(text)}\", which is not a number; the value is left out.");
        return double.NaN;
    }

    /// <summary>Reads the current leaf as an ISO 8601 instant; an unreadable one is a problem and returns false.</summary>
    public bool TryReadInstant(out DateTimeOffset instant)
    {
        var line = LineNumber;
        var position = LinePosition;
        var name = _reader.LocalName;
        var text = ReadLeaf();
        if (TryParseInstant(text, out instant))
        {
            return true;
        }

        AddProblem(line, position, $"<{name}> holds \"{Shorten(text)}\", which is not an ISO 8601 time; the value is left out.");
        return false;
    }

    /// <summary>Reads a number from an attribute of the current element; NaN and a problem when missing or unreadable.</summary>
    public double ReadDoubleAttribute(string name)
    {
        var text = _reader.GetAttribute(name);
        if (text is not null && TryParseDouble(text, out var value))
        {
            return value;
        }

        AddProblem(LineNumber, LinePosition, text is null
            ? $"<{_reader.LocalName}> has no {name} attribute; the position is left out."
            : $"<{_reader.LocalName}> {name}=\"{Shorten(text)}\" is not a number; the position is left out.");
        return double.NaN;
    }

    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// ISO 8601 with "Z", an offset, or no zone (taken as UTC, as GPX and TCX define), and any number of fractional
    /// digits. The result keeps the file's offset; callers take <see cref="DateTimeOffset.UtcTicks"/> for the instant.
    /// </summary>
    public static bool TryParseInstant(ReadOnlySpan<char> text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant);

    public void AddProblem(string problem) => AddProblem(LineNumber, LinePosition, problem);

    public void AddProblem(int lineNumber, int linePosition, string problem)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(XmlPosition.Prefix(lineNumber, linePosition) + problem);
        }
        else
        {
            _droppedProblems++;
        }
    }

    /// <summary>The problems since the last call, ending with a count of those not kept; then starts a new list.</summary>
    public List<string> TakeProblems()
    {
        var result = new List<string>(_problems);
        if (_droppedProblems > 0)
        {
            result.Add($"{_droppedProblems} more problems of the same kinds were not listed.");
        }

        _problems.Clear();
        _droppedProblems = 0;
        return result;
    }

    /// <summary>
    /// The exception for XML damage before anything usable was read. A DTD gets its own message because the fix
    /// (export again) differs from that of a broken file.
    /// </summary>
    public XmlActivityFormatException BeforeAnyData(XmlException ex, string formatName)
    {
        ArgumentNullException.ThrowIfNull(ex);

        // XmlReader reports some errors (a prohibited DTD) without a position; the reader's own position is where it stopped.
        var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (LineNumber, LinePosition);
        return Describe(ex, line, position, formatName);
    }

    private static XmlActivityFormatException Describe(XmlException ex, int line, int position, string formatName)
    {
        var problem = IsDtdRejection(ex)
            ? $"the file declares a DTD (<!DOCTYPE ...>). {formatName} files never need one, and CalfCoach refuses DTDs because " +
              "their entities can read local files or expand without bound (XXE, \"billion laughs\"). Export the activity again from its source."
            : $"the file is not well-formed XML ({ex.Message.TrimEnd('.')}), so it cannot be read as {formatName}. " +
              "Check that it is a complete, uncorrupted export; if it came from an archive, extract it again.";
        return new XmlActivityFormatException(line, position, problem, ex);
    }

    /// <summary>Describes XML damage found after some samples were read, for the activity's problem list.</summary>
    public string DamageAfterData(XmlException ex, int keptSamples, string formatName)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (LineNumber, LinePosition);
        return XmlPosition.Prefix(line, position) +
               $"the {formatName} file is damaged here ({ex.Message.TrimEnd('.')}); the {keptSamples} samples before it are kept " +
               "and the point being read is dropped. The activity is partial: export it again if you have the original.";
    }

    public void Dispose() => _reader.Dispose();

    private static bool IsDtdRejection(XmlException ex) =>
        ex.Message.Contains("DTD", StringComparison.Ordinal) || ex.Message.Contains("DOCTYPE", StringComparison.Ordinal);

    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");

    private int AppendValue(int length)
    {
        if (!_reader.CanReadValueChunk)
        {
            var value = _reader.Value;
            var take = Math.Min(value.Length, MaxLeafChars - length);
            EnsureCapacity(length + take);
            value.AsSpan(0, take).CopyTo(_buffer.AsSpan(length));
            return length + take;
        }

        while (true)
        {
            if (length == _buffer.Length)
            {
                if (_buffer.Length >= MaxLeafChars)
                {
                    // Drain the rest of an oversized value; keep the first MaxLeafChars characters.
                    var discard = new char[256];
                    while (_reader.ReadValueChunk(discard, 0, discard.Length) > 0)
                    {
                    }

                    return length;
                }

                EnsureCapacity(Math.Min(MaxLeafChars, _buffer.Length * 2));
            }

            var read = _reader.ReadValueChunk(_buffer, length, _buffer.Length - length);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }

    private void EnsureCapacity(int capacity)
    {
        if (capacity > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(capacity, _buffer.Length * 2));
        }
    }
}
