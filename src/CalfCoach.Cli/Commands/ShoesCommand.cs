using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Validation;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach shoes add|list|assign|retire</c>.</summary>
public static class ShoesCommand
{
    public static Command Create(CliContext context)
    {
        var shoes = new Command("shoes", "Your shoes and the distance on them. Strava exports name the shoe of each run; others are matched by date or assigned by hand.");
        shoes.Subcommands.Add(Add(context));
        shoes.Subcommands.Add(List(context));
        shoes.Subcommands.Add(Assign(context));
        shoes.Subcommands.Add(Retire(context));
        return shoes;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The shoe's name, as your watch app or Strava spells it." };
        var since = CommonOptions.Date("--since", "First day you ran in it (YYYY-MM-DD); default today.");
        var startKm = new Option<double>("--start-km") { Description = "Distance it had already run before --since.", HelpName = "KM" };
        var db = CommonOptions.Db();
        var command = new Command("add", "Add a pair of shoes.") { name, since, startKm, db };
        command.SetAction(parse =>
        {
            var km = CommonOptions.Valid(InputRules.ShoeStartKm.Check("startKm", parse.GetValue(startKm)), "--start-km");
            var shoe = CommonOptions.Valid(InputRules.ShoeName.Check("name", parse.GetValue(name)), "NAME")!;
            using var database = DatabaseOption.Open(parse.GetValue(db));
            try
            {
                new ProfileStore(database).AddShoe(shoe, parse.GetValue(since) ?? context.Today, km * 1000);
            }
            catch (InvalidOperationException ex)
            {
                throw new UserInputException(ex.Message);
            }

            context.Out.MarkupLineInterpolated($"Added [bold]{parse.GetValue(name)}[/].");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("list", "List shoes with their distance and age.") { db, asOf, json };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? context.Today;
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var history = new TrainingHistory(database);
            var profile = history.LoadProfile();
            var rows = history.ListShoes(date).ToArray();

            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, ShoesJsonContext.Default.ShoeRowArray));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Shoes[/] [dim](review at {DistanceText.Distance(profile.ShoeReviewKilometers, profile.Units, "0")}, replace by {DistanceText.Distance(profile.ShoeReplaceKilometers, profile.Units, "0")})[/]")
                .AddColumn("Shoe").AddColumn("Since").AddColumn(new TableColumn(DistanceText.Symbol(profile.Units)).RightAligned()).AddColumn(new TableColumn("Days").RightAligned()).AddColumn("Status");
            foreach (var r in rows)
            {
                var status = r.Condition(profile) switch
                {
                    "retired" => $"retired {r.Retired}",
                    "replace" => "[red]replace[/]",
                    "review" => "[yellow]review[/]",
                    var ok => ok,
                };
                table.AddRow(new Text(r.Name), new Text(r.Since), new Text(DistanceText.FromKilometers(r.Kilometers, profile.Units).ToString("0", CultureInfo.InvariantCulture)),
                    new Text(r.AgeDays.ToString(CultureInfo.InvariantCulture)), new Markup(status));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Assign(CliContext context)
    {
        var activity = new Argument<long>("ACTIVITY") { Description = "The activity id (see calfcoach activities --json)." };
        var name = new Argument<string>("NAME") { Description = "The shoe's name." };
        var db = CommonOptions.Db();
        var command = new Command("assign", "Assign a shoe to an activity by hand.") { activity, name, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            if (!new ProfileStore(database).AssignShoe(parse.GetValue(activity), parse.GetValue(name)!))
            {
                throw new UserInputException($"there is no activity {parse.GetValue(activity)} or no shoe named \"{parse.GetValue(name)}\"; see calfcoach activities and calfcoach shoes list.");
            }

            context.Out.MarkupLineInterpolated($"Activity {parse.GetValue(activity)} now uses [bold]{parse.GetValue(name)}[/].");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Retire(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The shoe's name." };
        var on = CommonOptions.Date("--on", "Last day you ran in it (YYYY-MM-DD); default today.");
        var db = CommonOptions.Db();
        var command = new Command("retire", "Retire a pair of shoes.") { name, on, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            if (!new ProfileStore(database).RetireShoe(parse.GetValue(name)!, parse.GetValue(on) ?? context.Today))
            {
                throw new UserInputException($"there is no shoe named \"{parse.GetValue(name)}\"; see calfcoach shoes list.");
            }

            context.Out.MarkupLineInterpolated($"Retired [bold]{parse.GetValue(name)}[/].");
            return ExitCodes.Ok;
        });
        return command;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ShoeRow[]))]
public sealed partial class ShoesJsonContext : JsonSerializerContext;
