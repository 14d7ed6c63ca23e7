using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Import.History;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ProfileText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach profile [--height-cm N ...]</c>: show or update what the analysis knows about the runner.</summary>
public static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var units = new Option<string?>("--units") { Description = Words.UnitsHelp, HelpName = "UNITS" };
        units.AcceptOnlyFromAmong("km", "mi");
        var zone = new Option<string?>("--time-zone") { Description = Words.TimeZoneHelp, HelpName = "ZONE" };
        var height = new Option<double?>("--height-cm") { Description = Words.HeightHelp, HelpName = "CM" };
        var leg = new Option<double?>("--leg-cm") { Description = Words.LegHelp, HelpName = "CM" };
        var mass = new Option<double?>("--mass-kg") { Description = Words.MassHelp, HelpName = "KG" };
        var born = CommonOptions.Date("--born", Words.BornHelp);
        var maxHr = new Option<double?>("--max-hr") { Description = Words.MaxHrHelp, HelpName = "BPM" };
        var restHr = new Option<double?>("--resting-hr") { Description = Words.RestingHrHelp, HelpName = "BPM" };
        var review = new Option<double?>("--shoe-review-km") { Description = Words.ShoeReviewHelp, HelpName = "KM" };
        var replace = new Option<double?>("--shoe-replace-km") { Description = Words.ShoeReplaceHelp, HelpName = "KM" };
        var country = new Option<string?>("--country")
        {
            Description = Words.CountryHelp,
            HelpName = "CODE",
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("profile", Words.CommandHelp)
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
            void Row(string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));
            Row(Words.Units, DistanceText.Symbol(profile.Units));
            Row(Words.Country, profile.Country is { } code
                ? Words.CountryValue(CalfCoach.Core.Assessment.EmergencyServices.For(code).Name, CalfCoach.Core.Assessment.EmergencyServices.For(code).Emergency)
                : Words.NoCountry);
            Row(Words.TimeZone, profile.TimeZoneId ?? "-");
            Row(Words.Height, profile.HeightMeters is { } hm ? Words.Centimetres(hm * 100) : "-");
            Row(Words.LegLength, profile.LegLengthMeters is { } lm ? Words.Centimetres(lm * 100) : "-");
            Row(Words.BodyMass, profile.BodyMassKilograms is { } kg ? Words.Kilograms(kg) : "-");
            Row(Words.Born, profile.DateOfBirth is { } birthday ? HumanDate.Of(birthday) : "-");
            Row(Words.HeartRates, $"{profile.MaxHeartRateBpm?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} / {profile.RestingHeartRateBpm?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            Row(Words.Shoes, Words.ShoeDistances(DistanceText.Distance(profile.ShoeReviewKilometers, profile.Units, "0"), DistanceText.Distance(profile.ShoeReplaceKilometers, profile.Units, "0")));
            context.Out.Write(new Panel(grid).Header($" {Markup.Escape(changed ? Words.SavedTitle : Words.Title)} "));
            return ExitCodes.Ok;
        });
        return command;
    }
}
