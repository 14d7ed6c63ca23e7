using System.CommandLine;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import.Demo;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.DemoText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach demo</c>: the whole product end to end on generated data. It writes a generated runner's
/// history as FIT files, imports them into a temporary SQLite database through the real importer, analyses
/// them, and assesses the bundled example answers with those findings; then shows how each single warning
/// sign would change the outcome (computed by the engine, not written out by hand).
/// </summary>
public static class DemoCommand
{
    public const string ExampleResource = "CalfCoach.Cli.Examples.answers-overload.json";

    public static Command Create(CliContext context)
    {
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("demo", Words.CommandHelp) { asOf, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var read = AnswersJsonReader.Read(LoadExample());
            var answers = read.Answers ?? throw new InvalidOperationException("The bundled example answers are invalid: " + string.Join("; ", read.Errors));
            var onset = date.AddDays(-answers.DaysSinceOnset);

            var folder = Directory.CreateTempSubdirectory("calfcoach-demo-");
            try
            {
                using var database = Database.OpenSqlite(Path.Combine(folder.FullName, "demo.db"));
                var summary = await DemoDatabase.PopulateAsync(database, Path.Combine(folder.FullName, "generated-history"), onset, cancellationToken);
                var analysis = new TrainingHistory(database).Analyze(date, onset);
                var recorded = new RecoveryJournal(database).RecordAssessment(answers, date);
                var result = recorded.Result;

                if (parse.GetValue(json))
                {
                    AssessCommand.Print(context, result, asJson: true);
                    return ExitCodes.Ok;
                }

                context.Out.Write(new Rule($"[bold]{Markup.Escape(Words.Title)}[/] [dim]{Markup.Escape(Words.TitleNote)}[/]").LeftJustified());
                context.Out.MarkupLine(Markup.Escape(Words.Story));
                context.Out.MarkupLine($"[dim]{Markup.Escape(Words.Imported(summary.Imported))}[/]");
                context.Out.WriteLine();
                AnalyzeCommand.Render(context.Out, analysis);
                context.Out.WriteLine();
                AssessCommand.Print(context, result, asJson: false);
                context.Out.WriteLine();
                context.Out.Write(WhatIfTable(answers, date, analysis.Findings));
                context.Out.WriteLine();
                context.Out.Write(new Rule($"[bold]{Markup.Escape(Words.ProgrammeTitle)}[/] [dim]{Markup.Escape(Words.ProgrammeNote)}[/]").LeftJustified());
                Rendering.PlanView.Render(context.Out, recorded.Programme);
                return ExitCodes.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    internal static string LoadExample()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(ExampleResource)
            ?? throw new InvalidOperationException($"Embedded resource {ExampleResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Table WhatIfTable(RunnerAnswers answers, DateOnly date, IReadOnlyList<Core.Analysis.Finding> findings)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(Words.WhatIfTitle)}[/]")
            .AddColumn(Markup.Escape(Words.SignColumn)).AddColumn(Markup.Escape(Words.DispositionColumn));
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            var withSign = answers.WithSymptom(question.Symptom);
            var disposition = Assessor.Assess(withSign, date, findings).Disposition;
            table.AddRow(
                new Text(question.Key),
                new Markup($"[{Rendering.AssessmentView.Colour(disposition).ToMarkup()}][[{Rendering.AssessmentView.Symbol(disposition)}]] {disposition.WireName()}[/]"));
        }

        return table;
    }
}
