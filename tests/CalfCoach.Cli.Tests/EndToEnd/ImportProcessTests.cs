using System.Diagnostics;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Storage;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary>The real import process, killed mid-import: the database must hold only whole activities, and a re-run completes the rest.</summary>
public sealed class ImportProcessTests : IDisposable
{
    private const int Runs = 400;
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Killing_the_import_leaves_no_partial_activity_and_a_rerun_completes_it()
    {
        var runs = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        for (var i = 0; i < Runs; i++)
        {
            var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2020, 1, 1, 6, 0, 0, TimeSpan.Zero).AddDays(i), 8, 320, 166), seed: i + 1);
            await File.WriteAllBytesAsync(Path.Combine(runs, $"{i:000}.fit"), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        var db = Path.Combine(_root, "history.db");
        var info = new ProcessStartInfo(CliProcess.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { CliProcess.Dll, "import", runs, "--db", db, "--json" })
        {
            info.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(info)!)
        {
            // Kill it (SIGKILL: no chance to clean up) once some activities are in.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!process.HasExited && DateTime.UtcNow < deadline && StoredCount(db) < 20)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, "the import finished before it could be killed; raise the number of runs");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var afterKill = StoredCount(db);
        Assert.InRange(afterKill, 20, Runs - 1);
        AssertEveryActivityIsWhole(db);

        var rerun = await CliProcess.RunAsync(string.Empty, "import", runs, "--db", db, "--json");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Runs, StoredCount(db));
        AssertEveryActivityIsWhole(db);
    }

    private static long StoredCount(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var database = Database.OpenSqlite(db);
            return new ActivityStore(database).Count();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // still being created by the import
        }
    }

    private static void AssertEveryActivityIsWhole(string db)
    {
        using var database = Database.OpenSqlite(db);
        var store = new ActivityStore(database);
        foreach (var summary in store.ListActivities())
        {
            var activity = store.LoadActivity(summary.Id)!;
            Assert.Equal(summary.SampleCount, activity.Streams.Count);
            Assert.True(activity.Streams.Count > 1000, $"activity {summary.Id} has only {activity.Streams.Count} samples");
        }
    }
}
