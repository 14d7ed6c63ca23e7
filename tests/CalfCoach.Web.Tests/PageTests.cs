using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>Every page in a real Chromium at phone and laptop widths, on the generated demo runner.</summary>
public sealed class PageTests(DemoApp app, Browser browser) : IClassFixture<DemoApp>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "dashboard" },
        { "/import", "import" },
        { "/assess", "assess" },
        { "/metronome", "metronome" },
        { "/shoes", "shoes" },
        { "/profile", "profile" },
        { "/report", "report" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_screenshotted_at_phone_and_laptop_width_and_has_no_serious_accessibility_violations(string path, string name)
    {
        foreach (var width in Browser.Widths)
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            var response = await page.GotoAsync(path);

            Assert.Equal(200, response!.Status);
            await Browser.ScreenshotAsync(page, name);
            await Assertions.Expect(page.GetByText("Not a diagnosis.").First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a {width} px screen.");
            await Browser.AssertAccessibleAsync(page, name);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_dashboard_shows_the_weeks_with_spikes_the_workload_ratio_cadence_shoes_and_findings()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");

        foreach (var chart in new[] { "#chart-weekly-distance", "#chart-workload-ratio", "#chart-cadence-time", "#chart-shoe-distance" })
        {
            await Assertions.Expect(page.Locator($"{chart} svg.chart-wide")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"{chart} svg.chart-narrow")).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#finding-new-speedwork")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#finding-long-run-spike")).ToContainTextAsync("high");
        await Assertions.Expect(page.GetByText("Demo trainers (generated)").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_emergency_sign_shows_the_instructions_the_moment_it_is_ticked_and_the_result_is_emergency_all_by_keyboard()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/assess");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "q-shortnessOfBreath"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Space");

        var panel = page.Locator("#emergency-now");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToBeInViewportAsync();
        await Assertions.Expect(panel).ToContainTextAsync("get help now");
        await Assertions.Expect(panel).ToContainTextAsync("999");
        await Browser.ScreenshotAtEveryWidthAsync(page, "assess-emergency-sign");
        await Browser.AssertAccessibleAsync(page, "the emergency instructions");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Show me what to do", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "emergency");
        await Assertions.Expect(page.Locator(".disposition-word")).ToHaveTextAsync("Emergency");
        await Assertions.Expect(page.GetByText("We stopped asking questions")).ToBeVisibleAsync();

        // What to say on the phone, and nothing that reads as "it is only training": the data's causes are folded away.
        await Assertions.Expect(page.Locator("#signs-told")).ToContainTextAsync("short of breath");
        await Assertions.Expect(page.Locator("#causes-later")).Not.ToHaveAttributeAsync("open", string.Empty);
        await Assertions.Expect(page.Locator("#causes-later .factors")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#followup-heading")).ToHaveCountAsync(0);
        foreach (var width in Browser.Widths)
        {
            await page.SetViewportSizeAsync(width, 800);
            await Browser.ScreenshotAsync(page, "assess-result-emergency");
            await Browser.AssertAccessibleAsync(page, "the emergency result");
        }
    }

    [Fact]
    public async Task Without_javascript_an_emergency_sign_still_stops_the_questions_on_next_and_shows_what_to_do()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360, javaScript: false);
        await page.GotoAsync("/assess");

        await page.GetByLabel("Do you have chest pain").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "emergency");
        await Assertions.Expect(page.GetByText("We stopped asking questions")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".do-now")).ToContainTextAsync("999");
        await Assertions.Expect(page.Locator("#signs-told")).ToContainTextAsync("chest pain");
    }

    [Fact]
    public async Task An_assessment_without_warning_signs_ends_in_self_care_with_the_causes_from_the_data_and_the_plan()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/assess");

        for (var step = 0; step < 6; step++)
        {
            await Assertions.Expect(page.Locator(".step-count")).ToHaveTextAsync($"Step {step + 1} of 7");
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        await Browser.ScreenshotAtEveryWidthAsync(page, "assess-details");
        await Browser.AssertAccessibleAsync(page, "the assessment details");
        await page.GetByLabel("How many days ago did the pain start?").FillAsync("3");
        await page.GetByLabel("For how many of those days").FillAsync("2");
        await page.GetByLabel("Left").CheckAsync();
        await page.GetByLabel("Bit by bit").CheckAsync();
        await page.GetByLabel("I started intervals, tempo runs or races").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "self-care");
        await Assertions.Expect(page.Locator("#causes-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#selfcare-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#plan-heading")).ToBeVisibleAsync();
        await page.Locator("#plan-heading").ClickAsync(); // the longer plan is folded under its heading
        await Assertions.Expect(page.GetByText("Eccentric heel drops").First).ToBeVisibleAsync();
        foreach (var width in Browser.Widths)
        {
            await page.SetViewportSizeAsync(width, 800);
            await Browser.ScreenshotAsync(page, "assess-result-self-care");
            await Browser.AssertAccessibleAsync(page, "the self-care result");
        }

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the report with this plan" }).ClickAsync());
        var html = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("<h2>Current plan</h2>", html);
        Assert.Contains("disposition-self-care", html);
    }

    [Fact]
    public async Task Missing_days_are_named_next_to_the_question()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/assess");
        for (var step = 0; step < 6; step++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        // The browser's own check is bypassed to reach the server's, which every client meets.
        await page.EvaluateAsync("() => document.getElementById('assess-form').noValidate = true");
        await page.GetByLabel("How many days ago did the pain start?").FillAsync("2");
        await page.GetByLabel("For how many of those days").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("daysOfHomeCare");
        await Assertions.Expect(page.GetByLabel("For how many of those days")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Going_back_from_the_details_and_forward_again_keeps_what_was_typed()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/assess");
        for (var step = 0; step < 6; step++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        await page.GetByLabel("How many days ago did the pain start?").FillAsync("4");
        await page.GetByLabel("Left", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(page.Locator(".step-count")).ToHaveTextAsync("Step 6 of 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("How many days ago did the pain start?")).ToHaveValueAsync("4");
        await Assertions.Expect(page.GetByLabel("Left", new() { Exact = true })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_report_downloads_as_the_self_contained_html_of_the_cli()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-download").ClickAsync());

        Assert.Equal("calfcoach-report-2026-11-27.html", download.SuggestedFilename);
        var html = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("CalfCoach training report", html);
        Assert.Contains("id=\"chart-weekly-distance\"", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_metronome_plays_in_the_page_and_downloads_as_an_opus_file_named_with_its_encoder()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/metronome?spm=172&minutes=1&accent=2");

        var duration = await page.EvalOnSelectorAsync<double>("#metronome-audio",
            "async audio => { await audio.play(); await new Promise(r => setTimeout(r, 300)); const d = audio.duration; audio.pause(); return audio.currentTime > 0 ? d : -1; }");
        Assert.InRange(duration, 59.9, 60.1);

        await Assertions.Expect(page.Locator("#metronome-format")).ToContainTextAsync("Opus");
        await Assertions.Expect(page.Locator("#metronome-format")).ToContainTextAsync("Concentus");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#metronome-download").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal(60, OggOpusFile.Read(bytes).Seconds, precision: 6);
        Assert.EndsWith(".opus", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shoe_added_on_the_shoes_page_is_listed_and_can_be_retired()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/shoes");

        await page.GetByLabel("Name (as your watch app or Strava spells it)").FillAsync("Race flats");
        await page.GetByLabel("Kilometres they had already run").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator("#shoes")).ToContainTextAsync("Race flats");

        await page.GetByRole(AriaRole.Button, new() { Name = "Retire Race flats" }).ClickAsync();
        await Assertions.Expect(page.Locator("#shoes tr", new() { HasText = "Race flats" })).ToContainTextAsync("retired 11/27/2026"); // the date in the test browser's en-US
    }
}
