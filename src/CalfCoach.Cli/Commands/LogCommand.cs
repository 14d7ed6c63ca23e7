using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Cli.Interactive;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Hydration;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Validation;
using CalfCoach.Import.History;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach log ...</c>: things the runner measures and reports. Pain, exercise and red-flag check-ins go
/// into the recovery journal and move the programme on; <c>log sweat</c> is a one-off calculation.
/// </summary>
public static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var log = new Command("log", "Record a check-in (pain, exercise, warning signs) or a measurement (sweat test).");
        log.Subcommands.Add(Pain(context));
        log.Subcommands.Add(Exercise(context));
        log.Subcommands.Add(RedFlags(context));
        log.Subcommands.Add(Clinician(context));
        log.Subcommands.Add(Sweat(context));
        return log;
    }

    private static Command Pain(CliContext context)
    {
        var score = new Argument<int>("SCORE") { Description = "Pain from 0 (none) to 10 (worst imaginable)." };
        score.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10)
            {
                result.AddError($"SCORE must be a whole number from 0 to 10, not {result.GetValueOrDefault<int>()}.");
            }
        });
        var atRest = new Option<bool>("--at-rest") { Description = "The pain while resting (not moving)." };
        var morning = new Option<bool>("--morning") { Description = "The pain and stiffness on getting up in the morning (log it every day: the programme watches its trend)." };
        var note = new Option<string?>("--note") { Description = "A note to keep with the check-in.", HelpName = "TEXT" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("pain", "Log how much the calf hurts today (without --at-rest or --morning: during walking or activity).")
        {
            score, atRest, morning, note, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            if (parse.GetValue(atRest) && parse.GetValue(morning))
            {
                throw new UserInputException("log pain: choose --at-rest or --morning, not both (log two check-ins if both apply).");
            }

            var text = CommonOptions.Valid(InputRules.Note.Check("note", parse.GetValue(note)), "--note");
            var checkIn = new PainCheckIn(date, parse.GetValue(score), parse.GetValue(atRest), parse.GetValue(morning), text);
            var when = checkIn.Morning ? "on waking" : checkIn.AtRest ? "at rest" : "during activity";
            return CheckIn(context, parse.GetValue(db), date, parse.GetValue(json), $"pain {checkIn.Score}/10 {when} on {HumanDate.Of(date)}", journal => journal.LogPain(checkIn));
        });
        return command;
    }

    private static Command Exercise(CliContext context)
    {
        var name = new Argument<string>("NAME")
        {
            Description = $"The exercise as the plan names it: {string.Join(", ", ExerciseNames.Loggable.Select(e => e.Id))} (for {ExerciseNames.SingleLegHeelRaise} reps = how many; for {ExerciseNames.WalkRun} sets = repeats).",
        };
        var sets = new Option<int>("--sets") { Description = "Sets done (for walk-run: repeats).", HelpName = "S", Required = true };
        var reps = new Option<int>("--reps") { Description = "Repetitions per set (for a heel-raise test: how many you managed).", HelpName = "R", Required = true };
        var load = new Option<double?>("--load") { Description = "Added weight in kilograms, if any.", HelpName = "KG" };
        var pain = new Option<int?>("--pain") { Description = "Pain during the exercise, 0–10 (the programme moves on or steps back by it).", HelpName = "SCORE" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("exercise", "Log an exercise session from the plan, with the pain during it.")
        {
            name, sets, reps, load, pain, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var checkIn = new ExerciseCheckIn(
                date,
                CommonOptions.Valid(InputRules.ExerciseName.Check("name", parse.GetValue(name)), "log exercise: NAME")!,
                CommonOptions.Valid(InputRules.Sets.Check("sets", parse.GetValue(sets)), "log exercise: --sets"),
                CommonOptions.Valid(InputRules.Reps.Check("reps", parse.GetValue(reps)), "log exercise: --reps"),
                CommonOptions.Valid(InputRules.LoadKg.Check("loadKg", parse.GetValue(load)), "log exercise: --load"),
                CommonOptions.Valid(InputRules.Pain.Check("pain", parse.GetValue(pain)), "log exercise: --pain"));

            var what = $"{ExerciseNames.TitleOf(checkIn.Name)}: {checkIn.Sets} × {checkIn.Reps}"
                + (checkIn.LoadKg is { } kg ? $" with {kg:0.#} kg" : string.Empty)
                + (checkIn.Pain is { } p ? $", pain {p}/10" : string.Empty)
                + $" on {HumanDate.Of(date)}";
            return CheckIn(context, parse.GetValue(db), date, parse.GetValue(json), what, journal => journal.LogExercise(checkIn));
        });
        return command;
    }

    private static Command RedFlags(CliContext context)
    {
        var answers = new Option<string?>("--answers")
        {
            Description = "Read the answers from a JSON file (as for assess) instead of asking; \"-\" reads standard input.",
            HelpName = "FILE",
        };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("red-flags", "Check the warning signs again. Any new sign re-runs the triage at once and can raise the advice; it never lowers it.")
        {
            answers, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var asJson = parse.GetValue(json);
            var outcome = parse.GetValue(answers) is { } path
                ? new QuestionnaireOutcome(AssessCommand.ReadAnswersFile(context, path), StoppedEarly: false)
                : AssessCommand.AskInteractively(context, asJson);
            if (outcome.StoppedEarly)
            {
                // Unasked signs are not "no": show the emergency advice, store nothing invented.
                AssessCommand.Print(context, Assessor.Assess(outcome.Answers, date), asJson, stoppedEarly: true);
                return ExitCodes.Ok;
            }

            var found = outcome.Answers.Present.Count;
            return CheckIn(context, parse.GetValue(db), date, asJson, $"a warning-sign check on {HumanDate.Of(date)} ({found} sign{(found == 1 ? string.Empty : "s")} answered yes)",
                journal => journal.RecordRedFlagCheck(outcome.Answers, date));
        });
        return command;
    }

    private static Command Clinician(CliContext context)
    {
        var cleared = new Option<bool>("--cleared-for-rehab")
        {
            Description = "The clinician examined the calf and said you can start graded rehabilitation: the programme returns to self-care from today.",
        };
        var note = new Option<string?>("--note") { Description = "What they said, to keep with the record.", HelpName = "TEXT" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("clinician", "Record a visit to a doctor or physiotherapist about the calf. Only their clearance lowers the advice.")
        {
            cleared, note, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var review = new ClinicianReview(date, parse.GetValue(cleared), CommonOptions.Valid(InputRules.Note.Check("note", parse.GetValue(note)), "--note"));
            var what = review.ClearedForRehab
                ? $"a clinician's clearance for graded rehabilitation on {HumanDate.Of(date)}"
                : $"a visit to a clinician on {HumanDate.Of(date)} (not cleared for rehabilitation)";
            return CheckIn(context, parse.GetValue(db), date, parse.GetValue(json), what, journal => journal.LogClinicianReview(review));
        });
        return command;
    }

    /// <summary>Stores one check-in and shows what changed: the advice, the phase, today's tasks.</summary>
    private static int CheckIn(CliContext context, string? dbPath, DateOnly date, bool asJson, string what, Func<RecoveryJournal, ProgrammeView> log)
    {
        using var database = DatabaseOption.Open(dbPath);
        var journal = new RecoveryJournal(database);
        var before = PlanCommand.Programme(journal, date);
        var after = log(journal);
        if (asJson)
        {
            PlanCommand.WriteJson(context, after);
        }
        else
        {
            PlanView.RenderCheckIn(context.Out, what, before.State, after.State);
        }

        return ExitCodes.Ok;
    }

    private static Command Sweat(CliContext context)
    {
        var before = new Option<double>("--before-kg") { Description = "Body mass before the run (nude or dry minimal clothing, after the toilet).", HelpName = "KG", Required = true };
        var after = new Option<double>("--after-kg") { Description = "Body mass after the run (towelled dry).", HelpName = "KG", Required = true };
        var drank = new Option<double>("--drank-l") { Description = "Litres drunk during the run.", HelpName = "L", Required = true };
        var minutes = new Option<double>("--minutes") { Description = "Duration of the run.", HelpName = "MIN", Required = true };
        var urine = new Option<double>("--urine-l") { Description = "Litres of urine passed during the run, if any.", HelpName = "L" };
        var next = new Option<double>("--next-run-minutes") { Description = "Length of the long run to plan for (default 120).", HelpName = "MIN", DefaultValueFactory = _ => 120 };
        var json = CommonOptions.Json();
        var command = new Command("sweat", "Work out your sweat rate from a weighed run, and a fluid plan for your next long run.")
        {
            before, after, drank, minutes, urine, next, json,
        };
        command.SetAction(parse =>
        {
            FluidPlan plan;
            try
            {
                var test = new SweatTest(parse.GetValue(before), parse.GetValue(after), parse.GetValue(drank), parse.GetValue(minutes), parse.GetValue(urine));
                plan = SweatPlan.For(test, parse.GetValue(next));
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new UserInputException($"log sweat: {ex.Message.Split(Environment.NewLine)[0]}");
            }

            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(plan, LogJsonContext.Default.FluidPlan));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Sweat rate", $"{plan.SweatRateLitresPerHour:0.00} L per hour");
            grid.AddRow("Body mass change", $"{plan.BodyMassChangePercent:0.0} %");
            grid.AddRow($"For a {plan.RunMinutes:0}-minute run", $"drink {plan.DrinkMinLitresPerHour:0.00}–{plan.DrinkMaxLitresPerHour:0.00} L per hour");
            grid.AddRow("Afterwards", $"about {plan.AfterRunLitres:0.00} L over the next hours");
            context.Out.Write(new Panel(grid).Header(" Sweat test ").Border(BoxBorder.Rounded));
            foreach (var line in plan.Advice)
            {
                context.Out.MarkupLineInterpolated($" • {line}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FluidPlan))]
public sealed partial class LogJsonContext : JsonSerializerContext;
