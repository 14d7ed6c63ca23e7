using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CalfCoach.Core;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 12, acceptance: the real <c>calfcoach import</c> process on the hostile inputs, its peak resident size (VmHWM,
/// what the operating system had to give it, not a managed-heap counter) read from <c>/proc</c> while it runs.
/// </summary>
public sealed class HostileImportProcessTests : IDisposable
{
    /// <summary>The bound: the lying zip once took 6.9 GB, the error bomb 1.46 GB.</summary>
    private const long MaxPeakBytes = 300L * 1024 * 1024;

    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Db => Path.Combine(_root, "history.db");

    [Fact]
    public async Task Importing_the_lying_nested_zip_stays_under_300_MB_and_reports_every_part()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "VmHWM is read from /proc");
        var zip = Write("lying.zip", HostileArchives.LyingNestedZip(entries: 20));

        var run = await RunMeasuredAsync("import", zip, "--db", Db, "--json");

        Assert.True(run.PeakBytes < MaxPeakBytes, $"peak resident size {run.PeakBytes / (1024 * 1024)} MB");
        var summary = JsonDocument.Parse(run.Out).RootElement;
        var imported = summary.GetProperty("imported").GetInt32();
        Assert.Equal(20, imported + summary.GetProperty("failedCount").GetInt32());

        // 0 when something was stored, 1 when nothing could be: the exit code says which.
        Assert.Equal(imported > 0 ? 0 : 1, run.ExitCode);
        Assert.All(summary.GetProperty("failed").EnumerateArray(), f => Assert.True(f.GetProperty("error").GetString()!.Length <= ProblemText.MaxChars));
    }

    [Fact]
    public async Task Importing_the_error_bomb_stays_under_300_MB_and_stores_and_prints_bounded_text()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "VmHWM is read from /proc");
        var zip = Write("bomb.zip", HostileArchives.ErrorBomb(entries: 200, nameLength: 1_000_000));

        var run = await RunMeasuredAsync("import", zip, "--db", Db, "--json");

        Assert.True(run.PeakBytes < MaxPeakBytes, $"peak resident size {run.PeakBytes / (1024 * 1024)} MB");
        Assert.Equal(1, run.ExitCode); // not one activity could be stored
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(200, summary.GetProperty("failedCount").GetInt32());
        Assert.Equal(100, summary.GetProperty("failed").GetArrayLength());
        Assert.True(run.Out.Length < 100 * (ProblemText.MaxChars + 200) + 1000, $"{run.Out.Length} characters of JSON (once 200 MB)");
        Assert.True(StoredTextChars() <= 200 * ProblemText.MaxChars, $"{StoredTextChars()} characters of error text stored (once 200 MB)");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private long StoredTextChars()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(LENGTH(detail)), 0) FROM import_files";
        return (long)command.ExecuteScalar()!;
    }

    private sealed record MeasuredRun(int ExitCode, string Out, string Error, long PeakBytes);

    /// <summary>
    /// Runs the CLI and polls <c>/proc/PID/status</c> every 10 ms for VmHWM, the kernel's own high-water mark of the
    /// resident set: the last value read before the process ends is its peak up to then, so a short final spike is the
    /// only thing a poll can miss, and the importer's peak is while it reads, long before it exits.
    /// </summary>
    private static async Task<MeasuredRun> RunMeasuredAsync(params string[] args)
    {
        var info = new ProcessStartInfo(CliProcess.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliProcess.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start calfcoach");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        var status = $"/proc/{process.Id}/status";
        var peak = 0L;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadVmHwm(status));
            await Task.Delay(10, cancel.Token);
        }

        await process.WaitForExitAsync(cancel.Token);
        Assert.True(peak > 0, "VmHWM was never read: the process ended before the first poll");
        TestContext.Current.TestOutputHelper?.WriteLine($"calfcoach {string.Join(' ', args.Take(2).Select(Path.GetFileName))}: VmHWM {peak / (1024 * 1024)} MB, exit {process.ExitCode}");
        return new MeasuredRun(process.ExitCode, await stdout, await stderr, peak);
    }

    private static long ReadVmHwm(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
