using CalfCoach.Cli;
using CalfCoach.Import;
using Spectre.Console;

var context = new CliContext(
    Out: AnsiConsole.Console,
    Error: AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
    In: Console.In,
    InputIsInteractive: !Console.IsInputRedirected && Environment.UserInteractive,
    Clock: TimeProvider.System,
    ImportMemoryMb: Environment.GetEnvironmentVariable(ImportMemoryBudget.EnvironmentVariable),
    ServerToken: Environment.GetEnvironmentVariable(CalfCoach.Cli.Commands.ServerImport.TokenVariable));

return await CliApp.RunAsync(args, context);
