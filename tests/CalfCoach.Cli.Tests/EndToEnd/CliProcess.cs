using System.Diagnostics;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary>Starts the real <c>calfcoach</c> program (the built assembly next to the tests) as a separate process.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Out, string Error);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "calfcoach.dll");

    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static Task<Result> RunAsync(string stdin, params string[] args) =>
        StartAsync(DotnetHost, [Dll, .. args], stdin);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with these environment variables set in the child (after the defaults, so they win).</summary>
    public static Task<Result> RunAsync(string stdin, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartAsync(DotnetHost, [Dll, .. args], stdin, environment: environment);

    /// <summary>
    /// What starts the CLI with <paramref name="args"/>: streams redirected, a plain terminal, and a fresh database file in
    /// <c>CALFCOACH_DB</c> unless <paramref name="environment"/> names another (or sets other variables).
    /// </summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        StartInfo(DotnetHost, [Dll, .. args], environment);

    /// <summary>
    /// Runs the CLI inside a pseudo-terminal through util-linux <c>script</c>, so it sees a real
    /// terminal and uses its key-by-key prompts; <paramref name="keystrokes"/> are typed into it.
    /// </summary>
    public static Task<Result> RunInTerminalAsync(string keystrokes, params string[] args)
    {
        var command = string.Join(' ', new[] { DotnetHost, Dll }.Concat(args).Select(Quote));
        return StartAsync("script", ["-qfec", command, "/dev/null"], keystrokes, slowTyping: true);
    }

    public static bool TerminalAvailable =>
        OperatingSystem.IsLinux() && File.Exists("/usr/bin/script");

    private static ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TERM"] = "xterm";
        info.Environment["COLUMNS"] = "120";

        // assess records into the default database: a fresh file per run, never the user's own.
        info.Environment["CALFCOACH_DB"] = Tests.CliHarness.FreshDatabasePath();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static async Task<Result> StartAsync(
        string fileName, IReadOnlyList<string> args, string stdin, bool slowTyping = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(fileName, args, environment);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var cancel = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            if (slowTyping)
            {
                // A terminal delivers keys as a person types them; give the program time to draw each prompt.
                foreach (var line in stdin.Split('\r'))
                {
                    await Task.Delay(400, cancel.Token);
                    await process.StandardInput.WriteAsync(line + "\r");
                    await process.StandardInput.FlushAsync(cancel.Token);
                }

                await Task.Delay(1500, cancel.Token);
            }
            else
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"calfcoach did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', args)}");
        }
        catch (IOException)
        {
            // The program may exit (e.g. on an early stop) before all input is written.
            await process.WaitForExitAsync(cancel.Token);
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
