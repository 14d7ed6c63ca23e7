using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Validation;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ShoesText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach shoes add|list|assign|retire</c>.</summary>
public static class ShoesCommand
{
    public static Command Create(CliContext context)
    {
        var shoes = new Command("shoes", Words.CommandHelp);
        shoes.Subcommands.Add(Add(context));
        shoes.Subcommands.Add(List(context));
        shoes.Subcommands.Add(Assign(context));
        shoes.Subcommands.Add(Retire(context));
        return shoes;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = Words.NameHelp };
        var since = CommonOptions.Date("--since", Words.SinceHelp);
        var startKm = new Option<double>("--start-km") { Description = Words.StartKmHelp, HelpName = "KM" };
        var db = CommonOptions.Db();
        var command = new Command("add", Words.AddHelp) { name, since, startKm, db };
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

            context.Out.MarkupLine(Styled.Markup(Words.Added(Styled.Bold(parse.GetValue(name)!))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Db();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("list", Words.ListHelp) { db, asOf, json };
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

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.Title)}[/] [dim]{Markup.Escape(Words.Limits(DistanceText.Distance(profile.ShoeReviewKilometers, profile.Units, "0"), DistanceText.Distance(profile.ShoeReplaceKilometers, profile.Units, "0")))}[/]")
                .AddColumn(Markup.Escape(Words.ShoeColumn)).AddColumn(Markup.Escape(Words.SinceColumn)).AddColumn(new TableColumn(DistanceText.Symbol(profile.Units)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(Words.DaysColumn)).RightAligned()).AddColumn(Markup.Escape(Words.StatusColumn));
            foreach (var r in rows)
            {
                var status = r.Condition(profile) switch
                {
                    "retired" => Markup.Escape(Words.Retired(r.Retired!)),
                    "replace" => $"[red]{Markup.Escape(Words.Replace)}[/]",
                    "review" => $"[yellow]{Markup.Escape(Words.Review)}[/]",
                    _ => Markup.Escape(Words.Ok),
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
        var activity = new Argument<long>("ACTIVITY") { Description = Words.ActivityHelp };
        var name = new Argument<string>("NAME") { Description = Words.ShoeNameHelp };
        var db = CommonOptions.Db();
        var command = new Command("assign", Words.AssignHelp) { activity, name, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            if (!new ProfileStore(database).AssignShoe(parse.GetValue(activity), parse.GetValue(name)!))
            {
                throw new UserInputException(Words.NoActivityOrShoe(parse.GetValue(activity), parse.GetValue(name)!));
            }

            context.Out.MarkupLine(Styled.Markup(Words.Assigned(parse.GetValue(activity), Styled.Bold(parse.GetValue(name)!))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Retire(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = Words.ShoeNameHelp };
        var on = CommonOptions.Date("--on", Words.OnHelp);
        var db = CommonOptions.Db();
        var command = new Command("retire", Words.RetireHelp) { name, on, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            if (!new ProfileStore(database).RetireShoe(parse.GetValue(name)!, parse.GetValue(on) ?? context.Today))
            {
                throw new UserInputException(Words.NoShoe(parse.GetValue(name)!));
            }

            context.Out.MarkupLine(Styled.Markup(Words.RetiredShoe(Styled.Bold(parse.GetValue(name)!))));
            return ExitCodes.Ok;
        });
        return command;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ShoeRow[]))]
public sealed partial class ShoesJsonContext : JsonSerializerContext;
