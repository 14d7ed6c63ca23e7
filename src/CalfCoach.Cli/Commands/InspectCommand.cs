using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CalfCoach.Import.Inspect;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.InspectText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach inspect FILE...</c>: decode files without storing them (one JSON object per line with --json).</summary>
public static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = Words.FileHelp,
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json();
        var command = new Command("inspect", Words.CommandHelp) { files, json };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var writer = context.Out.Profile.Out.Writer;
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(Markup.Escape(Words.FileColumn)).AddColumn(Markup.Escape(Words.OkColumn)).AddColumn(Markup.Escape(Words.FormatColumn))
                .AddColumn(Markup.Escape(Words.SportColumn)).AddColumn(new TableColumn(Markup.Escape(Words.RecordsColumn)).RightAligned())
                .AddColumn(Markup.Escape(Words.StartColumn)).AddColumn(new TableColumn(Markup.Escape(Words.KilometresColumn)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(Words.CadenceColumn)).RightAligned()).AddColumn(Markup.Escape(Words.ProblemsColumn));
            var any = false;
            var allFailed = true;
            foreach (var report in FileInspector.Inspect(parse.GetValue(files)!))
            {
                any = true;
                allFailed &= report.Records == 0 && !report.Ok;
                if (asJson)
                {
                    writer.WriteLine(JsonSerializer.Serialize(report, InspectJsonContext.Default.InspectReport));
                    continue;
                }

                table.AddRow(
                    new Text(report.File),
                    new Markup(report.Ok ? $"[green]{Markup.Escape(Words.Yes)}[/]" : $"[red]{Markup.Escape(Words.No)}[/]"),
                    new Text(report.Format ?? "-"),
                    new Text(report.Sport ?? "-"),
                    new Text(report.Records.ToString(CultureInfo.InvariantCulture)),
                    new Text(report.FirstTimestamp?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"),
                    new Text(report.TotalDistanceM is { } d ? (d / 1000).ToString("0.00", CultureInfo.InvariantCulture) : "-"),
                    new Text(report.AvgCadenceSpm is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : "-"),
                    new Text(string.Join(Environment.NewLine, report.Errors)));
            }

            if (!asJson)
            {
                context.Out.Write(table);
            }

            writer.Flush();
            return any && !allFailed ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
