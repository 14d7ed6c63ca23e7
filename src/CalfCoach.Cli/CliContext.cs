using Spectre.Console;

namespace CalfCoach.Cli;

/// <summary>
/// Everything a command touches outside the process: consoles, standard input, the clock and
/// files. Commands never use the static <c>AnsiConsole</c> or <c>Console</c>, so tests can drive them.
/// </summary>
/// <param name="Out">Results (stdout).</param>
/// <param name="Error">Errors and, in <c>--json</c> mode, the prompts (stderr), so stdout stays machine-readable.</param>
/// <param name="In">Standard input, for <c>--answers -</c> and for answering questions line by line.</param>
/// <param name="InputIsInteractive">True when a person types at a terminal (key-by-key prompts are possible).</param>
public sealed record CliContext(
    IAnsiConsole Out,
    IAnsiConsole Error,
    TextReader In,
    bool InputIsInteractive,
    TimeProvider Clock)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
}

/// <summary>Bad input from the user: each error goes to stderr on its own line, with exit code 2, never a stack trace.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException(string message)
        : this([message])
    {
    }

    public UserInputException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
