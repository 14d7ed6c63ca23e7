using System.Net;
using System.Net.Sockets;
using System.Text;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Import;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary><c>import --server</c>: against a real server in-process, and against tiny stubs for the server's refusals.</summary>
public sealed class ServerImportCommandTests : IDisposable
{
    private const string Token = "cc_secret-token-value-123";
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-cli-server-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string WriteRuns(int count)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "runs", "nested")).Parent!.FullName;
        for (var i = 0; i < count; i++)
        {
            var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero).AddDays(i * 2), 6 + i, 330, 164), seed: i + 1);
            var folder = i % 2 == 0 ? dir : Path.Combine(dir, "nested");
            File.WriteAllBytes(Path.Combine(folder, $"run{i:00}.fit"), FitActivityWriter.Write(run));
        }

        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not an activity");
        return dir;
    }

    [Fact]
    public async Task A_folder_through_the_server_in_batches_gives_the_local_summary_and_activities_and_a_second_run_nothing_new()
    {
        var runs = WriteRuns(5);
        var localDb = Path.Combine(_root, "local.db");
        var local = await CliHarness.RunAsync("import", runs, "--db", localDb, "--json");
        Assert.Equal(0, local.ExitCode);

        var serverDb = Path.Combine(_root, "server.db");
        await using var serving = await ServingCli.StartAsync("--db", serverDb, "--urls", "http://127.0.0.1:0");
        var address = serving.Address;
        var remote = await CliHarness.RunAsync("import", runs, "--server", address.ToString(), "--token", Token, "--json", "--batch-files", "2");
        Assert.True(remote.ExitCode == 0, remote.Error);
        foreach (var count in new[] { "imported", "duplicates", "notRunning", "partial", "failedCount", "files", "skippedCount" })
        {
            Assert.Equal(local.Json.GetProperty(count).GetInt32(), remote.Json.GetProperty(count).GetInt32());
        }

        Assert.Equal(5, remote.Json.GetProperty("imported").GetInt32());
        Assert.Equal(local.Json.GetProperty("bytes").GetInt64(), remote.Json.GetProperty("bytes").GetInt64());

        var again = await CliHarness.RunAsync("import", runs, "--server", address.ToString(), "--token", Token, "--batch-files", "2");
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"Imported[^\n]*\b0\b", again.Out);

        var localActivities = await CliHarness.RunAsync("activities", "--db", localDb, "--json");
        var serverActivities = await CliHarness.RunAsync("activities", "--db", serverDb, "--json");
        Assert.Equal(5, serverActivities.Json.GetArrayLength());
        Assert.Equal(
            localActivities.Json.EnumerateArray().Select(a => (a.GetProperty("startUtc").GetString(), a.GetProperty("distanceKm").GetDouble())),
            serverActivities.Json.EnumerateArray().Select(a => (a.GetProperty("startUtc").GetString(), a.GetProperty("distanceKm").GetDouble())));
    }

    [Fact]
    public async Task A_refused_token_is_bad_input_with_where_to_make_one_and_the_token_is_never_printed()
    {
        var runs = WriteRuns(1);
        await using var stub = Stub.Start(_ => (401, "{\"title\":\"Unauthorized\",\"detail\":\"token " + Token + " revoked\"}", null));

        var run = await CliHarness.RunAsync("import", runs, "--server", stub.Address, "--token", Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refused the token", run.Error);
        Assert.Contains("account page", run.Error);
        Assert.DoesNotContain(Token, run.Out + run.Error);
        Assert.Equal($"Bearer {Token}", stub.LastAuthorization);
    }

    [Fact]
    public async Task A_busy_server_is_waited_for_and_the_batch_sent_again()
    {
        var runs = WriteRuns(1);
        var answers = 0;
        const string summary = "{\"imported\":1,\"duplicates\":0,\"notRunning\":0,\"partial\":0,\"failed\":[],\"failedCount\":0,\"files\":1,\"bytes\":10,\"seconds\":0.1}";
        await using var stub = Stub.Start(_ => Interlocked.Increment(ref answers) == 1
            ? (503, "{\"type\":\"urn:calfcoach:problem:import-busy\",\"detail\":\"busy\"}", "0")
            : (200, summary, null));

        var run = await CliHarness.RunAsync("import", runs, "--server", stub.Address, "--token", Token, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, answers);
        Assert.Contains("busy", run.Error);
        Assert.Equal(1, run.Json.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Over_the_upload_limit_names_the_file_and_shows_the_servers_detail()
    {
        var runs = WriteRuns(1);
        await using var stub = Stub.Start(_ => (413, "{\"detail\":\"Uploads are limited to 1 MB.\"}", null));

        var run = await CliHarness.RunAsync("import", Path.Combine(runs, "run00.fit"), "--server", stub.Address, "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("upload limit", run.Error);
        Assert.Contains("run00.fit", run.Error);
        Assert.Contains("limited to 1 MB", run.Error);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_with_what_to_check()
    {
        var runs = WriteRuns(1);
        var port = FreePort();

        var run = await CliHarness.RunAsync("import", runs, "--server", $"http://127.0.0.1:{port}", "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", run.Error);
        Assert.Contains("server is running", run.Error);
    }

    [Theory]
    [InlineData("https://calfcoach.example.org", null, "account page")]
    [InlineData("http://calfcoach.example.org", Token, "https://")]
    [InlineData("calfcoach.example.org", Token, "full address")]
    public async Task Bad_server_input_is_exit_2_saying_why(string server, string? token, string expected)
    {
        var runs = WriteRuns(1);
        string[] args = token is null ? ["import", runs, "--server", server] : ["import", runs, "--server", server, "--token", token];

        var run = await CliHarness.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain(Token, run.Error);
    }

    [Fact]
    public async Task Server_with_db_is_bad_input()
    {
        var run = await CliHarness.RunAsync("import", WriteRuns(1), "--server", "https://calfcoach.example.org", "--token", Token, "--db", Path.Combine(_root, "x.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db", run.Error);
    }

    [Fact]
    public void Merge_sums_counts_and_keeps_the_list_caps()
    {
        static ImportSummary Part(int failures, int skipped) =>
            new(1, 2, 3, 4, Enumerable.Range(0, failures).Select(i => new ImportFailure($"f{i}", "bad")).ToArray(), failures, 10, 100, 1.5)
            {
                Skipped = Enumerable.Range(0, skipped).Select(i => new ImportSkipped($"s{i}", "photo")).ToArray(),
                SkippedCount = skipped,
                NotCounted = [new ImportNotCounted("n", "running", "too long")],
            };

        var merged = ImportSummary.Merge([Part(80, 70), Part(80, 70)]);

        Assert.Equal((2, 4, 6, 8, 20, 200L, 3.0), (merged.Imported, merged.Duplicates, merged.NotRunning, merged.Partial, merged.Files, merged.Bytes, merged.Seconds));
        Assert.Equal(160, merged.FailedCount);
        Assert.Equal(ActivityImporter.MaxFailuresListed, merged.Failed.Count);
        Assert.Equal(140, merged.SkippedCount);
        Assert.Equal(ActivityImporter.MaxFailuresListed, merged.Skipped.Count);
        Assert.Equal(2, merged.NotCounted.Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }


    /// <summary>An HTTP server answering every request with the status, JSON body and Retry-After chosen by the test.</summary>
    private sealed class Stub : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        private Stub(Func<HttpListenerRequest, (int Status, string Body, string? RetryAfter)> answer)
        {
            // A port free a moment ago may be taken by a test running beside this one before the listener binds it
            // (once in CI: "Address already in use"): try another.
            for (var attempt = 1; ; attempt++)
            {
                Address = $"http://127.0.0.1:{FreePort()}/";
                var listener = new HttpListener();
                listener.Prefixes.Add(Address);
                try
                {
                    listener.Start();
                    _listener = listener;
                    break;
                }
                catch (HttpListenerException) when (attempt < 10)
                {
                    listener.Close();
                }
            }

            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext request;
                    try
                    {
                        request = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    LastAuthorization = request.Request.Headers["Authorization"];
                    await request.Request.InputStream.CopyToAsync(Stream.Null);
                    var (status, body, retryAfter) = answer(request.Request);
                    request.Response.StatusCode = status;
                    request.Response.ContentType = status == 200 ? "application/json" : "application/problem+json";
                    if (retryAfter is not null)
                    {
                        request.Response.AddHeader("Retry-After", retryAfter);
                    }

                    var bytes = Encoding.UTF8.GetBytes(body);
                    await request.Response.OutputStream.WriteAsync(bytes);
                    request.Response.Close();
                }
            });
        }

        public string Address { get; }

        public string? LastAuthorization { get; private set; }

        public static Stub Start(Func<HttpListenerRequest, (int, string, string?)> answer) => new(answer);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
