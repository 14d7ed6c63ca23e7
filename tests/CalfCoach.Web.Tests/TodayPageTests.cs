using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>Home is "today": before an assessment the calf check comes first; after one, today's plan, the pain scale and the road back.</summary>
public sealed partial class TodayPageTests(TodayEmptyApp empty, TodayApp app, Browser browser) : IClassFixture<TodayEmptyApp>, IClassFixture<TodayApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The first screen of a small phone (issue 11: 360 × 640).</summary>
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 640;

    /// <summary>
    /// The primary-styled actions any part of which is on the first screen (no scrolling): filled buttons and button links,
    /// as site.css draws them, that are shown. Each with its text and whether it is wholly on the screen.
    /// </summary>
    private const string PrimaryActionsOnFirstScreen = """
        () => [...document.querySelectorAll('a.button:not(.secondary), button:not(.secondary)')]
          .filter(e => e.checkVisibility())
          .map(e => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.bottom > 0 && r.top < innerHeight && r.width > 0)
          .map(({ e, r }) => `${e.textContent.trim().replace(/\s+/g, ' ')}|${r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth}`)
        """;

    /// <summary>Answers of a self-care calf strain begun yesterday, with no home care yet: the programme starts in first aid.</summary>
    internal static string FreshStrain()
    {
        var answers = JsonNode.Parse(Fixtures.ExampleAnswers("answers-overload.json"))!.AsObject();
        answers["daysSinceOnset"] = 1;
        answers["daysOfHomeCare"] = 0;
        return answers.ToJsonString();
    }

    [Theory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(1280, 800)]
    public async Task Before_an_assessment_the_first_screen_holds_one_main_action_check_my_calf_with_import_second(int width, int height)
    {
        var page = await browser.NewPageAsync(empty.BaseAddress, width);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/");

        var actions = await page.EvaluateAsync<string[]>(PrimaryActionsOnFirstScreen);

        Assert.Equal(["Check my calf|true"], actions);
        var import = page.GetByRole(AriaRole.Link, new() { Name = "Import your runs" });
        await Assertions.Expect(import).ToHaveClassAsync(new Regex(@"\bsecondary\b"));
        await Browser.ScreenshotAsync(page, "today-empty");
        await Browser.AssertAccessibleAsync(page, "today before an assessment");
    }

    [Fact]
    public async Task After_an_assessment_home_shows_the_advice_todays_first_task_as_the_main_action_the_review_and_the_road_back()
    {
        await AssessAsync();
        foreach (var (width, height) in new[] { (PhoneWidth, PhoneHeight), (1280, 800) })
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/");

            var plan = JsonNode.Parse(await app.Client.GetStringAsync("/api/plan", Cancel))!;
            var firstOpen = (await page.Locator("#today-tasks li:not(.done) .task-title").First.TextContentAsync())!;
            var actions = await page.EvaluateAsync<string[]>(PrimaryActionsOnFirstScreen);
            Assert.Equal([$"Done: {firstOpen}|true"], actions);

            await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", plan["disposition"]!.GetValue<string>());
            await Assertions.Expect(page.Locator("#next-review time")).ToHaveAttributeAsync("datetime", plan["nextReview"]!.GetValue<string>());
            await Assertions.Expect(page.Locator("#today-tasks li")).ToHaveCountAsync(plan["today"]!.AsArray().Count);

            // The roadmap: every phase, a "not before" date for running and what is still missing, with how much.
            await Assertions.Expect(page.Locator("#roadmap li")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("#running-from")).ToContainTextAsync(NotBefore());
            await Assertions.Expect(page.Locator("#running-missing")).ToContainTextAsync("of 7 pain-free days");
            await Assertions.Expect(page.Locator("#running-missing")).ToContainTextAsync("heel-raise test not logged yet");

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"today is {overflow} px wider than a {width} px screen.");
            await Browser.ScreenshotAsync(page, "today");
            await Browser.AssertAccessibleAsync(page, "today after an assessment");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_scripts_a_task_is_ticked_off_with_one_tap_and_stays_done()
    {
        await AssessAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth, javaScript: false);
        await page.GotoAsync("/");
        var task = page.Locator("#today-tasks li:not(.done)").First;
        var title = (await task.Locator(".task-title").TextContentAsync())!;
        var id = (await task.GetAttributeAsync("data-task"))!;

        await task.GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Done: {title}.");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator($"#today-tasks li[data-task='{id}']")).ToContainTextAsync("✓ Done");
        await Assertions.Expect(page.Locator($"#today-tasks li[data-task='{id}'] button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_scripts_a_pain_score_is_one_tap_sent_to_the_api_and_the_morning_score_is_asked_once_a_day()
    {
        await AssessAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, PhoneWidth);
        await page.GotoAsync("/");
        var sentToApi = page.WaitForRequestAsync(r => r.Url.EndsWith("/api/check-ins/pain", StringComparison.Ordinal) && r.Method == "POST");
        var morning = page.Locator("form[data-when='morning']");

        await morning.GetByRole(AriaRole.Button, new() { Name = "2 out of 10" }).ClickAsync();

        Assert.Contains("\"morning\":true", (await sentToApi).PostData, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Logged pain on getting up 2/10.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("form[data-when='morning']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form[data-when='activity'] button")).ToHaveCountAsync(11);
        await Assertions.Expect(page.Locator(".rest-pain summary")).ToHaveTextAsync("Pain while resting?");
    }

    [Fact]
    public async Task A_task_that_is_not_on_todays_plan_is_refused_naming_the_days_tasks_in_words()
    {
        await AssessAsync();

        using var response = await app.Client.PostAsync("/api/check-ins/task", PlanTests.Json("{\"task\": \"banana\"}"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["errors"]!["task"]![0]!.GetValue<string>();
        Assert.StartsWith("That is not one of the day's tasks; they are: ", message, StringComparison.Ordinal);
    }

    private async Task AssessAsync()
    {
        using var response = await app.Client.PostAsync("/api/assessments", PlanTests.Json(FreshStrain()), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"^Running again: not before \d{1,2}/\d{1,2}/\d{4}, once the criteria are met\.")] // en-US, the test browser's language
    private static partial Regex NotBefore();
}
