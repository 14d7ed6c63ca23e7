using System.CommandLine;
using CalfCoach.Cli.Commands;
using CalfCoach.Cli.Resources;

namespace CalfCoach.Cli;

/// <summary>The command tree, and the one place that turns failures into exit codes.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(CommonText.RootHelp);
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(AssessCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(ActivitiesCommand.Create(context));
        root.Subcommands.Add(AnalyzeCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(MetronomeCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(LogCommand.Create(context));
        root.Subcommands.Add(ShoesCommand.Create(context));
        root.Subcommands.Add(ProfileCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        InvariantNumbers.Apply(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                WriteError(context, error.Message);
            }

            WriteError(context, CommonText.SeeHelp);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UserInputException ex)
        {
            foreach (var line in ex.Errors)
            {
                WriteError(context, line);
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            WriteError(context, CommonText.Cancelled);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not bad input: say so plainly, with enough to report it, and never half-print a result.
            WriteError(context, CommonText.UnexpectedFailure(ex.GetType().Name, ex.Message));
            return ExitCodes.Failure;
        }
    }

    /// <summary>One error per line, unwrapped, so scripts and people can read every message whole.</summary>
    public static void WriteError(CliContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var writer = context.Error.Profile.Out.Writer;
        writer.WriteLine(CommonText.Error(message));
        writer.Flush();
    }
}
