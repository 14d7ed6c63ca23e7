using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Sharing in Chromium on a phone's width (issue 14): the runner shares from their account, the clinician lands on their
/// runners, reads the runner's plan marked whose it is and records a visit, the runner reads who looked and deletes the
/// account, and the clinician's list says a runner left. Every page accessible, none wider than the phone.
/// </summary>
public sealed class SharingPageTests(SignInApp app, Browser browser) : IClassFixture<SignInApp>
{
    /// <summary>The ids in the runner's answers and plan, and the plan's titles: what no page may show as text.</summary>
    private string[] _ids = [];

    private string[] _titles = [];

    [Fact]
    public async Task A_runner_shares_a_clinician_reads_and_records_a_visit_and_the_runner_sees_it_and_leaves()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        var runnerEmail = $"runner-{Guid.NewGuid():N}"[..20] + "@example.org";
        var clinicianEmail = $"physio-{Guid.NewGuid():N}"[..20] + "@example.org";
        AccountClient.AddAccount(app, runnerEmail);
        AccountClient.AddAccount(app, clinicianEmail, Core.Accounts.AccountRole.Clinician);
        using (var client = AccountClient.Create(app.BaseAddress))
        {
            var cookie = await AccountClient.SignedInCookieAsync(client, runnerEmail);
            using var answers = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/assessments", cookie, content: PlanTests.Json(Fixtures.ExampleAnswers("answers-overload.json")));
            Assert.True(answers.IsSuccessStatusCode, await answers.Content.ReadAsStringAsync(AccountClient.Cancel));
            using var plan = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/plan", cookie);
            var json = JsonNode.Parse(await plan.Content.ReadAsStringAsync(AccountClient.Cancel));
            _ids = [.. Strings(JsonNode.Parse(await answers.Content.ReadAsStringAsync(AccountClient.Cancel)), "id"), .. Strings(json, "id")];
            _titles = [.. Strings(json, "title")];
            Assert.NotEmpty(_ids);
        }

        var runner = await SignedInPageAsync(runnerEmail);
        await runner.GotoAsync("/account");
        await runner.GetByRole(AriaRole.Link, new() { Name = "Share your plan with your physiotherapist" }).ClickAsync();
        await runner.GetByLabel("Their e-mail address").FillAsync(clinicianEmail);
        await runner.GetByLabel("Read them, and also record a visit").CheckAsync();
        await runner.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        Assert.Contains(clinicianEmail, await runner.Locator("#shares").TextContentAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(runner, "the sharing page", "sharing");

        var clinician = await SignedInPageAsync(clinicianEmail);
        Assert.EndsWith("/athletes", clinician.Url, StringComparison.Ordinal);
        Assert.Contains(runnerEmail, await clinician.Locator("#runners").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["Your runners"], await clinician.Locator(".nav-wide a").Filter(new() { HasNotText = "Account" }).AllTextContentsAsync());
        await AssertFitsAsync(clinician, "the clinician's runners", "athletes");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
        Assert.Equal($"{runnerEmail}'s recovery plan", await clinician.Locator("h1").TextContentAsync());
        Assert.Equal(0, await clinician.Locator("#pain-score").CountAsync());
        await AssertFitsAsync(clinician, "a runner's plan shared with a clinician", "athlete-plan");
        await clinician.GetByLabel("Your note for the runner").FillAsync("Seen in clinic");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Record the visit", Exact = false }).ClickAsync();
        Assert.Contains("Recorded the visit", await clinician.Locator(".saved").TextContentAsync(), StringComparison.Ordinal);

        await runner.GotoAsync("/sharing");
        Assert.Contains($"{clinicianEmail} (clinician) recorded a visit", await runner.Locator("#audit").TextContentAsync(), StringComparison.Ordinal);

        await runner.GotoAsync("/account");
        await AssertFitsAsync(runner, "the account page", "account-runner");
        await runner.GetByLabel("Your password, to confirm").FillAsync(AccountClient.Password);
        await runner.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all my data" }).ClickAsync();
        await runner.WaitForURLAsync("**/sign-in?deleted=true");
        Assert.Contains("were deleted", await runner.Locator(".saved").TextContentAsync(), StringComparison.Ordinal);

        await clinician.GotoAsync("/athletes");
        Assert.Equal(0, await clinician.Locator("#runners").CountAsync());
        Assert.Contains("deleted their account", await clinician.Locator("#deleted-runners").TextContentAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(clinician, "the clinician's runners after one left", "athletes-after-deletion");
        await runner.Context.CloseAsync();
        await clinician.Context.CloseAsync();
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AccountClient.Password);
        // The page after signing in, once its HTML is parsed: nothing below needs its images or the service worker's work.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// At a phone's and a laptop's width: no serious accessibility violation, nothing wider than the screen, no code name
    /// of the runner's plan or answers (ids, camelCase keys, "EVIDENCE.md") in the visible text; a screenshot of each.
    /// </summary>
    private async Task AssertFitsAsync(IPage page, string name, string screenshot)
    {
        var size = page.ViewportSize!;
        foreach (var width in Browser.Widths)
        {
            await page.SetViewportSizeAsync(width, size.Height);
            await Browser.AssertAccessibleAsync(page, name);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"{name} scrolls sideways at {width} px");
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            Assert.Empty(RunnerWords.CodeNamesIn(text, _ids, _titles).Select(k => $"{name} at {width} px: {k}"));
            await Browser.ScreenshotAsync(page, screenshot);
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>Every string-valued property of this name anywhere in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Strings(p.Value, name)),
        JsonArray a => a.SelectMany(e => Strings(e, name)),
        _ => [],
    };
}
