using CalfCoach.Core;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>Importing in the browser, as a runner would: pick files, see the summary, see the runs on the dashboard.</summary>
public sealed class ImportPageTests(EmptyApp app, Browser browser) : IClassFixture<EmptyApp>
{
    private const string RealFit = "dtcooper_python-fitparse/activity-small-fenix2-run.fit";

    [Fact]
    public async Task The_page_tells_how_to_get_a_Strava_or_Garmin_export_and_to_bring_the_zip_as_it_is()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/import");
        var help = page.Locator("#export-help");

        // Folded away until asked for, so the file picker stays on the first screen.
        await Assertions.Expect(help.GetByText("Request Your Archive")).Not.ToBeVisibleAsync();
        await help.GetByText("How do I get my Strava or Garmin export?").ClickAsync();

        await Assertions.Expect(help.GetByText("Request Your Archive")).ToBeVisibleAsync();
        await Assertions.Expect(help.GetByText("Request Data Export")).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("as it is");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0,
            "The opened help fits a 360 px screen.");
        await Browser.AssertAccessibleAsync(page, "the import help");
    }

    [Fact]
    public async Task Files_dropped_on_the_page_are_imported_with_the_same_summary()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import");
        var run = Convert.ToBase64String(Formats.Fit.FitActivityWriter.Write(Fixtures.Run(Fixtures.GeneratedRunDay.AddDays(-40), 9, seed: 77)));

        // What a drag from the file manager delivers: a DataTransfer holding the file (no folder entries).
        var drop = await page.EvaluateHandleAsync(
            """
            base64 => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], 'dropped-run.fit', { type: 'application/octet-stream' }));
              return transfer;
            }
            """, run);
        await page.Locator("#drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = drop });

        await Assertions.Expect(page.Locator("#summary-title")).ToHaveTextAsync("Import finished");
        await Assertions.Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-count=failed]")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_photo_inside_an_uploaded_zip_is_named_as_skipped_with_why()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import");
        using var zipBytes = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipBytes, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("runs/zipped-run.fit").Open())
            {
                entry.Write(Formats.Fit.FitActivityWriter.Write(Fixtures.Run(Fixtures.GeneratedRunDay.AddDays(-80), 8, seed: 79)));
            }

            using (var entry = zip.CreateEntry("runs/finish-line.jpg").Open())
            {
                entry.Write([0xFF, 0xD8, 0xFF]);
            }
        }

        await page.Locator("#files").SetInputFilesAsync(
            [new FilePayload { Name = "export.zip", MimeType = "application/zip", Buffer = zipBytes.ToArray() }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#summary-title")).ToHaveTextAsync("Import finished");
        await Assertions.Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-count=failed]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-count=skipped]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".skipped")).ToContainTextAsync("finish-line.jpg");
        await Assertions.Expect(page.Locator(".skipped")).ToContainTextAsync("not an activity file: .jpg");
    }

    [Fact]
    public async Task A_run_at_car_speed_is_kept_but_shown_as_not_counted_with_the_reason()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import");
        var run = Fixtures.Run(Fixtures.GeneratedRunDay.AddDays(-60), 9, seed: 78);
        var drive = run with { ElapsedSeconds = 360, TimerSeconds = 360 }; // 9 km in 6 minutes: 90 km/h

        await page.Locator("#files").SetInputFilesAsync(
            [new FilePayload { Name = "drive.fit", MimeType = "application/octet-stream", Buffer = Formats.Fit.FitActivityWriter.Write(drive) }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#summary-title")).ToHaveTextAsync("Import finished");
        await Assertions.Expect(page.Locator("[data-count=notCounted]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".not-counted")).ToContainTextAsync("drive.fit");
        await Assertions.Expect(page.Locator(".not-counted")).ToContainTextAsync("90 km/h");
        await Browser.AssertAccessibleAsync(page, "the import summary with an activity not counted");
    }

    [Fact]
    public async Task A_generated_fit_file_and_a_strava_style_export_appear_on_the_dashboard_with_the_failed_file_and_why()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import");

        await page.Locator("#files").SetInputFilesAsync(
        [
            new FilePayload { Name = "morning-run.fit", MimeType = "application/octet-stream", Buffer = Fixtures.GeneratedFit() },
            new FilePayload { Name = "export_4242.zip", MimeType = "application/zip", Buffer = Fixtures.StravaExport() },
            new FilePayload { Name = "broken.fit", MimeType = "application/octet-stream", Buffer = "this is not a FIT file"u8.ToArray() },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#summary-title")).ToHaveTextAsync("Import finished");
        await Assertions.Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-count=notRunning]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-count=failed]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".failures")).ToContainTextAsync("broken.fit");
        await Browser.ScreenshotAtEveryWidthAsync(page, "import-summary");
        await Browser.AssertAccessibleAsync(page, "the import summary");

        await page.GetByRole(AriaRole.Link, new() { Name = "See them on the dashboard" }).ClickAsync();
        var runs = page.Locator("#latest-runs");
        await Assertions.Expect(runs.Locator($"time[datetime='{IsoDate.ToText(Fixtures.GeneratedRunDay)}']")).ToBeVisibleAsync();
        await Assertions.Expect(runs.Locator($"time[datetime='{IsoDate.ToText(Fixtures.StravaRunDay)}']")).ToBeVisibleAsync();
        await Assertions.Expect(runs).ToContainTextAsync("Trail shoes");
        await Assertions.Expect(page.Locator("#chart-weekly-distance svg.chart-wide")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_real_fit_file_appears_on_the_dashboard()
    {
        Assert.SkipWhen(TestPaths.RealCorpus is null, TestPaths.CorpusSkipReason);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/import");

        await page.Locator("#files").SetInputFilesAsync(Path.Combine(TestPaths.RealCorpus!, RealFit));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#summary-title")).ToHaveTextAsync("Import finished");
        await Assertions.Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("1");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#latest-runs").Locator("time[datetime='2015-08-15']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Importing_without_choosing_a_file_says_what_to_do()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/import");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("Choose or drop at least one file");
    }
}
