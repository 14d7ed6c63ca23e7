using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Hydration;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach log ...</c>: things the runner measures and reports. Today: <c>log sweat</c>.</summary>
public static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var log = new Command("log", "Record a measurement or check-in.");
        log.Subcommands.Add(Sweat(context));
        return log;
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
