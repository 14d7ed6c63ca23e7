using CalfCoach.Import;
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
/// <param name="ImportMemoryMb">The value of <c>CALFCOACH_IMPORT_MEMORY_MB</c> (<see cref="ImportMemoryBudget.EnvironmentVariable"/>), null when unset.</param>
/// <param name="DefaultDatabase">
/// The database <c>assess</c> records into without <c>--db</c>; null means the user's default
/// (<see cref="Storage.StoragePaths.DefaultDatabasePath()"/>). Tests point it at a temporary file.
/// </param>
/// <param name="ServerToken">The value of <c>CALFCOACH_TOKEN</c>, the token <c>import --server</c> uses without <c>--token</c>.</param>
public sealed record CliContext(
    IAnsiConsole Out,
    IAnsiConsole Error,
    TextReader In,
    bool InputIsInteractive,
    TimeProvider Clock,
    string? ImportMemoryMb = null,
    string? DefaultDatabase = null,
    string? ServerToken = null)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>
    /// The process's import memory budget, from <see cref="ImportMemoryMb"/>. Made once per command: each command runs
    /// in its own process, so this is the one budget of the process.
    /// </summary>
    /// <exception cref="UserInputException">The variable is set to something that is not a budget (exit code 2, the message names it).</exception>
    public ImportMemoryBudget ImportMemory() =>
        ImportMemoryBudget.TryFromEnvironment(ImportMemoryMb, out var budget, out var error)
            ? budget
            : throw new UserInputException(error!);
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
