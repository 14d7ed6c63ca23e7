using System.Diagnostics;

namespace CalfCoach.Report.Tests;

/// <summary>Runs Debian's Chromium headless, each call in a fresh profile, killed after 60 seconds.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public const string SkipReason =
        "Headless Chromium is not installed at /usr/bin/chromium, so the browser rendering test is skipped, not passed. "
        + "Install Debian's chromium package (apt-get install -y chromium) to run it; CI installs it.";

    public static bool IsInstalled => File.Exists(Path);

    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The DOM after load (scripts run), as Chromium serialises it.</summary>
    public static string DumpDom(string htmlFile, int windowWidth, int windowHeight) =>
        Run(htmlFile, windowWidth, windowHeight, "--dump-dom", "--virtual-time-budget=2000");

    /// <summary>A PNG of the viewport (<paramref name="windowWidth"/> × <paramref name="windowHeight"/> CSS pixels).</summary>
    public static void Screenshot(string htmlFile, string pngFile, int windowWidth, int windowHeight) =>
        Run(htmlFile, windowWidth, windowHeight, $"--screenshot={pngFile}", "--hide-scrollbars");

    private static string Run(string htmlFile, int windowWidth, int windowHeight, params string[] action)
    {
        var profile = Directory.CreateTempSubdirectory("calfcoach-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--force-device-scale-factor=1", $"--user-data-dir={profile.FullName}",
                $"--window-size={windowWidth},{windowHeight}", .. action, new Uri(htmlFile).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProcessTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish within {ProcessTimeout.TotalSeconds} s. stderr: {Tail(stderr)}");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode}. stderr: {Tail(stderr)}");
            }

            return stdout.GetAwaiter().GetResult();
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Tail(Task<string> stderr)
    {
        var text = stderr.IsCompleted ? stderr.Result : "(still being read)";
        return text.Length <= 2000 ? text : text[^2000..];
    }
}
