using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CalfCoach.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the tests of one test process: initialised in a temporary folder, run as an
/// unprivileged user (PostgreSQL refuses to run as root), listening on loopback only, with durability switched off
/// (nothing here must survive a crash), stopped and deleted when the process exits. Started on first use, so test
/// runs that never touch PostgreSQL pay nothing.
/// </summary>
/// <remarks>
/// The server binaries come from Debian's <c>postgresql</c> package (<c>.ci/run</c> installs it); where they are absent
/// the PostgreSQL tests skip with <see cref="SkipReason"/>, except under CI, where a missing server is a failure: the
/// suite must not turn green by skipping the second database.
/// </remarks>
internal sealed class PostgresCluster
{
    private const string Superuser = "calfcoach";

    private static readonly Lazy<PostgresCluster?> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;
    private readonly string _binaries;
    private readonly string? _runAs;
    private readonly int _port;

    private PostgresCluster(string folder, string binaries, string? runAs, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _runAs = runAs;
        _port = port;
    }

    /// <summary>This process's cluster, started on first use; null where PostgreSQL's server binaries are not installed.</summary>
    public static PostgresCluster? Shared => Instance.Value;

    public static string SkipReason { get; } =
        "PostgreSQL's server binaries (initdb, pg_ctl) are not installed, so the PostgreSQL half of the storage tests is skipped, " +
        "not passed. Install them (Debian: apt-get install postgresql) or run .ci/run, which does.";

    /// <summary>True under CI (<c>CI=true</c>), where a missing PostgreSQL fails the tests instead of skipping them.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The cluster, or a skip (a failure under CI) when PostgreSQL is not installed.</summary>
    public static PostgresCluster Require()
    {
        if (Shared is { } cluster)
        {
            return cluster;
        }

        if (MustRun)
        {
            throw new InvalidOperationException("CI must run the PostgreSQL tests: " + SkipReason);
        }

        Assert.Skip(SkipReason);
        return null!;
    }

    /// <summary>The connection string of the cluster's maintenance database, as its superuser.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = Superuser,
        Database = database,
        // Tests open and drop many databases; a small pool per database keeps the server's connection count low.
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections are still open on it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static PostgresCluster? Start()
    {
        if (FindBinaries() is not { } binaries)
        {
            return null;
        }

        // PostgreSQL will not run as root; tests on a CI machine often are root. The Debian package's own
        // "postgres" account owns nothing of ours, so it can run a cluster in a folder we hand it.
        var runAs = Environment.UserName == "root" ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        var folder = Directory.CreateTempSubdirectory("calfcoach-pg-").FullName;
        if (runAs is not null)
        {
            Run("chown", [runAs, folder], runAs: null);
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], runAs);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var cluster = new PostgresCluster(folder, binaries, runAs, port);
            try
            {
                Run(
                    Path.Combine(binaries, "pg_ctl"),
                    [
                        "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                        "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                        "start",
                    ],
                    runAs);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between our look and the server's bind: try another.
            }
        }
    }

    private void Stop()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"], _runAs);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The newest installed server's bin folder (Debian keeps them in /usr/lib/postgresql/N/bin), else initdb on PATH.</summary>
    private static string? FindBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")) && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, string? runAs)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? program : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
