using CalfCoach.Cli.Resources;

namespace CalfCoach.Cli.Interactive;

/// <summary>A labelled choice in a question.</summary>
public sealed record Choice<T>(string Label, T Value);

/// <summary>
/// Asks one question at a time. Required questions have no default: an empty or unclear reply is
/// asked again, and the end of input is an error, never a "no".
/// </summary>
public interface IAnswerPrompter
{
    void Section(string title);

    void Say(string markup);

    bool AskYesNo(string question);

    bool? AskOptionalYesNo(string question);

    int AskWholeNumber(string question, int min, int max);

    int? AskOptionalWholeNumber(string question, int min, int max);

    T? AskOptionalChoice<T>(string question, IReadOnlyList<Choice<T>> choices)
        where T : struct;

    IReadOnlyList<T> AskMany<T>(string question, IReadOnlyList<Choice<T>> choices);

    /// <summary>One of several answers, required (a follow-up question): no default, the end of input is an error.</summary>
    T AskOneOf<T>(string question, IReadOnlyList<Choice<T>> choices);
}

/// <summary>Input ended before a required question was answered.</summary>
public sealed class InputEndedException(string question)
    : Exception(InteractiveText.InputEnded(question));
