using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>The recovery programme over HTTP and in the browser: an assessment starts it, check-ins move it.</summary>
public sealed class PlanTests(PlanApp app, Browser browser) : IClassFixture<PlanApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A week of home care without the "not improving" sign: self-care. The first pain score logged on day 7 is both the
    /// first and the latest, so "no improvement after 7 days" fires and the advice rises to see a clinician.
    /// </summary>
    internal static string WeekOfHomeCare()
    {
        var answers = JsonNode.Parse(Fixtures.ExampleAnswers("answers-overload.json"))!.AsObject();
        answers["daysSinceOnset"] = 7;
        answers["daysOfHomeCare"] = 7;
        answers["notImproving"] = false;
        return answers.ToJsonString();
    }

    [Fact]
    public async Task Before_any_assessment_the_plan_is_a_problem_saying_to_take_the_check_first()
    {
        using var response = await app.Client.GetAsync("/api/plan?asOf=2020-01-01", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("take the calf check first", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_pain_check_in_with_a_bad_score_names_the_field()
    {
        using var response = await app.Client.PostAsync("/api/check-ins/pain", Json("{\"score\": 14}"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["errors"]!["score"]);
    }

    [Fact]
    public async Task An_assessment_starts_the_plan_and_a_pain_check_in_changes_it_in_the_browser()
    {
        using (var assessed = await app.Client.PostAsync("/api/assessments", Json(WeekOfHomeCare()), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        }

        var plan = JsonNode.Parse(await app.Client.GetStringAsync("/api/plan", Cancel))!;
        Assert.Equal("self-care", plan["disposition"]!.GetValue<string>());
        Assert.NotEmpty(plan["today"]!.AsArray());

        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/plan");
        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "self-care");
        await Assertions.Expect(page.Locator("#plan-today li").First).ToBeVisibleAsync();
        foreach (var width in Browser.Widths)
        {
            await page.SetViewportSizeAsync(width, 800);
            await Browser.ScreenshotAsync(page, "plan");
            await Browser.AssertAccessibleAsync(page, "the plan");
        }

        await page.GetByLabel("Pain now, from 0").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log pain" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged pain 5/10");
        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "see-clinician");
        await Assertions.Expect(page.Locator("#plan-reasons")).ToContainTextAsync("no improvement");
        await Browser.ScreenshotAtEveryWidthAsync(page, "plan-after-check-in");

        var calendar = await page.RunAndWaitForDownloadAsync(() => page.Locator("#plan-calendar").ClickAsync());
        var ics = await File.ReadAllTextAsync((await calendar.PathAsync())!, Cancel);
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("BEGIN:VEVENT", ics);

        // Choosing the heel-raise test fills in its dose; logging it keeps the advice where it is.
        await page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync("single-leg-heel-raise");
        await Assertions.Expect(page.GetByLabel("Repetitions per set")).ToHaveValueAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log exercise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged Single-leg heel-raise test, sore leg: 1 × 30");
        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "see-clinician");

        // Only a clinician's all-clear brings it back to self-care.
        await page.GetByLabel("They examined my calf and cleared me").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "self-care");
        await Assertions.Expect(page.Locator("#plan-reasons")).ToContainTextAsync("a clinician cleared you");
    }

    [Fact]
    public async Task After_an_assessment_the_findings_are_ordered_against_the_day_the_pain_began()
    {
        using (await app.Client.PostAsync("/api/assessments", Json(WeekOfHomeCare()), Cancel))
        {
        }

        var findings = JsonNode.Parse(await app.Client.GetStringAsync("/api/findings", Cancel))!;

        Assert.Equal(WebApp.Today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), findings["onset"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exercise_check_in_over_http_returns_the_plan_after_it()
    {
        using (await app.Client.PostAsync("/api/assessments", Json(WeekOfHomeCare()), Cancel))
        {
        }

        using var response = await app.Client.PostAsync("/api/check-ins/exercise", Json("{\"name\": \"heel-drops-straight-knee\", \"sets\": 3, \"reps\": 15, \"pain\": 2}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
        Assert.Equal(["asOf", "startedOn", "disposition", "headline", "phase"], plan.Select(p => p.Key).Take(5));
    }

    [Fact]
    public async Task An_exercise_check_in_with_an_unknown_name_is_a_problem_naming_the_valid_ones()
    {
        using var response = await app.Client.PostAsync("/api/check-ins/exercise", Json("{\"name\": \"walkrun\", \"sets\": 6, \"reps\": 1}"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["errors"]!["name"]![0]!.GetValue<string>();
        Assert.Contains("Did you mean \"walk-run\"?", message, StringComparison.Ordinal);
        Assert.Contains("heel-drops-straight-knee", message, StringComparison.Ordinal);
    }

    internal static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
