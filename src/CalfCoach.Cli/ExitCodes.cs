namespace CalfCoach.Cli;

/// <summary>Process exit codes: part of the CLI's contract with scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work (an assessment succeeded, whatever its disposition).</summary>
    public const int Ok = 0;

    /// <summary>Something unexpected failed; the message says what.</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong (bad option, malformed or incomplete answers); nothing was done.</summary>
    public const int BadInput = 2;

    /// <summary>What was to be created exists already (<c>users add</c> with an address that has an account); nothing was done.</summary>
    public const int AlreadyExists = 3;

    /// <summary>What was named does not exist (<c>users reset-password</c> for an address without an account); nothing was done.</summary>
    public const int NotFound = 4;

    /// <summary>The user interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
