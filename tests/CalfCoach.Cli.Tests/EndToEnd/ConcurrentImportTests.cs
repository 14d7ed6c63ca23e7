using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Storage;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary>
/// The same runs imported at the same time by two OS processes into one database (a FIT set and the GPX
/// export of the same runs): each run must be stored exactly once, and always as its FIT copy, whichever
/// process reaches it first.
/// </summary>
public sealed partial class ConcurrentImportTests(ConcurrentImportTests.RunFiles files) : IClassFixture<ConcurrentImportTests.RunFiles>
{
    private const int Runs = 400;
    private const int Trials = 10;

    [Fact]
    public async Task Two_processes_importing_the_fit_and_gpx_copies_of_the_same_runs_store_each_run_once_as_fit()
    {
        var counts = new List<long>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var db = Path.Combine(files.Root, $"race-{trial}.db");

            // Odd trials start the GPX import first, so neither format always wins the race to the lock.
            var (first, second) = trial % 2 == 0 ? (files.Fit, files.Gpx) : (files.Gpx, files.Fit);
            var a = CliProcess.RunAsync(string.Empty, "import", first, "--db", db, "--json");
            var b = CliProcess.RunAsync(string.Empty, "import", second, "--db", db, "--json");
            var results = await Task.WhenAll(a, b);

            Assert.All(results, r => Assert.True(r.ExitCode == 0, $"trial {trial}: exit {r.ExitCode}: {r.Error}"));
            counts.Add(AssertOneFitActivityPerRun(db));
        }

        Assert.All(counts, c => Assert.Equal(Runs, c));
    }

    [Fact]
    public async Task The_cli_importing_while_the_web_server_imports_the_other_copies_stores_each_run_once()
    {
        var db = Path.Combine(files.Root, "cli-and-serve.db");
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var context = new CliContext(output, new TestConsole(), new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var serving = CliApp.RunAsync(["serve", "--db", db, "--urls", "http://127.0.0.1:0"], context, stop.Token);
        var address = await ListeningAddressAsync(output, serving);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        using var form = new MultipartFormDataContent();
        foreach (var gpx in Directory.GetFiles(files.Gpx))
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(gpx, TestContext.Current.CancellationToken));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/gpx+xml");
            form.Add(part, "files", Path.GetFileName(gpx));
        }

        var upload = client.PostAsync("/api/imports", form, TestContext.Current.CancellationToken);
        var cli = CliProcess.RunAsync(string.Empty, "import", files.Fit, "--db", db, "--json");
        using var response = await upload;
        var cliResult = await cli;
        await stop.CancelAsync();
        await serving;

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(cliResult.ExitCode == 0, cliResult.Error);
        Assert.Equal(Runs, AssertOneFitActivityPerRun(db));
    }

    private static long AssertOneFitActivityPerRun(string db)
    {
        using var database = Database.OpenSqlite(db);
        var stored = new ActivityStore(database).ListActivities();
        Assert.All(stored, a => Assert.Equal("fit", a.Source.Format));
        Assert.Equal(stored.Count, stored.Select(a => a.StartUtc).Distinct().Count());
        return stored.Count;
    }

    private static async Task<Uri> ListeningAddressAsync(TestConsole output, Task<int> serving)
    {
        for (var i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            if (Listening().Match(output.Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"serve did not report its address: {output.Output}");
    }

    [GeneratedRegex(@"Open (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    /// <summary>400 generated runs, written once as FIT files and once as their GPX exports.</summary>
    public sealed class RunFiles : IDisposable
    {
        public RunFiles()
        {
            Root = Directory.CreateTempSubdirectory("calfcoach-race-").FullName;
            Fit = Directory.CreateDirectory(Path.Combine(Root, "fit")).FullName;
            Gpx = Directory.CreateDirectory(Path.Combine(Root, "gpx")).FullName;
            for (var i = 0; i < Runs; i++)
            {
                var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2021, 1, 1, 6, 0, 0, TimeSpan.Zero).AddHours(20 * i), 5, 330, 168), seed: i + 1);
                File.WriteAllBytes(Path.Combine(Fit, $"{i:000}.fit"), FitActivityWriter.Write(run));
                File.WriteAllBytes(Path.Combine(Gpx, $"{i:000}.gpx"), GpxExport.Of(run));
            }
        }

        public string Root { get; }

        public string Fit { get; }

        public string Gpx { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
