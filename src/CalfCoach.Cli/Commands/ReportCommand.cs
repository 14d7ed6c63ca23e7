using System.CommandLine;
using CalfCoach.Core.Assessment;
using CalfCoach.Import.History;
using CalfCoach.Report;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach report --out FILE.html</c>: one self-contained, print-friendly HTML file with the charts, findings and plan.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write.", HelpName = "FILE", Required = true };
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var onset = CommonOptions.Date("--onset", "The day the pain began (YYYY-MM-DD); default: from --answers, else the as-of date.");
        var answers = new Option<string?>("--answers") { Description = "Include the assessment of these answers as the current plan (\"-\" reads standard input).", HelpName = "FILE" };
        var command = new Command("report", "Write a self-contained HTML report: weekly distance, workload ratio, cadence, shoes, findings and the plan.")
        {
            output, db, asOf, onset, answers,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var runner = parse.GetValue(answers) is { } path ? AssessCommand.ReadAnswersFile(context, path) : null;
            var pain = parse.GetValue(onset) ?? (runner is null ? date : date.AddDays(-runner.DaysSinceOnset));
            if (pain > date)
            {
                throw new UserInputException($"--onset ({pain:yyyy-MM-dd}) cannot be after --as-of ({date:yyyy-MM-dd}).");
            }

            using var database = DatabaseOption.Open(parse.GetValue(db));
            var history = new TrainingHistory(database);
            var profile = history.LoadProfile();
            var analysis = history.Analyze(date, pain);
            var assessment = runner is null ? null : Assessor.Assess(runner, date, analysis.Findings);
            var html = ReportRenderer.Render(analysis, assessment, ReportOptions.For(profile, context.Today));

            var file = parse.GetValue(output)!;
            OutputFile.WriteAtomically(file, html);

            context.Out.MarkupLineInterpolated($"Report written to [bold]{file}[/] ({analysis.Runs.Count} runs, {analysis.Findings.Count} findings). Open it in any browser; it makes no network requests.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
