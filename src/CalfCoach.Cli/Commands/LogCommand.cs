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
using Words = CalfCoach.Cli.Resources.LogText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach log ...</c>: things the runner measures and reports. Pain, exercise and red-flag check-ins go
/// into the recovery journal and move the programme on; <c>log sweat</c> is a one-off calculation.
/// </summary>
public static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var log = new Command("log", Words.CommandHelp);
        log.Subcommands.Add(Pain(context));
        log.Subcommands.Add(Exercise(context));
        log.Subcommands.Add(RedFlags(context));
        log.Subcommands.Add(Clinician(context));
        log.Subcommands.Add(Sweat(context));
        return log;
    }

    private static Command Pain(CliContext context)
    {
        var score = new Argument<int>("SCORE") { Description = Words.ScoreHelp };
        score.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10)
            {
                result.AddError(Words.ScoreOutOfRange(result.GetValueOrDefault<int>()));
            }
        });
        var atRest = new Option<bool>("--at-rest") { Description = Words.AtRestHelp };
        var morning = new Option<bool>("--morning") { Description = Words.MorningHelp };
        var note = new Option<string?>("--note") { Description = Words.PainNoteHelp, HelpName = "TEXT" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("pain", Words.PainHelp)
        {
            score, atRest, morning, note, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            if (parse.GetValue(atRest) && parse.GetValue(morning))
            {
                throw new UserInputException(Words.AtRestAndMorning);
            }

            var text = CommonOptions.Valid(InputRules.Note.Check("note", parse.GetValue(note)), "--note");
            var checkIn = new PainCheckIn(date, parse.GetValue(score), parse.GetValue(atRest), parse.GetValue(morning), text);
            var what = checkIn.Morning ? Words.PainOnWaking(checkIn.Score, HumanDate.Of(date))
                : checkIn.AtRest ? Words.PainAtRest(checkIn.Score, HumanDate.Of(date))
                : Words.PainDuringActivity(checkIn.Score, HumanDate.Of(date));
            return CheckIn(context, parse.GetValue(db), date, parse.GetValue(json), what, journal => journal.LogPain(checkIn));
        });
        return command;
    }

    private static Command Exercise(CliContext context)
    {
        var name = new Argument<string>("NAME")
        {
            Description = Words.ExerciseNameHelp(string.Join(", ", ExerciseNames.Loggable.Select(e => e.Id)), ExerciseNames.SingleLegHeelRaise, ExerciseNames.WalkRun),
        };
        var sets = new Option<int>("--sets") { Description = Words.SetsHelp, HelpName = "S", Required = true };
        var reps = new Option<int>("--reps") { Description = Words.RepsHelp, HelpName = "R", Required = true };
        var load = new Option<double?>("--load") { Description = Words.LoadHelp, HelpName = "KG" };
        var pain = new Option<int?>("--pain") { Description = Words.ExercisePainHelp, HelpName = "SCORE" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("exercise", Words.ExerciseHelp)
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

            var title = ExerciseNames.TitleOf(checkIn.Name);
            var day = HumanDate.Of(date);
            var what = (checkIn.LoadKg, checkIn.Pain) switch
            {
                ({ } kg, { } p) => Words.ExerciseWithLoadAndPain(title, checkIn.Sets, checkIn.Reps, kg, p, day),
                ({ } kg, null) => Words.ExerciseWithLoad(title, checkIn.Sets, checkIn.Reps, kg, day),
                (null, { } p) => Words.ExerciseWithPain(title, checkIn.Sets, checkIn.Reps, p, day),
                _ => Words.Exercise(title, checkIn.Sets, checkIn.Reps, day),
            };
            return CheckIn(context, parse.GetValue(db), date, parse.GetValue(json), what, journal => journal.LogExercise(checkIn));
        });
        return command;
    }

    private static Command RedFlags(CliContext context)
    {
        var answers = new Option<string?>("--answers")
        {
            Description = Words.RedFlagsAnswersHelp,
            HelpName = "FILE",
        };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("red-flags", Words.RedFlagsHelp)
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
            var what = found == 1 ? Words.RedFlagCheckOneSign(HumanDate.Of(date)) : Words.RedFlagCheck(HumanDate.Of(date), found);
            return CheckIn(context, parse.GetValue(db), date, asJson, what,
                journal => journal.RecordRedFlagCheck(outcome.Answers, date));
        });
        return command;
    }

    private static Command Clinician(CliContext context)
    {
        var cleared = new Option<bool>("--cleared-for-rehab")
        {
            Description = Words.ClearedHelp,
        };
        var note = new Option<string?>("--note") { Description = Words.ClinicianNoteHelp, HelpName = "TEXT" };
        var (db, asOf, json) = (CommonOptions.Db(), CommonOptions.AsOf(), CommonOptions.Json());
        var command = new Command("clinician", Words.ClinicianHelp)
        {
            cleared, note, db, asOf, json,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            var review = new ClinicianReview(date, parse.GetValue(cleared), CommonOptions.Valid(InputRules.Note.Check("note", parse.GetValue(note)), "--note"));
            var what = review.ClearedForRehab
                ? Words.Cleared(HumanDate.Of(date))
                : Words.Visit(HumanDate.Of(date));
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
        var before = new Option<double>("--before-kg") { Description = Words.BeforeHelp, HelpName = "KG", Required = true };
        var after = new Option<double>("--after-kg") { Description = Words.AfterHelp, HelpName = "KG", Required = true };
        var drank = new Option<double>("--drank-l") { Description = Words.DrankHelp, HelpName = "L", Required = true };
        var minutes = new Option<double>("--minutes") { Description = Words.MinutesHelp, HelpName = "MIN", Required = true };
        var urine = new Option<double>("--urine-l") { Description = Words.UrineHelp, HelpName = "L" };
        var next = new Option<double>("--next-run-minutes") { Description = Words.NextRunHelp, HelpName = "MIN", DefaultValueFactory = _ => 120 };
        var json = CommonOptions.Json();
        var command = new Command("sweat", Words.SweatHelp)
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
            void Row(string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));
            Row(Words.SweatRate, Words.LitresPerHour(plan.SweatRateLitresPerHour));
            Row(Words.BodyMassChange, Words.Percent(plan.BodyMassChangePercent));
            Row(Words.ForARun(plan.RunMinutes), Words.Drink(plan.DrinkMinLitresPerHour, plan.DrinkMaxLitresPerHour));
            Row(Words.Afterwards, Words.AfterwardsLitres(plan.AfterRunLitres));
            context.Out.Write(new Panel(grid).Header($" {Markup.Escape(Words.SweatTest)} ").Border(BoxBorder.Rounded));
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
