using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>An app of its own whose runner lives in the United Kingdom (profile country GB).</summary>
public sealed class UkRunnerApp : WebApp;

/// <summary>Advice that fits the country, the concern and the day, through the real pages in Chromium.</summary>
public sealed class AdviceFlowTests(UkRunnerApp app, Browser browser) : IClassFixture<UkRunnerApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task LivesInTheUkAsync()
    {
        using var body = new StringContent("{\"country\":\"GB\"}", Encoding.UTF8, "application/json");
        using var response = await app.Client.PatchAsync("/api/profile", body, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Breathlessness_calls_an_ambulance_on_the_countrys_number_with_a_tap_to_call_link()
    {
        await LivesInTheUkAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/assess");

        await page.GetByLabel("Are you short of breath").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show me what to do" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "emergency");
        await Assertions.Expect(page.Locator(".do-now li").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Call 999 now and ask for an ambulance"));
        await Assertions.Expect(page.Locator(".do-now a[href='tel:999']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".do-now")).Not.ToContainTextAsync("have someone");
    }

    [Fact]
    public async Task A_night_cramp_that_passes_is_asked_about_under_its_sign_and_on_day_9_the_self_care_has_no_first_aid_wording()
    {
        await LivesInTheUkAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < 3; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        var followUp = page.Locator("#f-restPain");
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        await page.GetByLabel("Does the calf hurt while you are resting").CheckAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await page.GetByLabel("Now and then a cramp wakes me").CheckAsync();
        for (var screen = 0; screen < 3; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        await page.Locator("#f-daysSinceOnset").FillAsync("9");
        await page.Locator("#f-daysOfHomeCare").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "self-care");
        await Assertions.Expect(page.Locator("[data-advice='night-cramp-stretch']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-advice='load-as-pain-allows']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-advice='ice']")).ToHaveCountAsync(0);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("first 1–3 days", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48–72 hours", text, StringComparison.Ordinal);
        Assert.Contains("NHS 111", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_gives_each_piece_of_advice_with_evidence_a_why_link_to_its_section_of_the_evidence_page()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        await page.Locator("#f-daysSinceOnset").FillAsync("4");
        await page.Locator("#f-daysOfHomeCare").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

        // Every prevention item the catalogue explains has its link, and only those; the link lands on a real section.
        var items = await page.Locator("[data-prevention]").EvaluateAllAsync<string[][]>(
            "items => items.map(i => [i.dataset.prevention, i.querySelector('a.why-link')?.getAttribute('href') ?? ''])");
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Equal(Core.Evidence.EvidenceCatalogue.ForTask(item[0]) is { } anchor ? $"/evidence#{anchor}" : string.Empty, item[1]));
        Assert.Contains(items, item => item[1].Length > 0);
        var why = page.Locator("a.why-link").First;
        await Assertions.Expect(why).ToContainTextAsync("Why?");
        var href = (await why.GetAttributeAsync("href"))!;
        await page.GotoAsync(href);
        await Assertions.Expect(page.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..])).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_scripts_a_ticked_sign_brings_its_follow_up_on_Next_before_moving_on()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360, javaScript: false);
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < 3; screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        await page.GetByLabel("Does the calf hurt while you are resting").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("What is the pain at rest like?");
        await Assertions.Expect(page.Locator("#f-restPain")).ToBeVisibleAsync();
        await page.GetByLabel("It aches or hurts while I am still").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.Locator("legend h2")).ToHaveTextAsync("How the leg looks and feels");
    }

    [Fact]
    public async Task On_a_360_by_640_phone_every_question_screen_shows_Next_without_scrolling()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.SetViewportSizeAsync(360, 640);
        await page.GotoAsync("/assess");
        for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
        {
            var next = page.GetByRole(AriaRole.Button, new() { Name = "Next" });
            var box = await next.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 640, $"screen {screen + 1}: Next is at {box.Y:0}–{box.Y + box.Height:0} px, outside a 640 px screen");
            await next.ClickAsync();
        }

        var result = await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).BoundingBoxAsync();
        Assert.NotNull(result);
        Assert.True(result.Y + result.Height <= 640, $"the details screen's button is at {result.Y:0} px");
    }
}
