using CalfCoach.Cli;
using Spectre.Console;

var context = new CliContext(
    Out: AnsiConsole.Console,
    Error: AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
    In: Console.In,
    InputIsInteractive: !Console.IsInputRedirected && Environment.UserInteractive,
    Clock: TimeProvider.System);

return await CliApp.RunAsync(args, context);
