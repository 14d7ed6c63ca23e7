using System.CommandLine;
using CalfCoach.Cli.Interactive;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.AssessText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach assess</c>: ask (or read) the answers, triage them, print the result, and record it with a database.</summary>
public static class AssessCommand
{
    public static Command Create(CliContext context)
    {
        var answers = new Option<string?>("--answers")
        {
            Description = Words.AnswersHelp,
            HelpName = "FILE",
        };
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var db = new Option<string?>("--db")
        {
            Description = Words.DbHelp,
            HelpName = "FILE|CONNECTION",
        };

        var command = new Command("assess", Words.CommandHelp)
        {
            answers, asOf, json, db,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(answers);

            QuestionnaireOutcome outcome = path is null
                ? AskInteractively(context, asJson)
                : new QuestionnaireOutcome(ReadAnswersFile(context, path), StoppedEarly: false);

            var target = DatabaseOption.Target(parse.GetValue(db) ?? context.DefaultDatabase);
            var created = target is DatabaseTarget.SqliteFile file && !File.Exists(file.Path);
            if (created && outcome.StoppedEarly)
            {
                // Nothing will be recorded: no reason to make a database for it.
                Print(context, Assessor.Assess(outcome.Answers, date), asJson, stoppedEarly: true);
                return ExitCodes.Ok;
            }

            using var database = DatabaseOption.Open(target);
            var journal = new RecoveryJournal(database);
            if (outcome.StoppedEarly)
            {
                // The unasked signs were never answered: storing them as "no" would invent answers. Nothing
                // could lower an emergency anyway, and the runner's next step is to get help, not a programme.
                Print(context, journal.Assess(outcome.Answers, date), asJson, stoppedEarly: true);
                return ExitCodes.Ok;
            }

            var recorded = journal.RecordAssessment(outcome.Answers, date);
            Print(context, recorded.Result, asJson);
            if (!asJson)
            {
                PlanView.RenderRecorded(context.Out, recorded, database.DisplayName);
            }

            if (created)
            {
                // In --json mode stdout is the result alone; the note goes to stderr.
                (asJson ? context.Error : context.Out).MarkupLine(Styled.Markup(Words.DatabaseCreated(Styled.Bold(target.DisplayName), Styled.Bold("--db FILE"))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(CliContext context, AssessmentResult result, bool asJson, bool stoppedEarly = false)
    {
        if (asJson)
        {
            // Written raw: Spectre would wrap long lines and break the JSON.
            context.Out.Profile.Out.Writer.WriteLine(AssessmentJson.Serialize(result));
            context.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            AssessmentView.Render(context.Out, result, stoppedEarly);
        }
    }

    internal static RunnerAnswers ReadAnswersFile(CliContext context, string path)
    {
        string text;
        try
        {
            text = path == "-" ? context.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(Words.CannotReadAnswers(path, ex.Message));
        }

        var read = AnswersJsonReader.Read(text);
        if (read.Answers is { } valid)
        {
            return valid;
        }

        var source = path == "-" ? Words.StandardInput : path;
        throw new UserInputException(read.Errors.Select(e => $"{source}: {e.Message}").ToArray());
    }

    internal static QuestionnaireOutcome AskInteractively(CliContext context, bool asJson)
    {
        // In --json mode the questions go to stderr so stdout carries only the JSON result.
        var console = asJson ? context.Error : context.Out;
        IAnswerPrompter prompter = context.InputIsInteractive
            ? new SpectrePrompter(console)
            : new LinePrompter(console, context.In);
        try
        {
            return InteractiveQuestionnaire.Run(prompter);
        }
        catch (InputEndedException ex)
        {
            throw new UserInputException(ex.Message);
        }
    }
}
