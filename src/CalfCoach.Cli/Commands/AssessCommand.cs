using System.CommandLine;
using CalfCoach.Cli.Interactive;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach assess</c>: ask (or read) the answers, triage them, print the result.</summary>
public static class AssessCommand
{
    public static Command Create(CliContext context)
    {
        var answers = new Option<string?>("--answers")
        {
            Description = "Read the answers from a JSON file instead of asking (\"-\" reads standard input).",
            HelpName = "FILE",
        };
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var db = new Option<string?>("--db")
        {
            Description = "Your imported training history (default: the default database, if it exists). Its findings become causes with evidence.",
            HelpName = "FILE",
        };

        var command = new Command("assess", "Check a sore calf: how urgent it is, what to do now, and what may have caused it.")
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

            var findings = FindingsFromHistory(parse.GetValue(db), date, date.AddDays(-outcome.Answers.DaysSinceOnset));
            var result = Assessor.Assess(outcome.Answers, date, findings);
            Print(context, result, asJson, outcome.StoppedEarly);
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

    /// <summary>
    /// The findings of the stored history for this pain, or none. Without --db the default database is
    /// used only when it already exists: an assessment never creates a database.
    /// </summary>
    internal static IReadOnlyList<Finding> FindingsFromHistory(string? dbPath, DateOnly asOf, DateOnly onset)
    {
        var path = dbPath ?? StoragePaths.DefaultDatabasePath();
        if (dbPath is null && !File.Exists(path))
        {
            return [];
        }

        using var database = DatabaseOption.Open(path);
        return new TrainingHistory(database).Analyze(asOf, onset).Findings;
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
            throw new UserInputException($"cannot read the answers file \"{path}\": {ex.Message}");
        }

        var read = AnswersJsonReader.Read(text);
        if (read.Answers is { } valid)
        {
            return valid;
        }

        var source = path == "-" ? "standard input" : path;
        throw new UserInputException(read.Errors.Select(e => $"{source}: {e.Message}").ToArray());
    }

    private static QuestionnaireOutcome AskInteractively(CliContext context, bool asJson)
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
