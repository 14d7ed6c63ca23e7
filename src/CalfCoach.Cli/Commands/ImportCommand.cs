using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CalfCoach.Import;
using CalfCoach.Import.Export;
using CalfCoach.Storage;
using Spectre.Console;
using Help = CalfCoach.Cli.Resources.ImportText;
using Words = CalfCoach.Cli.Resources.ImportSummaryText;

namespace CalfCoach.Cli.Commands;

/// <summary><c>calfcoach import PATH...</c>: files, folders, archives and bulk exports into the database.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = Help.PathHelp,
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var server = new Option<string?>("--server")
        {
            Description = Help.ServerHelp,
            HelpName = "URL",
        };
        var token = new Option<string?>("--token")
        {
            Description = Help.TokenHelp(ServerImport.TokenVariable),
        };
        var batchFiles = new Option<int>("--batch-files") { Hidden = true, DefaultValueFactory = _ => ServerImport.DefaultBatchFiles };
        var batchBytes = new Option<long>("--batch-bytes") { Hidden = true, DefaultValueFactory = _ => ServerImport.DefaultBatchBytes };
        var command = new Command("import", Help.CommandHelp) { paths, db, json, server, token, batchFiles, batchBytes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(server) is { } serverText)
            {
                return await ToServerAsync(context, serverText, parse.GetValue(token), parse.GetValue(db) is not null,
                    parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(batchBytes), parse.GetValue(batchFiles), cancellationToken);
            }

            if (parse.GetValue(token) is not null)
            {
                throw new UserInputException(Help.TokenWithoutServer);
            }

            var memory = context.ImportMemory();
            using var database = DatabaseOption.Open(parse.GetValue(db));

            // The CLI has nobody to answer "busy" to: when the budget is full it waits for its own files to be stored.
            var importer = new ActivityImporter(new ActivityStore(database), new ProfileStore(database), memory: memory);
            var asJson = parse.GetValue(json);
            var inputs = parse.GetValue(paths)!;

            // A CalfCoach export given by name is restored whole (its originals, profile, shoes and journal); the rest import as files.
            var exports = inputs.Where(ExportArchive.IsExport).ToArray();
            var others = inputs.Except(exports, StringComparer.Ordinal).ToArray();
            var parts = new List<ImportSummary>();
            foreach (var export in exports)
            {
                try
                {
                    parts.Add(await ExportRestore.RestoreAsync(database, importer, export, export, Path.GetTempPath(), null, cancellationToken));
                }
                catch (ExportFormatException ex)
                {
                    throw new UserInputException(ex.Message);
                }
            }

            if (others.Length > 0 || exports.Length == 0)
            {
                parts.Add(asJson || !context.Out.Profile.Capabilities.Interactive
                    ? await importer.ImportAsync(others, null, cancellationToken)
                    : await WithProgressAsync(context.Out, importer, others, cancellationToken));
            }

            var summary = parts.Count == 1 ? parts[0] : ImportSummary.Merge(parts);

            if (asJson)
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(summary, ImportJsonContext.Default.ImportSummary));
                context.Out.Profile.Out.Writer.Flush();
            }
            else
            {
                Render(context.Out, summary, database.DisplayName);
            }

            return Failed(summary) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> ToServerAsync(
        CliContext context, string serverText, string? token, bool hasDb, string[] inputs, bool asJson, long batchBytes, int batchFiles, CancellationToken cancellationToken)
    {
        if (hasDb)
        {
            throw new UserInputException(Help.ServerAndDb);
        }

        var uri = ServerImport.CheckServer(serverText);
        token = string.IsNullOrWhiteSpace(token) ? context.ServerToken : token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new UserInputException(Help.TokenMissing(new Uri(uri, "account").ToString(), ServerImport.TokenVariable));
        }

        var showProgress = !asJson && context.Out.Profile.Capabilities.Interactive;
        var (summary, code) = await ServerImport.RunAsync(context, uri, token.Trim(), inputs, Math.Max(1, batchBytes), Math.Max(1, batchFiles), showProgress, cancellationToken);
        if (summary is null)
        {
            return code;
        }

        if (asJson)
        {
            context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(summary, ImportJsonContext.Default.ImportSummary));
            context.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            Render(context.Out, summary, uri.GetLeftPart(UriPartial.Authority));
        }

        return Failed(summary) ? ExitCodes.Failure : ExitCodes.Ok;
    }

    /// <summary>Nothing could be done: no activity stored or known and files failed or none were found, and no export restored.</summary>
    private static bool Failed(ImportSummary summary) =>
        summary.Restored is null && summary.NothingImported && (summary.FailedCount > 0 || summary.Files == 0);

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
                var task = ctx.AddTask(Markup.Escape(Words.Importing), maxValue: 1);
                var progress = new InlineProgress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalBytes);
                    task.Value = p.BytesScanned;
                    task.Description = Markup.Escape(Words.Progress(p.FilesDone, p.Imported, p.Duplicates, p.Failed));
                });
                summary = await importer.ImportAsync(inputs, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    private static void Render(IAnsiConsole console, ImportSummary summary, string database)
    {
        // Every word from ImportSummaryText.resx, escaped before markup is put around it (a translation may hold "[").
        static string Count(int n) => n.ToString(CultureInfo.CurrentCulture);
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.Title)}[/]")
            .AddColumn(Markup.Escape(Words.ResultColumn)).AddColumn(new TableColumn(Markup.Escape(Words.CountColumn)).RightAligned());
        table.AddRow(Markup.Escape(Words.Imported), Count(summary.Imported));
        table.AddRow(Markup.Escape(Words.NotRunning), Count(summary.NotRunning));
        table.AddRow(summary.NotCounted.Count > 0 ? $"[yellow]{Markup.Escape(Words.NotCountedWithReasons)}[/]" : Markup.Escape(Words.NotCounted), Count(summary.NotCounted.Count));
        table.AddRow(Markup.Escape(Words.Duplicates), Count(summary.Duplicates));
        table.AddRow(Markup.Escape(Words.Partial), Count(summary.Partial));
        table.AddRow(summary.FailedCount > 0 ? $"[red]{Markup.Escape(Words.Failed)}[/]" : Markup.Escape(Words.Failed), Count(summary.FailedCount));
        table.AddRow(Markup.Escape(summary.SkippedCount > 0 ? Words.SkippedListed : Words.Skipped), Count(summary.SkippedCount));
        console.Write(table);
        console.MarkupLine($"[dim]{Markup.Escape(Words.Totals(summary.Files, summary.Bytes / 1e6, summary.Seconds, database))}[/]");

        if (summary.Failed.Count > 0)
        {
            var failures = new Table().Border(TableBorder.Rounded).Title($"[bold red]{Markup.Escape(Words.FailuresTitle)}[/]")
                .AddColumn(Markup.Escape(Words.FileColumn)).AddColumn(Markup.Escape(Words.WhyColumn));
            foreach (var failure in summary.Failed)
            {
                failures.AddRow(new Text(failure.File), new Text(failure.Error));
            }

            console.Write(failures);
            if (summary.FailedCount > summary.Failed.Count)
            {
                console.MarkupLine($"[red]{Markup.Escape(Words.FailuresMore(summary.FailedCount - summary.Failed.Count, summary.Failed.Count))}[/]");
            }
        }

        if (summary.NotCounted.Count > 0)
        {
            var notCounted = new Table().Border(TableBorder.Rounded).Title($"[bold yellow]{Markup.Escape(Words.NotCountedTitle)}[/]")
                .AddColumn(Markup.Escape(Words.FileColumn)).AddColumn(Markup.Escape(Words.SportColumn)).AddColumn(Markup.Escape(Words.WhyColumn));
            foreach (var item in summary.NotCounted)
            {
                notCounted.AddRow(new Text(item.File), new Text(item.Sport), new Text(item.Reason));
            }

            console.Write(notCounted);
        }

        if (summary.Skipped.Count > 0)
        {
            var skipped = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.SkippedTitle)}[/]")
                .AddColumn(Markup.Escape(Words.FileColumn)).AddColumn(Markup.Escape(Words.WhyColumn));
            foreach (var item in summary.Skipped)
            {
                skipped.AddRow(new Text(item.File), new Text(item.Reason));
            }

            console.Write(skipped);
            if (summary.SkippedCount > summary.Skipped.Count)
            {
                console.WriteLine(Words.SkippedMore(summary.SkippedCount - summary.Skipped.Count, summary.Skipped.Count));
            }
        }

        if (summary.Restored is { } restored)
        {
            RenderRestored(console, restored);
        }

        if (summary.Files == 0 && summary.FailedCount == 0 && summary.Restored is null)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(Words.NoActivityFiles)}[/]");
        }
    }

    private static void RenderRestored(IAnsiConsole console, ImportRestored restored)
    {
        var lines = new List<string> { Words.RestoredOriginals(restored.Originals, restored.Exports) };
        if (restored.Profile)
        {
            lines.Add(Words.RestoredProfile);
        }

        if (restored.ShoesAdded + restored.ShoesAssigned > 0)
        {
            lines.Add(Words.RestoredShoes(restored.ShoesAdded, restored.ShoesAssigned));
        }

        if (restored.Journal)
        {
            lines.Add(Words.RestoredJournal(restored.Assessments, restored.PainCheckIns, restored.ExerciseCheckIns, restored.ClinicianVisits, restored.TaskCheckOffs));
        }

        console.MarkupLine($"[bold]{Markup.Escape(Words.RestoredTitle)}[/]");
        foreach (var line in lines)
        {
            console.MarkupLine($"  {Markup.Escape(line)}");
        }

        foreach (var note in restored.Notes ?? [])
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(note)}[/]");
        }
    }

    /// <summary>Reports on the calling thread (the importer's writer); Spectre's progress task is thread-safe.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
