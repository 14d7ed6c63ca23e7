using System.Text.Json;
using CalfCoach.Web.Pages;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Issue 11, "phone-first layout": every page of the site's navigation, the last screen of questions and the result page, at phone and
/// laptop width, on the demo runner with an assessment recorded: no sideways scrolling, one "not a diagnosis" notice,
/// chart text readable on a phone (measured as drawn, after the SVG is scaled) and never cut off at a chart's edge, no date broken across lines, no serious accessibility violation,
/// and a screenshot of each into artifacts/screenshots.
/// </summary>
public sealed class LayoutPageTests(LayoutApp app, Browser browser) : IClassFixture<LayoutApp>
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 640;

    /// <summary>How much taller the header is than its tallest visible item plus padding, whether its menu is open, and its tap targets under 44 px.</summary>
    private const string HeaderLine = """
        () => {
          const header = document.querySelector('.site-header');
          if (!header) return null; // the report: a document of its own, without the site's header
          const style = getComputedStyle(header);
          const items = [...header.children].map(c => c.getBoundingClientRect()).filter(r => r.height > 0);
          const height = header.getBoundingClientRect().height;
          const extra = height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - Math.max(...items.map(r => r.height));
          const small = [...header.querySelectorAll('a, summary')]
            .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44)
            .map(e => e.textContent.trim());
          return { height, extra, open: !!header.querySelector('details[open]'), small };
        }
        """;

    /// <summary>Every chart text as drawn: its computed font size times the scale the SVG is shown at (hidden drawings skipped).</summary>
    private const string ChartTextSizes = """
        () => [...document.querySelectorAll('figure svg')]
          .filter(svg => svg.getBoundingClientRect().width > 0)
          .flatMap(svg => [...svg.querySelectorAll('text')]
            .filter(t => t.textContent.trim().length > 0)
            .map(t => {
              const m = t.getScreenCTM();
              const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
              return `${svg.closest('figure').id}|${t.textContent.trim()}|${px.toFixed(2)}`;
            }))
        """;

    /// <summary>Chart texts that stick out of their drawing, where the SVG cuts them off.</summary>
    private const string ChartTextCutOff = """
        () => [...document.querySelectorAll('figure svg')]
          .filter(svg => svg.getBoundingClientRect().width > 0)
          .flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')]
              .filter(t => t.textContent.trim().length > 0)
              .filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
              .map(t => `${svg.closest('figure').id}|${t.textContent.trim()}`);
          })
        """;

    /// <summary>
    /// Dates the browser broke across two lines ("2026-" / "11-28", "28.11." / "2026"), found by the boxes of each date's
    /// text: every &lt;time&gt; (the pages' dates, in the browser's language) and any ISO date left in plain text.
    /// </summary>
    private const string DatesSplit = """
        () => {
          const split = [];
          const lines = range => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
          for (const time of document.querySelectorAll('time, .date')) {
            const range = document.createRange();
            range.selectNodeContents(time);
            if (lines(range) > 1) split.push(`${time.textContent.trim()} in "${time.parentElement.textContent.trim().slice(0, 60)}"`);
          }
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.textContent.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              if (lines(range) > 1) split.push(`${m[0]} in "${node.textContent.trim().slice(0, 60)}"`);
            }
          }
          return split;
        }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task RecordAnAssessmentAsync()
    {
        using var assessed = await app.Client.PostAsync("/api/assessments", PlanTests.Json(PlanTests.WeekOfHomeCare()), Cancel);
        assessed.EnsureSuccessStatusCode();
    }

    /// <summary>Through every screen of questions with nothing ticked, to the result.</summary>
    /// <param name="atDetails">Run on the last screen (the details), before it is filled in.</param>
    private static async Task ReachTheResultAsync(IPage page, string? painScore = null, Func<Task>? atDetails = null)
    {
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        if (atDetails is not null)
        {
            await atDetails();
        }

        await page.Locator("#f-daysSinceOnset").FillAsync("4");
        await page.Locator("#f-daysOfHomeCare").FillAsync("4");
        if (painScore is not null)
        {
            await page.Locator($"label[for='pain-{painScore}']").ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-disposition]")).ToBeVisibleAsync();
    }

    internal static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page, string name)
    {
        var problems = new List<string>();
        var width = page.ViewportSize!.Width;
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        if (scrollWidth > innerWidth)
        {
            problems.Add($"{name} at {width} px scrolls sideways: {scrollWidth} px wide in a {innerWidth} px window");
        }

        var notices = await page.EvaluateAsync<int>("() => document.body.innerText.split('Not a diagnosis.').length - 1");
        if (notices != 1)
        {
            problems.Add($"{name} at {width} px shows the \"Not a diagnosis.\" notice {notices} times");
        }

        if (width == PhoneWidth)
        {
            // One line: the header is no taller than its tallest item and its padding (its links wrapped onto three lines
            // before); its menu closed and every tap target in it at least 44 px tall.
            var header = await page.EvaluateAsync<JsonElement>(HeaderLine);
            if (header.ValueKind == JsonValueKind.Object)
            {
                if (header.GetProperty("extra").GetDouble() > 1 || header.GetProperty("open").GetBoolean())
                {
                    problems.Add($"{name} at {width} px: the header is {header.GetProperty("height").GetDouble():0} px tall, more than one line (or its menu is open)");
                }

                problems.AddRange(header.GetProperty("small").EnumerateArray().Select(t => $"{name} at {width} px: \"{t.GetString()}\" in the header is a tap target under 44 px"));
            }

            foreach (var text in await page.EvaluateAsync<string[]>(ChartTextSizes))
            {
                var parts = text.Split('|');
                var px = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                if (px < 12)
                {
                    problems.Add($"{name} at {width} px: \"{parts[1]}\" in {parts[0]} is drawn {px:0.0} px tall");
                }
            }
        }

        problems.AddRange((await page.EvaluateAsync<string[]>(DatesSplit)).Select(d => $"{name} at {width} px: the date {d} is broken across two lines"));
        problems.AddRange((await page.EvaluateAsync<string[]>(ChartTextCutOff)).Select(t => $"{name} at {width} px: \"{t.Split('|')[1]}\" is cut off at the edge of {t.Split('|')[0]}"));

        return problems;
    }

    [Fact]
    public async Task Every_page_fits_a_phone_and_a_laptop_with_one_notice_readable_charts_and_no_serious_accessibility_violation()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        await RecordAnAssessmentAsync();

        var problems = new List<string>();
        var chartsMeasured = 0;
        foreach (var width in Browser.Widths)
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            foreach (var (href, label) in SiteNav.AllLinks)
            {
                var response = await page.GotoAsync(href);
                Assert.True(response!.Ok, $"{href}: {response.Status}");
                var name = "layout-" + (href == "/" ? "home" : href.Trim('/'));
                await Browser.ScreenshotAsync(page, name);
                problems.AddRange(await LayoutProblemsAsync(page, $"{label} ({href})"));
                chartsMeasured += width == PhoneWidth ? (await page.EvaluateAsync<string[]>(ChartTextSizes)).Length : 0;
                await Browser.AssertAccessibleAsync(page, $"{label} ({href})");
            }

            await ReachTheResultAsync(page, atDetails: async () =>
            {
                await Browser.ScreenshotAsync(page, "layout-assess-details");
                problems.AddRange(await LayoutProblemsAsync(page, "the last screen of questions"));
                await Browser.AssertAccessibleAsync(page, "the last screen of questions");
            });
            await Browser.ScreenshotAsync(page, "layout-result");
            problems.AddRange(await LayoutProblemsAsync(page, "the result page"));
            await Browser.AssertAccessibleAsync(page, "the result page");
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(chartsMeasured > 50, $"only {chartsMeasured} chart texts were measured on a phone: the charts were not on the pages walked");
    }

    [Fact]
    public async Task On_a_phone_the_result_leads_with_what_to_do_now_and_todays_plan_within_the_first_screen()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await ReachTheResultAsync(page);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        foreach (var first in new[] { page.Locator("#do-now-heading"), page.GetByRole(AriaRole.Link, new() { Name = "See today's plan" }) })
        {
            var box = await first.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + box.Height <= PhoneHeight, $"{await first.TextContentAsync()} is at {box.Y:0}–{box.Y + box.Height:0} px, below a {PhoneHeight} px screen");
        }

        // The reasons and the longer plan are there, folded: one tap opens them.
        var causes = page.Locator("#causes");
        await Assertions.Expect(causes).Not.ToHaveAttributeAsync("open", string.Empty);
        await Assertions.Expect(causes.Locator(".factors")).Not.ToBeVisibleAsync();
        await page.Locator("#causes-heading").ClickAsync();
        await Assertions.Expect(causes.Locator(".factors")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "layout-result-first-screen");
    }

    [Fact]
    public async Task The_question_screens_have_big_tap_targets_and_none_of_these_unticks_the_signs_and_is_unticked_by_one()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/assess");

        for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
        {
            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('#assess-form .check label, #assess-form button')]
                  .filter(e => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44)
                  .map(e => `${e.textContent.trim()} (${e.getBoundingClientRect().height.toFixed(0)} px)`)
                """);
            Assert.True(small.Length == 0, $"screen {screen + 1}: tap targets under 44 px: {string.Join("; ", small)}");

            // Two signs of a screen that are not emergencies (an emergency sign would open the emergency panel).
            var signs = page.Locator("#assess-form input[name='yes']:not([data-emergency])");
            if (await signs.CountAsync() >= 1)
            {
                var none = page.GetByLabel("None of these", new() { Exact = true });
                await signs.First.CheckAsync();
                await none.CheckAsync();
                await Assertions.Expect(signs.First).Not.ToBeCheckedAsync();
                await signs.First.CheckAsync();
                await Assertions.Expect(none).Not.ToBeCheckedAsync();
                await signs.First.UncheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        // The lists of the details screen have one too.
        var medicines = page.Locator("#f-medicines");
        await medicines.Locator("input[name='medicines']").First.CheckAsync();
        await medicines.GetByLabel("None of these", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(medicines.Locator("input[name='medicines']:checked")).ToHaveCountAsync(0);

        Assert.Equal(11, await page.Locator("#f-painScore .scale-row input[type='radio']").CountAsync());
        var scale = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#f-painScore .scale-row label')]
              .filter(l => l.getBoundingClientRect().height < 44 || l.getBoundingClientRect().width < 44)
              .map(l => l.textContent)
            """);
        Assert.Empty(scale);
    }

    [Fact]
    public async Task The_pain_score_is_chosen_on_a_row_of_numbers_by_keyboard_and_posted_as_before()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        await page.Locator("#f-daysSinceOnset").FillAsync("4");
        await page.Locator("#f-daysOfHomeCare").FillAsync("4");
        await page.Locator("#pain-5").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#pain-7")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-disposition]")).ToBeVisibleAsync();
        var answers = JsonDocument.Parse(await page.Locator("input[name='answers']").InputValueAsync());
        Assert.Equal(7, answers.RootElement.GetProperty("painScore").GetInt32());
    }

    [Fact]
    public async Task On_a_phone_each_shoe_is_a_card_with_its_retire_button_on_screen_and_its_date_on_one_line()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.GotoAsync("/shoes");

        var retire = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Retire ") }).First;
        var box = await retire.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"the Retire button is at {box.X:0}–{box.X + box.Width:0} px on a {PhoneWidth} px screen");

        var dates = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#shoes td.nowrap, #shoes .condition')]
              .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(e).lineHeight))
              .map(e => e.textContent.trim())
            """);
        Assert.Empty(dates);
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_over_the_page_with_every_link_a_big_tap_target()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.GotoAsync("/plan");

        await page.Locator(".nav-compact > summary").ClickAsync();

        foreach (var (href, label) in SiteNav.Links)
        {
            var link = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height >= 44 && box.X >= 0 && box.X + box.Width <= PhoneWidth, $"{label} ({href}) is {box.Width:0} × {box.Height:0} px at {box.X:0} px");
        }

        Assert.Equal("page", await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = SiteNav.Links[2].Label, Exact = true }).GetAttributeAsync("aria-current"));
        var problems = (await LayoutProblemsAsync(page, "the open menu")).Where(p => !p.Contains("menu is open", StringComparison.Ordinal));
        Assert.Empty(problems);
        await Browser.AssertAccessibleAsync(page, "the open menu");
    }
}

/// <summary>The same walk on a newcomer's first visit: no runs, no shoes, no assessment (other pages, other empty states).</summary>
public sealed class EmptyLayoutPageTests(EmptyLayoutApp app, Browser browser) : IClassFixture<EmptyLayoutApp>
{
    [Fact]
    public async Task Every_page_of_a_new_runner_fits_a_phone_and_a_laptop_with_one_notice_and_no_serious_accessibility_violation()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        var problems = new List<string>();
        foreach (var width in Browser.Widths)
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            foreach (var (href, label) in SiteNav.AllLinks)
            {
                var response = await page.GotoAsync(href);
                Assert.True(response!.Ok, $"{href}: {response.Status}");
                await Browser.ScreenshotAsync(page, "layout-empty-" + (href == "/" ? "home" : href.Trim('/')));
                problems.AddRange(await LayoutPageTests.LayoutProblemsAsync(page, $"{label} ({href}), no data yet"));
                await Browser.AssertAccessibleAsync(page, $"{label} ({href}), no data yet");
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
