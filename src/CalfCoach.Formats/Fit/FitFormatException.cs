namespace CalfCoach.Formats.Fit;

/// <summary>
/// The bytes are not a well-formed FIT file. This is the only exception the FIT reader raises for bad input;
/// misuse of the API (for example asking for a field while positioned on a definition) raises
/// <see cref="InvalidOperationException"/> instead.
/// </summary>
/// <remarks>
/// The message always starts with <c>byte N:</c>, says what is wrong and what the caller can do about it.
/// It derives from <see cref="FormatException"/> because <see cref="InvalidDataException"/>, the natural parent,
/// is sealed.
/// </remarks>
public sealed class FitFormatException : FormatException
{
    public FitFormatException()
    {
    }

    public FitFormatException(string message)
        : base(message)
    {
        Problem = message;
    }

    public FitFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    public FitFormatException(long byteOffset, string problem)
        : base($"byte {byteOffset}: {problem}")
    {
        ByteOffset = byteOffset;
        Problem = problem;
    }

    /// <summary>Offset from the start of the input (not of the current chained file) where the problem was found.</summary>
    public long ByteOffset { get; }

    /// <summary>
    /// What is wrong, without the <c>byte N:</c> prefix of <see cref="Exception.Message"/>: for callers that show the
    /// offset themselves (<see cref="FitProblem"/>), so it is never said twice.
    /// </summary>
    public string Problem { get; } = "";
}
