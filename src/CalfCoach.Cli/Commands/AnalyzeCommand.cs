using System.CommandLine;
using System.Globalization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Cli.Resources;
using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Import.History;
using Spectre.Console;
using Spectre.Console.Rendering;
using Words = CalfCoach.Cli.Resources.AnalyzeText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach analyze</c>: the causes of calf pain found in the stored training history.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var onset = CommonOptions.Date("--onset", Words.OnsetHelp);
        var json = CommonOptions.Json();
        var command = new Command("analyze", Words.CommandHelp) { db, asOf, onset, json };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var pain = parse.GetValue(onset) ?? date;
            if (pain > date)
            {
                throw new UserInputException(CommonText.OnsetAfterAsOf(IsoDate.ToText(pain), IsoDate.ToText(date)));
            }

            using var database = DatabaseOption.Open(parse.GetValue(db));
            var history = new TrainingHistory(database);
            var result = history.Analyze(date, pain);
            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(AnalysisJson.Serialize(result));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            Render(context.Out, result, history.LoadProfile().Units);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, AnalysisResult result, DistanceUnit units = DistanceUnit.Kilometers)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Runs.Count == 1 ? Words.Run(1) : Words.Runs(result.Runs.Count);
        console.Write(new Rule($"[bold]{Markup.Escape(Words.Title)}[/] [dim]{Markup.Escape(Words.Subtitle(HumanDate.Of(result.AsOf), HumanDate.Of(result.Onset), runs))}[/]").LeftJustified());
        if (result.Runs.Count == 0)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(Words.NoRuns)}[/]");
            return;
        }

        if (result.Findings.Count == 0)
        {
            console.MarkupLine($"[green]{Markup.Escape(Words.NothingStandsOut)}[/]");
        }
        else
        {
            // A list, not a table: explanations are sentences and read badly in narrow columns.
            console.MarkupLine($"[bold]{Markup.Escape(Words.FindingsTitle)}[/] [dim]{Markup.Escape(Words.FindingsNote)}[/]");
            foreach (var finding in result.Findings)
            {
                var colour = finding.Severity switch { Severity.High => "red", Severity.Moderate => "darkorange", _ => "yellow" };
                var title = FindingText.ActionTitle(finding.Action);
                var plan = finding.Action.Detail is { } detail ? Words.ActionWithDetail(title, detail) : title;
                var rows = new List<IRenderable>
                {
                    new Markup($"[dim]{Markup.Escape(Dates(finding.Dates))}[/]"),
                    new Markup($"[italic]{Markup.Escape(FindingText.Why(finding.Id))}[/]"),
                    new Text(finding.Explanation),
                };
                if (FindingText.Measured(finding, units) is { Length: > 0 } measured)
                {
                    rows.Add(new Markup($"[bold]{Markup.Escape(Words.Measured)}[/] {Markup.Escape(measured)}"));
                }

                rows.Add(new Markup($"[bold]{Markup.Escape(Words.WhatToDo)}[/] {Markup.Escape(plan)}"));
                console.Write(new Panel(new Rows(rows))
                    .Header($" [{colour}]{finding.Severity.WireName().ToUpperInvariant()}[/] {Markup.Escape(FindingText.Title(finding.Id))} ")
                    .Border(BoxBorder.Rounded)
                    .Expand());
            }
        }

        var spikeWeeks = result.SpikeWeeks();
        var chart = new BarChart().Label($"[bold]{Markup.Escape(Words.ChartTitle(DistanceText.Symbol(units)))}[/]").LeftAlignLabel();
        foreach (var week in result.Weeks.TakeLast(12))
        {
            chart.AddItem(week.Monday.ToString("MMM dd", CultureInfo.InvariantCulture) + (spikeWeeks.Contains(week.Monday) ? " !" : string.Empty),
                Math.Round(DistanceText.FromKilometers(week.DistanceKilometers, units), 1), spikeWeeks.Contains(week.Monday) ? Color.Red : Color.SteelBlue);
        }

        console.Write(chart);
        console.MarkupLine($"[dim]{Markup.Escape(Words.NotADiagnosis)}[/]");
    }

    private static string Dates(IReadOnlyList<DateOnly> dates) => dates.Count switch
    {
        0 => "-",
        <= 3 => string.Join(", ", dates.Select(HumanDate.Of)),
        _ => Words.DateRange(HumanDate.Of(dates[0]), HumanDate.Of(dates[^1]), dates.Count),
    };
}
