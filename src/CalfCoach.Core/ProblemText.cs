using System.Globalization;

namespace CalfCoach.Core;

/// <summary>
/// The one length limit on problem text (why a file failed, what was damaged in it) stored in the database or shown by
/// the CLI, the JSON output and the web. A reader quotes what it found (an element name, a value), and a hostile file
/// can make that a megabyte long: 200 such files once wrote 200 MB of errors into the database and a 50 MB web answer.
/// </summary>
public static class ProblemText
{
    /// <summary>
    /// Characters kept (500): the longest real message (a path inside an archive, the position, the problem, what to
    /// do) is about 350, so nothing honest is cut.
    /// </summary>
    public const int MaxChars = 500;

    private const string Marker = " … [";
    private const string NoteEnd = " characters left out] … ";

    /// <summary>
    /// <paramref name="text"/> when it is at most <see cref="MaxChars"/> long; otherwise its start (where every reader
    /// puts the byte offset or line, and the file name) and its last words (what to do), joined by a note of how much
    /// was left out. The result is never longer than <see cref="MaxChars"/> and never splits a surrogate pair.
    /// </summary>
    public static string Bound(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxChars)
        {
            return text;
        }

        const int Tail = 120;

        // The note says how many characters were left out; room is kept for as many digits as the text's length has.
        var noteLength = Marker.Length + NoteEnd.Length + text.Length.ToString(CultureInfo.InvariantCulture).Length;
        var headEnd = SafeEnd(text, MaxChars - Tail - noteLength);
        var tailStart = SafeStart(text, text.Length - Tail);
        return string.Concat(
            text.AsSpan(0, headEnd),
            Marker + (tailStart - headEnd).ToString(CultureInfo.InvariantCulture) + NoteEnd,
            text.AsSpan(tailStart));
    }

    /// <summary><see cref="Bound(string)"/> for text that may be absent.</summary>
    public static string? BoundOrNull(string? text) => text is null ? null : Bound(text);

    private static int SafeEnd(string text, int end) => end > 0 && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;

    private static int SafeStart(string text, int start) => start < text.Length && char.IsLowSurrogate(text[start]) ? start + 1 : start;
}
