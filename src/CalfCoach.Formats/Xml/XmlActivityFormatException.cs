namespace CalfCoach.Formats.Xml;

/// <summary>
/// A GPX or TCX file that cannot give a single activity: not well-formed XML before the first sample, a DTD, the wrong
/// root element, or no recorded samples or start time. Damage after some samples does not raise this: the reader keeps
/// the samples and marks the activity partial.
/// </summary>
/// <remarks>
/// The message starts with <c>line L, position P:</c> when the position is known, names the element, and says what the
/// user can do. It derives from <see cref="FormatException"/> like <c>FitFormatException</c>.
/// </remarks>
public sealed class XmlActivityFormatException : FormatException
{
    public XmlActivityFormatException()
    {
    }

    public XmlActivityFormatException(string message)
        : base(message)
    {
    }

    public XmlActivityFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public XmlActivityFormatException(int lineNumber, int linePosition, string problem, Exception? innerException = null)
        : base(XmlPosition.Prefix(lineNumber, linePosition) + problem, innerException)
    {
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>1-based line of the problem, or 0 when unknown (for example at the end of the input).</summary>
    public int LineNumber { get; }

    /// <summary>1-based character position in the line, or 0 when unknown.</summary>
    public int LinePosition { get; }
}

internal static class XmlPosition
{
    public static string Prefix(int lineNumber, int linePosition) =>
        lineNumber > 0 ? $"line {lineNumber}, position {linePosition}: " : string.Empty;
}
