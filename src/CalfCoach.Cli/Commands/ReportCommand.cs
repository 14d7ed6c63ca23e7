using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Cli.Resources;
using CalfCoach.Core;
using CalfCoach.Import.History;
using CalfCoach.Report;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ReportText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach report --out FILE.html</c>: one self-contained, print-friendly HTML file with the charts, findings and plan.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = Words.OutHelp, HelpName = "FILE", Required = true };
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var onset = CommonOptions.Date("--onset", Words.OnsetHelp);
        var answers = new Option<string?>("--answers") { Description = Words.AnswersHelp, HelpName = "FILE" };
        var command = new Command("report", Words.CommandHelp)
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
                throw new UserInputException(CommonText.OnsetAfterAsOf(IsoDate.ToText(report.OnsetDay), IsoDate.ToText(date)));
            }

            var (analysis, _, html) = report.Build(ReportOptions.For(history.LoadProfile(), context.Today), (day, pain) => history.Analyze(day, pain));

            var file = parse.GetValue(output)!;
            OutputFile.WriteAtomically(file, html);

            var runs = analysis.Runs.Count == 1 ? Words.Run(1) : Words.Runs(analysis.Runs.Count);
            var findings = analysis.Findings.Count == 1 ? Words.Finding(1) : Words.Findings(analysis.Findings.Count);
            context.Out.MarkupLine(Styled.Markup(Words.Written(Styled.Bold(file), runs, findings)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
