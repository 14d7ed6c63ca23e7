using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Import.Export;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ExportText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach export --out FILE.zip</c>: the runner's export (<see cref="RunnerExport"/>), as <c>GET /api/me/export</c> gives it;
/// <c>calfcoach import FILE.zip</c> restores it.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = Words.OutHelp, HelpName = "FILE", Required = true };
        var db = CommonOptions.Db();
        var asOf = CommonOptions.Date("--as-of", Words.AsOfHelp);
        var command = new Command("export", Words.CommandHelp)
        {
            output, db, asOf,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output)!;
            var date = parse.GetValue(asOf) ?? context.Today;
            using var database = DatabaseOption.Open(parse.GetValue(db));
            OutputFile.WriteAtomically(file, stream => RunnerExport.Write(database, new RecoveryJournal(database), date, context.Clock.GetUtcNow(), stream));
            var originals = new OriginalStore(database).List().Count;
            context.Out.MarkupLine(Styled.Markup(Words.Written(Styled.Bold(file), originals, HumanDate.Of(date), file)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
