using System.CommandLine;
using System.Globalization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Cli.Resources;
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
            Description = PlanText.IcsHelp,
            HelpName = "FILE",
        };
        var zone = new Option<string?>("--time-zone")
        {
            Description = PlanText.TimeZoneHelp,
            HelpName = "ZONE",
        };
        var at = new Option<TimeOnly>("--at")
        {
            Description = PlanText.AtHelp,
            HelpName = "HH:MM",
            DefaultValueFactory = _ => new TimeOnly(7, 30),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time;
                }

                result.AddError(PlanText.BadTime(text));
                return default;
            },
        };
        var command = new Command("plan", PlanText.CommandHelp)
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
                    throw new UserInputException(PlanText.UnknownTimeZone(zoneId));
                }

                var text = ProgrammeCalendar.Write(programme.State, programme.StartedOn, new CalendarOptions(zoneId, parse.GetValue(at), context.Clock.GetUtcNow()));
                OutputFile.WriteAtomically(file, text);
                var message = PlanText.CalendarWritten(
                    file, programme.State.Week.Count, parse.GetValue(at).ToString("HH:mm", CultureInfo.CurrentCulture), zoneId, HumanDate.Of(programme.State.NextReview));
                (parse.GetValue(json) ? context.Error : context.Out).MarkupLine(Markup.Escape(message));
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
        journal.Programme(date) ?? throw new UserInputException(PlanText.NoProgramme(IsoDate.ToText(date)));

    internal static void WriteJson(CliContext context, ProgrammeView programme)
    {
        // Written raw: Spectre would wrap long lines and break the JSON.
        context.Out.Profile.Out.Writer.WriteLine(ProgrammeJson.Serialize(programme.State, programme.StartedOn));
        context.Out.Profile.Out.Writer.Flush();
    }
}
