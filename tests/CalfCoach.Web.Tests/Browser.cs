using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CalfCoach.Web.Tests.Browser))]

namespace CalfCoach.Web.Tests;

/// <summary>
/// One headless Chromium for the whole test run: Debian's /usr/bin/chromium driven by Playwright's bundled driver
/// (Playwright never downloads a browser here). Each test gets its own context (cookies, downloads, viewport).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string SkipReason =
        "Chromium is not installed at /usr/bin/chromium, so the browser tests are skipped, not passed. "
        + "Install Debian's chromium package (apt-get install -y chromium) to run them; .ci/run installs it.";

    public static readonly int[] Widths = [360, 1280];

    /// <summary>The browser's language (Accept-Language, and so the pages' date format): fixed, so tests do not depend on the machine's.</summary>
    public const string Locale = "en-US";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool IsInstalled => File.Exists(ChromiumPath);

    /// <summary>Screenshots go here (gitignored), one PNG per page and width.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (!IsInstalled)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
            ],
        });
    }

    /// <param name="javaScript">False for a browser with scripts off: every page must still work (progressive enhancement).</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, bool javaScript = true)
    {
        Assert.SkipUnless(IsInstalled, SkipReason);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            AcceptDownloads = true,
            JavaScriptEnabled = javaScript,
            Locale = Locale, // dates on the pages follow it
        });
        // CI runs these beside the decoders' fuzzing on two cores: a page that loads in a second alone took over 15 s there
        // once. A hang still fails, after 30 s.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page in a browser profile on disk (its own Chromium process), not an off-the-record context: Chromium will not
    /// install an app from an incognito window, so the installability check needs this. Close its context when done.
    /// </summary>
    public async Task<IPage> NewProfilePageAsync(Uri baseAddress, string profileFolder, int width = 360)
    {
        Assert.SkipUnless(IsInstalled, SkipReason);
        var context = await _playwright!.Chromium.LaunchPersistentContextAsync(profileFolder, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Locale = Locale,
        });
        // CI runs these beside the decoders' fuzzing on two cores: a page that loads in a second alone took over 15 s there
        // once. A hang still fails, after 30 s.
        context.SetDefaultTimeout(30_000);
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    /// <summary>A full-page screenshot, named after the page and the width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotFolder, $"{name}-{page.ViewportSize!.Width}.png"),
            FullPage = true,
        });

    /// <summary>Screenshots at every width in <see cref="Widths"/>, then back to the width the test was using.</summary>
    public static async Task ScreenshotAtEveryWidthAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, size.Height);
            await ScreenshotAsync(page, name);
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(bad.Length == 0, $"axe on {name} at {page.ViewportSize!.Width} px: " + string.Join("; ", bad.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}";

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
