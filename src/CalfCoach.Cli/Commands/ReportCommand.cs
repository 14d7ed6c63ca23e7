using System.CommandLine;
using CalfCoach.Core;
using CalfCoach.Core.Analysis;
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
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var history = new TrainingHistory(database);

            // The recorded programme is part of the report, as on the web's /report: its phase, today's tasks, the one review date.
            var journal = new RecoveryJournal(database, history);
            var programme = journal.Programme(date);
            var report = new TrainingReport(date)
            {
                Answers = runner,
                Onset = parse.GetValue(onset),
                FallbackOnset = programme?.Onset is { } begun && begun <= date ? begun : null,
                Programme = programme is null ? null : new ReportProgramme(programme.State, programme.StartedOn, programme.Start.Assessment),
            };
            if (report.OnsetDay > date)
            {
                throw new UserInputException($"--onset ({IsoDate.ToText(report.OnsetDay)}) cannot be after --as-of ({IsoDate.ToText(date)}).");
            }

            var (analysis, _, html) = report.Build(ReportOptions.For(history.LoadProfile(), context.Today), (day, pain) => history.Analyze(day, pain));

            var file = parse.GetValue(output)!;
            OutputFile.WriteAtomically(file, html);

            context.Out.MarkupLineInterpolated($"Report written to [bold]{file}[/] ({FindingText.Count(analysis.Runs.Count, "run", "runs")}, {FindingText.Count(analysis.Findings.Count, "finding", "findings")}). Open it in any browser; it makes no network requests.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
