using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Import.Export;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach export --out FILE.zip</c>: the runner's export (<see cref="RunnerExport"/>), as <c>GET /api/me/export</c> gives it;
/// <c>calfcoach import FILE.zip</c> restores it.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The .zip file to write.", HelpName = "FILE", Required = true };
        var db = CommonOptions.Db();
        var asOf = CommonOptions.Date("--as-of", "The day of the programme in the export (YYYY-MM-DD); default today.");
        var command = new Command(
            "export",
            "Everything you gave CalfCoach, as one zip: the files uploaded to a server (byte for byte), your profile, shoes, assessments, check-ins and programme. calfcoach import FILE restores it.")
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
            context.Out.MarkupLineInterpolated($"Export written to [bold]{file}[/] ({originals} uploaded files; the programme as of {HumanDate.Of(date)}). Import it with calfcoach import {file}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
