using System.CommandLine;
using System.Text.Json;
using CalfCoach.Import;
using CalfCoach.Storage;
using Spectre.Console;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach import PATH...</c>: files, folders, archives and bulk exports into the database.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Activity files (.fit, .gpx, .tcx, also .gz), folders, .zip archives, Strava or Garmin Connect exports.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("import", "Import your training history. Importing the same files again changes nothing.") { paths, db, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var memory = context.ImportMemory();
            using var database = DatabaseOption.Open(parse.GetValue(db));

            // The CLI has nobody to answer "busy" to: when the budget is full it waits for its own files to be stored.
            var importer = new ActivityImporter(new ActivityStore(database), new ProfileStore(database), memory: memory);
            var asJson = parse.GetValue(json);
            var inputs = parse.GetValue(paths)!;

            var summary = asJson || !context.Out.Profile.Capabilities.Interactive
                ? await importer.ImportAsync(inputs, null, cancellationToken)
                : await WithProgressAsync(context.Out, importer, inputs, cancellationToken);

            if (asJson)
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(summary, ImportJsonContext.Default.ImportSummary));
                context.Out.Profile.Out.Writer.Flush();
            }
            else
            {
                Render(context.Out, summary, database.DisplayName);
            }

            return summary.NothingImported && (summary.FailedCount > 0 || summary.Files == 0) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ImportSummary> WithProgressAsync(IAnsiConsole console, ActivityImporter importer, string[] inputs, CancellationToken cancellationToken)
    {
        ImportSummary? summary = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Importing", maxValue: 1);
                var progress = new InlineProgress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalBytes);
                    task.Value = p.BytesScanned;
                    task.Description = $"{p.FilesDone} files, {p.Imported} new, {p.Duplicates} known, {p.Failed} failed";
                });
                summary = await importer.ImportAsync(inputs, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    private static void Render(IAnsiConsole console, ImportSummary summary, string database)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Import[/]")
            .AddColumn("Result").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Imported (running)", summary.Imported.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Not running (kept, not counted as running load)", summary.NotRunning.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(summary.NotCounted.Count > 0 ? "[yellow]Not counted (implausible; kept, reasons below)[/]" : "Not counted (implausible; kept)", summary.NotCounted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Duplicates (already stored)", summary.Duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Partial (damaged file, kept up to the damage)", summary.Partial.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(summary.FailedCount > 0 ? "[red]Failed[/]" : "Failed", summary.FailedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(summary.SkippedCount > 0 ? "Skipped (not activity files; listed below)" : "Skipped (not activity files)", summary.SkippedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated($"[dim]{summary.Files} files, {summary.Bytes / 1e6:0.0} MB in {summary.Seconds:0.0} s → {database}[/]");

        if (summary.Failed.Count > 0)
        {
            var failures = new Table().Border(TableBorder.Rounded).Title("[bold red]Files that could not be imported[/]")
                .AddColumn("File").AddColumn("Why");
            foreach (var failure in summary.Failed)
            {
                failures.AddRow(new Text(failure.File), new Text(failure.Error));
            }

            console.Write(failures);
            if (summary.FailedCount > summary.Failed.Count)
            {
                console.MarkupLineInterpolated($"[red]… and {summary.FailedCount - summary.Failed.Count} more files that could not be imported (the first {summary.Failed.Count} are listed).[/]");
            }
        }

        if (summary.NotCounted.Count > 0)
        {
            var notCounted = new Table().Border(TableBorder.Rounded).Title("[bold yellow]Stored but not counted in the analysis[/]")
                .AddColumn("File").AddColumn("Sport").AddColumn("Why");
            foreach (var item in summary.NotCounted)
            {
                notCounted.AddRow(new Text(item.File), new Text(item.Sport), new Text(item.Reason));
            }

            console.Write(notCounted);
        }

        if (summary.Skipped.Count > 0)
        {
            var skipped = new Table().Border(TableBorder.Rounded).Title("[bold]Skipped: not activity files[/]")
                .AddColumn("File").AddColumn("Why");
            foreach (var item in summary.Skipped)
            {
                skipped.AddRow(new Text(item.File), new Text(item.Reason));
            }

            console.Write(skipped);
            if (summary.SkippedCount > summary.Skipped.Count)
            {
                console.MarkupLineInterpolated($"… and {summary.SkippedCount - summary.Skipped.Count} more files that are not activity files (the first {summary.Skipped.Count} are listed).");
            }
        }

        if (summary.Files == 0 && summary.FailedCount == 0)
        {
            console.MarkupLine("[yellow]No activity files (.fit, .gpx, .tcx) were found in the paths given.[/]");
        }
    }

    /// <summary>Reports on the calling thread (the importer's writer); Spectre's progress task is thread-safe.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
