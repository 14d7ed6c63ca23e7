using System.Text.Json;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// The same commands on a PostgreSQL database (<c>--db postgres://…</c> or <c>CALFCOACH_DB</c>) give the same answers as on
/// a SQLite file: one storage layer, two dialects.
/// </summary>
public sealed class PostgresCommandTests : IDisposable
{
    private static readonly DateOnly Onset = new(2026, 11, 24);
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-pg-cli-").FullName;
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => PostgresCluster.Shared?.DropDatabase(d));
        Directory.Delete(_root, recursive: true);
    }

    private string NewPostgresDatabase()
    {
        var connection = PostgresCluster.Require().CreateDatabase();
        _databases.Add(connection);
        return connection;
    }

    /// <summary>A postgres:// address for the same database, as a person would type it.</summary>
    private static string AsUri(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    [Fact]
    public async Task Import_analyze_assess_log_and_plan_answer_the_same_on_PostgreSQL_as_on_SQLite()
    {
        var runs = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        foreach (var run in DemoHistory.Generate(Onset))
        {
            await File.WriteAllBytesAsync(Path.Combine(runs, Path.GetFileName(run.Source.Path)), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        var sqlite = await Session(Path.Combine(_root, "history.db"), runs);
        var postgres = await Session(AsUri(NewPostgresDatabase()), runs);

        Assert.Equal(sqlite, postgres);
        Assert.Contains("long-run-spike", sqlite[1], StringComparison.Ordinal);
    }

    /// <summary>A runner's first day: import, add a shoe, analyse, assess, log pain, see the plan; each --json output.</summary>
    private static async Task<string[]> Session(string db, string runs)
    {
        string[][] commands =
        [
            ["import", runs, "--db", db, "--json"],
            ["analyze", "--db", db, "--as-of", "2026-11-27", "--onset", "2026-11-24", "--json"],
            ["shoes", "add", DemoHistory.ShoeName, "--since", "2026-07-01", "--start-km", "520", "--db", db],
            ["shoes", "list", "--db", db, "--as-of", "2026-11-27", "--json"],
            ["assess", "--answers", CliHarness.Example("answers-v2.json"), "--db", db, "--as-of", "2026-11-27", "--json"],
            ["log", "pain", "3", "--morning", "--as-of", "2026-11-28", "--db", db, "--json"],
            ["plan", "--db", db, "--as-of", "2026-11-28", "--json"],
            ["activities", "--db", db, "--json"],
        ];
        var outputs = new List<string>();
        foreach (var command in commands)
        {
            var run = await CliHarness.RunAsync(command);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', command)} → {run.ExitCode}: {run.Error}");
            outputs.Add(command.Contains("--json") ? WithoutImportTimes(run.Out) : run.Out.Replace(db, "DB", StringComparison.Ordinal));
        }

        return [.. outputs];
    }

    /// <summary>
    /// The import summary's elapsed time differs from run to run, and so do activity ids (files are decoded on every core
    /// and stored as each finishes); everything else must not.
    /// </summary>
    private static string WithoutImportTimes(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json);
        if (node is System.Text.Json.Nodes.JsonObject root)
        {
            root.Remove("seconds");
            root.Remove("megabytesPerSecond");
        }
        else if (node is System.Text.Json.Nodes.JsonArray activities)
        {
            foreach (var activity in activities.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                activity.Remove("id");
            }
        }

        return node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "";
    }

    [Fact]
    public async Task CALFCOACH_DB_may_hold_the_connection_string_so_no_password_shows_in_the_process_list()
    {
        var connection = NewPostgresDatabase();
        var previous = Environment.GetEnvironmentVariable("CALFCOACH_DB");
        try
        {
            Environment.SetEnvironmentVariable("CALFCOACH_DB", connection);
            var run = await CliHarness.RunAsync("shoes", "add", "Pegasus", "--since", "2026-07-01");

            Assert.Equal(0, run.ExitCode);
            var listed = await CliHarness.RunAsync("shoes", "list", "--db", AsUri(connection), "--json");
            Assert.Equal("Pegasus", listed.Json.EnumerateArray().Single().GetProperty("name").GetString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CALFCOACH_DB", previous);
        }
    }

    [Fact]
    public async Task A_server_that_refuses_is_bad_input_naming_the_server_without_the_password()
    {
        var cluster = PostgresCluster.Require();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "no_such_database", Password = "s3cret-pw", Timeout = 5 };

        var run = await CliHarness.RunAsync("activities", "--db", builder.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no_such_database", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_connection_string_is_bad_input_naming_the_option()
    {
        var run = await CliHarness.RunAsync("activities", "--db", "postgres://localhost/calfcoach?sslmode=sometimes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("sslmode=sometimes", run.Error, StringComparison.Ordinal);
    }
}
