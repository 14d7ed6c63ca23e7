namespace CalfCoach.Core.Assessment.Json;

/// <summary>One problem with an answers object, naming the key ("$" for the whole document).</summary>
public sealed record AnswerError(string Key, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Either complete, valid answers or the list of everything wrong with them.</summary>
public sealed record AnswersReadResult(RunnerAnswers? Answers, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Answers is not null;
}
