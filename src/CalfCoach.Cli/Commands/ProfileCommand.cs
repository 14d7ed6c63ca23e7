using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Import.History;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach profile [--height-cm N ...]</c>: show or update what the analysis knows about the runner.</summary>
public static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var units = new Option<string?>("--units") { Description = "km or mi.", HelpName = "UNITS" };
        units.AcceptOnlyFromAmong("km", "mi");
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone, e.g. Europe/London (used where a file has no offset).", HelpName = "ZONE" };
        var height = new Option<double?>("--height-cm") { Description = "Height in centimetres (for the overstriding estimate).", HelpName = "CM" };
        var leg = new Option<double?>("--leg-cm") { Description = "Leg length in centimetres, if measured.", HelpName = "CM" };
        var mass = new Option<double?>("--mass-kg") { Description = "Body mass in kilograms.", HelpName = "KG" };
        var born = CommonOptions.Date("--born", "Date of birth (YYYY-MM-DD), for an age-based maximum heart rate.");
        var maxHr = new Option<double?>("--max-hr") { Description = "Maximum heart rate, if known.", HelpName = "BPM" };
        var restHr = new Option<double?>("--resting-hr") { Description = "Resting heart rate, if known.", HelpName = "BPM" };
        var review = new Option<double?>("--shoe-review-km") { Description = "Distance at which to review shoes (default 500).", HelpName = "KM" };
        var replace = new Option<double?>("--shoe-replace-km") { Description = "Distance by which to replace shoes (default 800).", HelpName = "KM" };
        var country = new Option<string?>("--country")
        {
            Description = "Two-letter code of the country you live in (GB, US, DE, …): the emergency and same-day care numbers in the advice.",
            HelpName = "CODE",
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("profile", "Show your profile, or update the values given.")
        {
            units, zone, height, leg, mass, born, maxHr, restHr, review, replace, country, db, json,
        };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var history = new TrainingHistory(database);
            var current = history.LoadProfile();
            var update = new AthleteProfileUpdate(
                parse.GetValue(units) switch { "mi" => DistanceUnit.Miles, "km" => DistanceUnit.Kilometers, _ => null },
                parse.GetValue(zone),
                parse.GetValue(height),
                parse.GetValue(leg),
                parse.GetValue(mass),
                parse.GetValue(born),
                parse.GetValue(maxHr),
                parse.GetValue(restHr),
                parse.GetValue(review),
                parse.GetValue(replace),
                parse.GetValue(country));
            var changed = !update.IsEmpty;
            var profile = current;
            if (changed)
            {
                if (!update.TryApplyTo(current, out profile, out var errors))
                {
                    throw new UserInputException(string.Join(Environment.NewLine, errors.Select(e => $"profile: {CommonOptions.OptionFor(e.Key)}: {e.Message}")));
                }

                history.SaveProfile(profile);
            }

            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(AthleteProfileJson.Serialize(profile));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Units", DistanceText.Symbol(profile.Units));
            grid.AddRow("Country", profile.Country is { } code
                ? $"{CalfCoach.Core.Assessment.EmergencyServices.For(code).Name} (emergency {CalfCoach.Core.Assessment.EmergencyServices.For(code).Emergency})"
                : "not chosen: the advice names the common emergency numbers (--country to choose)");
            grid.AddRow("Time zone", profile.TimeZoneId ?? "-");
            grid.AddRow("Height", profile.HeightMeters is { } hm ? $"{hm * 100:0} cm" : "-");
            grid.AddRow("Leg length", profile.LegLengthMeters is { } lm ? $"{lm * 100:0} cm" : "-");
            grid.AddRow("Body mass", profile.BodyMassKilograms is { } kg ? $"{kg:0.#} kg" : "-");
            grid.AddRow("Born", profile.DateOfBirth is { } birthday ? HumanDate.Of(birthday) : "-");
            grid.AddRow("Max / resting HR", $"{profile.MaxHeartRateBpm?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} / {profile.RestingHeartRateBpm?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            grid.AddRow("Shoes", $"review at {DistanceText.Distance(profile.ShoeReviewKilometers, profile.Units, "0")}, replace by {DistanceText.Distance(profile.ShoeReplaceKilometers, profile.Units, "0")}");
            context.Out.Write(new Panel(grid).Header(changed ? " Profile saved " : " Profile "));
            return ExitCodes.Ok;
        });
        return command;
    }
}
