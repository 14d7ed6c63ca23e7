using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>
/// The app on a phone's home screen (issue 11, item 5): a manifest Chromium accepts, a service worker that opens the
/// "today" page offline, and check-ins made offline that reach the server once, when the phone is back online.
/// </summary>
public sealed partial class InstallableTests(OfflineApp app, Browser browser) : IClassFixture<OfflineApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_links_a_manifest_with_a_name_the_home_page_and_icons_of_the_sizes_it_declares()
    {
        var html = await app.Client.GetStringAsync("/plan", Cancel);
        var href = WebUtility.HtmlDecode(ManifestLink().Match(html).Groups["href"].Value);
        Assert.StartsWith("/assets/manifest.webmanifest?v=", href, StringComparison.Ordinal);

        using var response = await app.Client.GetAsync(href, Cancel);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;

        Assert.Equal("CalfCoach", manifest["name"]!.GetValue<string>());
        Assert.Equal("CalfCoach", manifest["short_name"]!.GetValue<string>());
        Assert.Equal("/", manifest["start_url"]!.GetValue<string>());
        Assert.Equal("standalone", manifest["display"]!.GetValue<string>());
        var icons = manifest["icons"]!.AsArray();
        Assert.Contains(icons, i => i!["purpose"]!.GetValue<string>() == "maskable");
        foreach (var icon in icons)
        {
            var png = await app.Client.GetByteArrayAsync(icon!["src"]!.GetValue<string>(), Cancel);
            var (width, height) = PngSize(png);
            Assert.Equal(icon["sizes"]!.GetValue<string>(), $"{width}x{height}");
        }

        Assert.Equal([192, 512], icons.Select(i => PngSizeOf(i!["sizes"]!.GetValue<string>())).Distinct().Order());
    }

    [Fact]
    public async Task The_maskable_icon_fills_its_square_with_the_theme_colour_and_the_others_have_round_corners()
    {
        var manifest = JsonNode.Parse(await app.Client.GetStringAsync(CalfCoach.Web.Apis.AssetsApi.Url("manifest.webmanifest"), Cancel))!;
        foreach (var icon in manifest["icons"]!.AsArray())
        {
            var corner = TopLeftPixel(await app.Client.GetByteArrayAsync(icon!["src"]!.GetValue<string>(), Cancel));
            if (icon["purpose"]!.GetValue<string>() == "maskable")
            {
                // A phone's mask (circle, squircle) may cut anywhere outside the middle 80 %: the corner must be the app's colour.
                Assert.Equal((0x1f, 0x6f, 0x5c, 255), corner);
            }
            else
            {
                Assert.Equal(0, corner.A);
            }
        }
    }

    [Fact]
    public async Task The_service_worker_is_served_from_the_site_root_as_a_script()
    {
        using var response = await app.Client.GetAsync("/sw.js", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chromium_reports_no_installability_errors()
    {
        await RecordAssessmentAsync();
        var profile = Directory.CreateTempSubdirectory("calfcoach-install-");
        try
        {
            var page = await browser.NewProfilePageAsync(app.BaseAddress, profile.FullName);
            await page.GotoAsync("/");
            await WorkerReadyAsync(page);

            var session = await page.Context.NewCDPSessionAsync(page);
            var answer = await session.SendAsync("Page.getInstallabilityErrors");
            await page.Context.CloseAsync();

            var errors = answer!.Value.GetProperty("installabilityErrors");
            Assert.True(errors.GetArrayLength() == 0, $"Chromium says the app cannot be installed: {errors}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_home_page_opens_offline_with_the_last_plan_it_saw()
    {
        await RecordAssessmentAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/plan");
        await WorkerReadyAsync(page);
        var phase = await page.Locator("#plan-phase").InnerTextAsync();
        await page.GotoAsync("/");
        var home = await page.Locator("h1").InnerTextAsync();

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(home);
        await Assertions.Expect(page.Locator("#offline-banner")).ToContainTextAsync("You are offline");
        await page.GotoAsync("/plan");
        await Assertions.Expect(page.Locator("#plan-phase")).ToHaveTextAsync(phase);
        await Browser.ScreenshotAtEveryWidthAsync(page, "plan-offline");

        // A page that is not kept says so in words, with the way back to the plan.
        await page.GotoAsync("/import");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You are offline");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_check_in_made_offline_reaches_the_server_once_when_the_browser_is_back_online()
    {
        await RecordAssessmentAsync();
        var note = $"offline {Guid.NewGuid():N}";
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        var context = page.Context;
        await page.GotoAsync("/plan");
        await WorkerReadyAsync(page);

        await context.SetOfflineAsync(true);
        await page.GetByLabel("Pain now, from 0").FillAsync("3");
        await page.GetByLabel("On getting up this morning").CheckAsync();
        await page.GetByLabel("Note (optional)").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log pain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline-status")).ToContainTextAsync("Saved on this device");
        var queued = await page.EvaluateAsync<JsonElement>("CalfCoachOffline.pending()");
        Assert.Equal(1, queued.GetArrayLength());
        Assert.Empty(await PainNotedAsync(note));
        await page.CloseAsync();

        await context.SetOfflineAsync(false);
        var reopened = await context.NewPageAsync();
        await reopened.GotoAsync("/plan");
        await Assertions.Expect(reopened.Locator("#offline-status")).ToContainTextAsync("Sent the check-in you made while offline");

        var stored = Assert.Single(await PainNotedAsync(note));
        Assert.Equal(3, stored["score"]!.GetValue<int>());
        Assert.True(stored["morning"]!.GetValue<bool>());
        Assert.Equal(WebApp.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stored["date"]!.GetValue<string>());
        Assert.Equal(queued[0].GetProperty("clientId").GetString(), stored["clientId"]!.GetValue<string>());
        Assert.Equal(0, (await reopened.EvaluateAsync<JsonElement>("CalfCoachOffline.pending()")).GetArrayLength());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_check_in_made_when_the_phone_is_online_but_cannot_reach_the_server_is_kept_and_sent_later()
    {
        await RecordAssessmentAsync();
        var note = $"unreachable {Guid.NewGuid():N}";
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/plan");

        // The server at home is out of reach: every request to it fails, while the phone itself is online.
        await page.Context.RouteAsync("**/*", route => route.AbortAsync());
        await page.GetByLabel("Pain now, from 0").FillAsync("2");
        await page.GetByLabel("Note (optional)").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log pain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline-status")).ToContainTextAsync("CalfCoach cannot be reached just now");
        Assert.Empty(await PainNotedAsync(note));

        await page.Context.UnrouteAllAsync();
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("#offline-status")).ToContainTextAsync("Sent the check-in you made while offline");
        var stored = Assert.Single(await PainNotedAsync(note));
        Assert.Equal(2, stored["score"]!.GetValue<int>());
        Assert.False(stored["morning"]!.GetValue<bool>() || stored["atRest"]!.GetValue<bool>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_same_queued_check_in_sent_twice_is_stored_once()
    {
        await RecordAssessmentAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, width: 1280);
        await page.GotoAsync("/plan");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync("walk-run");
        await page.GetByLabel("Sets (for walk–run: repeats)").FillAsync("7");
        await page.GetByLabel("Pain during it, 0–10 (optional)").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log exercise" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline-status")).ToContainTextAsync("Saved on this device");
        var item = JsonNode.Parse(await page.EvaluateAsync<string>("CalfCoachOffline.pending().then(items => JSON.stringify(items[0]))"))!;
        await page.Context.CloseAsync();

        // What the queue sends: its body with the client id, here twice, as after an answer lost on the way back.
        var body = item["body"]!.AsObject();
        body["clientId"] = item["clientId"]!.GetValue<string>();
        var url = item["url"]!.GetValue<string>();
        for (var i = 0; i < 2; i++)
        {
            using var sent = await app.Client.PostAsync(url, PlanTests.Json(body.ToJsonString()), Cancel);
            Assert.True(sent.StatusCode == HttpStatusCode.OK, $"send {i + 1} of {body.ToJsonString()}: {await sent.Content.ReadAsStringAsync(Cancel)}");
        }

        var stored = (await CheckInsAsync())["exercises"]!.AsArray()
            .Where(e => e!["clientId"]?.GetValue<string>() == body["clientId"]!.GetValue<string>()).ToArray();
        var exercise = Assert.Single(stored)!;
        Assert.Equal("walk-run", exercise["name"]!.GetValue<string>());
        Assert.Equal(7, exercise["sets"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_kept_check_in_the_server_refuses_leaves_the_queue_and_the_runner_is_told_in_words()
    {
        await RecordAssessmentAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/plan");
        await page.Context.SetOfflineAsync(true);

        // Dated before any plan: the server answers 404, and no later try could change that.
        await page.EvaluateAsync("CalfCoachOffline.queue('/api/check-ins/pain', { score: 2, date: '2020-01-01' })");
        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(page.Locator("#offline-status")).ToHaveTextAsync(
            "A check-in kept while offline could not be saved: there was no plan on that day to add it to.");
        Assert.Equal(0, (await page.EvaluateAsync<JsonElement>("CalfCoachOffline.pending()")).GetArrayLength());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_client_id_with_unsafe_characters_is_refused_naming_it()
    {
        await RecordAssessmentAsync();
        using var response = await app.Client.PostAsync("/api/check-ins/pain", PlanTests.Json("""{"score": 2, "clientId": "a b;c"}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["errors"]!["clientId"]);
    }

    [Fact]
    public async Task The_worker_keeps_only_the_runners_own_pages_and_their_assets()
    {
        await RecordAssessmentAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/plan");
        await WorkerReadyAsync(page);
        foreach (var path in new[] { "/", "/assess", "/import", "/shoes", "/profile", "/api/plan", "/api/check-ins" })
        {
            await page.GotoAsync(path);
        }

        var kept = await page.EvaluateAsync<string[]>(
            "caches.open('calfcoach-runner').then(c => c.keys()).then(keys => keys.map(k => new URL(k.url).pathname))");

        Assert.Contains("/", kept);
        Assert.Contains("/plan", kept);
        Assert.All(kept.Where(p => p is not ("/" or "/plan")), p => Assert.StartsWith("/assets/", p, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_out_hook_empties_the_queue_and_the_saved_pages()
    {
        await RecordAssessmentAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/plan");
        await WorkerReadyAsync(page);
        await page.EvaluateAsync("CalfCoachOffline.queue('/api/check-ins/pain', { score: 1 })");
        Assert.True(await page.EvaluateAsync<bool>("caches.has('calfcoach-runner')"));

        await page.EvaluateAsync("CalfCoachOffline.clear()");

        Assert.False(await page.EvaluateAsync<bool>("caches.has('calfcoach-runner')"));
        Assert.Equal(0, (await page.EvaluateAsync<JsonElement>("CalfCoachOffline.pending()")).GetArrayLength());
        await page.Context.CloseAsync();
    }

    private async Task RecordAssessmentAsync()
    {
        if ((await app.Client.GetAsync("/api/plan", Cancel)).IsSuccessStatusCode)
        {
            return;
        }

        using var assessed = await app.Client.PostAsync("/api/assessments", PlanTests.Json(PlanTests.WeekOfHomeCare()), Cancel);
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
    }

    /// <summary>Waits until the worker has kept the pages and controls this page.</summary>
    private static async Task WorkerReadyAsync(IPage page)
    {
        await page.EvaluateAsync("navigator.serviceWorker.ready");
        await page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");
    }

    private async Task<JsonNode> CheckInsAsync() =>
        JsonNode.Parse(await app.Client.GetStringAsync("/api/check-ins", Cancel))!;

    private async Task<JsonNode[]> PainNotedAsync(string note) =>
        [.. (await CheckInsAsync())["pain"]!.AsArray().Where(p => p!["note"]?.GetValue<string>() == note).Select(p => p!)];

    private static int PngSizeOf(string sizes) => int.Parse(sizes.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Width and height from the PNG's IHDR chunk (PNG spec 11.2.2: big-endian, right after the signature and chunk header).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>
    /// The first pixel of an 8-bit RGB or RGBA PNG. Every PNG filter predicts 0 for the first byte of the first row (no
    /// pixel left of it or above it: PNG spec 9.2), so its bytes are read as stored, after the filter-type byte.
    /// </summary>
    private static (int R, int G, int B, int A) TopLeftPixel(byte[] png)
    {
        Assert.Equal(8, png[24]); // bit depth
        var colourType = png[25];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var pixels = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress);
        var first = new byte[5];
        pixels.ReadExactly(first);
        return colourType switch
        {
            2 => (first[1], first[2], first[3], 255),
            6 => (first[1], first[2], first[3], first[4]),
            _ => throw new InvalidDataException($"PNG colour type {colourType} is not 8-bit RGB or RGBA."),
        };
    }

    [GeneratedRegex("""<link rel="manifest" href="(?<href>[^"]+)">""")]
    private static partial Regex ManifestLink();
}
