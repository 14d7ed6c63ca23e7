using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ActivitiesText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach activities</c>: what is stored.</summary>
public static class ActivitiesCommand
{
    public sealed record ActivityRow(
        long Id, string Date, string StartUtc, string Sport, string SubSport, string? Name, double? DistanceKm,
        double DurationMinutes, double? AvgHeartRateBpm, double? AvgCadenceSpm, string? Gear, bool Partial, string Source,
        string? NotCountedBecause);

    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var sport = new Option<string?>("--sport") { Description = Words.SportHelp, HelpName = "SPORT" };
        sport.AcceptOnlyFromAmong([.. Enum.GetValues<Sport>().Select(s => s.WireName())]);
        var command = new Command("activities", Words.CommandHelp) { db, json, sport };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var filter = parse.GetValue(sport) is { } name ? SportExtensions.ParseSport(name) : (Sport?)null;
            var rows = new ActivityStore(database).ListActivities(sport: filter).Select(ToRow).ToArray();

            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, ActivitiesJsonContext.Default.ActivityRowArray));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            var unit = new TrainingHistory(database).LoadProfile().Units;
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.Title(rows.Length))}[/]")
                .AddColumn(new TableColumn(Markup.Escape(Words.DateColumn)).NoWrap()).AddColumn(Markup.Escape(Words.SportColumn)).AddColumn(Markup.Escape(Words.NameColumn))
                .AddColumn(new TableColumn(DistanceText.Symbol(unit)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(Words.MinutesColumn)).RightAligned()).AddColumn(new TableColumn(Markup.Escape(Words.HeartRateColumn)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(Words.CadenceColumn)).RightAligned()).AddColumn(Markup.Escape(Words.ShoeColumn)).AddColumn(Markup.Escape(Words.SourceColumn));
            foreach (var r in rows)
            {
                table.AddRow(
                    new Text(HumanDate.Of(IsoDate.Parse(r.Date))),
                    new Text(r.SubSport is "generic" ? r.Sport : $"{r.Sport} ({r.SubSport})"),
                    new Text(r.Name ?? string.Empty),
                    new Text(r.DistanceKm is { } km ? DistanceText.FromKilometers(km, unit).ToString("0.00", CultureInfo.InvariantCulture) : "-"),
                    new Text(r.DurationMinutes.ToString("0", CultureInfo.InvariantCulture)),
                    new Text(r.AvgHeartRateBpm?.ToString("0", CultureInfo.InvariantCulture) ?? "-"),
                    new Text(r.AvgCadenceSpm?.ToString("0", CultureInfo.InvariantCulture) ?? "-"),
                    new Text(r.Gear ?? string.Empty),
                    new Text(r.Partial ? Words.Partial(ShortName(r.Source)) : ShortName(r.Source)));
            }

            context.Out.Write(table);

            // Implausible activities stay listed, but the runner must see they are left out of the analysis, and why.
            foreach (var r in rows.Where(r => r.NotCountedBecause is not null))
            {
                context.Out.MarkupLineInterpolated($"[yellow]{Words.NotCounted}[/]: {Words.NotCountedBecause(r.Date, r.Sport, ShortName(r.Source), r.NotCountedBecause!)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The file's own name (inside an archive, the entry's name): full paths crowd a narrow terminal; --json has them.</summary>
    private static string ShortName(string path) => path[(path.LastIndexOfAny(['/', '\\', '!']) + 1)..];

    private static ActivityRow ToRow(ActivitySummary a)
    {
        return new ActivityRow(
            a.Id,
            IsoDate.ToText(TrainingDay.Of(a.StartUtc, a.UtcOffset)),
            a.StartUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            a.Sport.WireName(),
            a.SubSport.WireName(),
            a.Name,
            a.DistanceMeters is { } m ? Math.Round(m / 1000, 3) : null,
            Math.Round((a.TimerSeconds ?? a.ElapsedSeconds) / 60, 1),
            a.AvgHeartRateBpm,
            a.AvgCadenceStepsPerMinute,
            a.Gear,
            a.IsPartial,
            a.Source.Path,
            a.NotCountedBecause);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ActivitiesCommand.ActivityRow[]))]
public sealed partial class ActivitiesJsonContext : JsonSerializerContext;
