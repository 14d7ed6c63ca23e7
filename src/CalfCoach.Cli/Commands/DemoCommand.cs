using System.CommandLine;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach demo</c>: a worked example end to end. It reads the bundled example answers through
/// the same reader as <c>assess --answers</c>, assesses them, then shows how each single warning
/// sign would change the outcome (computed by the engine, not written out by hand).
/// </summary>
public static class DemoCommand
{
    public const string ExampleResource = "CalfCoach.Cli.Examples.answers-overload.json";

    public static Command Create(CliContext context)
    {
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("demo", "Run a worked example: a runner who added distance and speedwork too quickly.") { asOf, json };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var read = AnswersJsonReader.Read(LoadExample());
            var answers = read.Answers ?? throw new InvalidOperationException("The bundled example answers are invalid: " + string.Join("; ", read.Errors));
            var result = Assessor.Assess(answers, date);
            if (parse.GetValue(json))
            {
                AssessCommand.Print(context, result, asJson: true);
                return ExitCodes.Ok;
            }

            context.Out.Write(new Rule("[bold]CalfCoach demo[/]").LeftJustified());
            context.Out.MarkupLine("A runner's left calf has ached for 3 days. In the weeks before, they ran more each week, started intervals, kept running in old shoes and have a low cadence. No warning signs.");
            context.Out.MarkupLine("[dim]Answers file: examples/answers-overload.json (try: calfcoach assess --answers examples/answers-overload.json)[/]");
            context.Out.WriteLine();
            AssessCommand.Print(context, result, asJson: false);
            context.Out.WriteLine();
            context.Out.Write(WhatIfTable(answers, date));
            return ExitCodes.Ok;
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

    private static Table WhatIfTable(RunnerAnswers answers, DateOnly date)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]What if the same runner also answered \"yes\" to one warning sign?[/]")
            .AddColumn("Sign answered yes").AddColumn("Disposition");
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            var withSign = new RunnerAnswers(new HashSet<Symptom>(answers.Present) { question.Symptom }, answers.DaysSinceOnset, answers.DaysOfHomeCare)
            {
                PainScore = answers.PainScore,
                Side = answers.Side,
                Onset = answers.Onset,
                AfterInjury = answers.AfterInjury,
                CrampDuringRun = answers.CrampDuringRun,
                DiabetesOrImmunosuppressed = answers.DiabetesOrImmunosuppressed,
                DvtRiskFactors = answers.DvtRiskFactors,
                RecentChanges = answers.RecentChanges,
            };
            var disposition = Assessor.Assess(withSign, date).Disposition;
            table.AddRow(
                new Text(question.Key),
                new Markup($"[{Rendering.AssessmentView.Colour(disposition).ToMarkup()}][[{Rendering.AssessmentView.Symbol(disposition)}]] {disposition.WireName()}[/]"));
        }

        return table;
    }
}
