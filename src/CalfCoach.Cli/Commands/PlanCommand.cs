using System.CommandLine;
using System.Globalization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Formats.Calendar;
using CalfCoach.Import.History;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach plan</c>: today's tasks and the week ahead, as a table, JSON or an iCalendar file.</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var ics = new Option<string?>("--ics")
        {
            Description = "Also write the week ahead and the next review as an iCalendar file (.ics) for your calendar app.",
            HelpName = "FILE",
        };
        var zone = new Option<string?>("--time-zone")
        {
            Description = "Time zone of the calendar events (IANA name, e.g. Europe/London; default: your profile's, else this computer's).",
            HelpName = "ZONE",
        };
        var at = new Option<TimeOnly>("--at")
        {
            Description = "Local time of each day's session in the calendar (HH:MM, default 07:30).",
            HelpName = "HH:MM",
            DefaultValueFactory = _ => new TimeOnly(7, 30),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time;
                }

                result.AddError($"--at must be a time written HH:MM, such as 07:30, not \"{text}\".");
                return default;
            },
        };
        var command = new Command("plan", "Your recovery programme: today's tasks and the week ahead. It moves on with your check-ins (calfcoach log pain / exercise).")
        {
            db, asOf, json, ics, zone, at,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var programme = Programme(new RecoveryJournal(database), date);

            if (parse.GetValue(ics) is { } file)
            {
                var zoneId = parse.GetValue(zone) ?? new TrainingHistory(database).LoadProfile().TimeZoneId ?? TimeZoneInfo.Local.Id;
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
                {
                    throw new UserInputException($"--time-zone: unknown time zone \"{zoneId}\"; use an IANA name such as Europe/London or America/New_York.");
                }

                var text = ProgrammeCalendar.Write(programme.State, programme.StartedOn, new CalendarOptions(zoneId, parse.GetValue(at), context.Clock.GetUtcNow()));
                OutputFile.WriteAtomically(file, text);
                var message = $"Calendar written to {file}: {programme.State.Week.Count} daily sessions at {parse.GetValue(at):HH:mm} ({zoneId}) and the review on {HumanDate.Of(programme.State.NextReview)}.";
                (parse.GetValue(json) ? context.Error : context.Out).MarkupLineInterpolated($"{message}");
            }

            if (parse.GetValue(json))
            {
                WriteJson(context, programme);
            }
            else
            {
                PlanView.Render(context.Out, programme);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <exception cref="UserInputException">No assessment has been recorded on or before <paramref name="date"/>.</exception>
    internal static ProgrammeView Programme(RecoveryJournal journal, DateOnly date) =>
        journal.Programme(date) ?? throw new UserInputException(
            $"there is no recovery programme on {IsoDate.ToText(date)} yet: record an assessment first (calfcoach assess --answers FILE --db FILE).");

    internal static void WriteJson(CliContext context, ProgrammeView programme)
    {
        // Written raw: Spectre would wrap long lines and break the JSON.
        context.Out.Profile.Out.Writer.WriteLine(ProgrammeJson.Serialize(programme.State, programme.StartedOn));
        context.Out.Profile.Out.Writer.Flush();
    }
}
