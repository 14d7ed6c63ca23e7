using System.Text.Json.Nodes;
using CalfCoach.Web.Pages;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Issue 11, "words and keys": on every page, at phone and laptop width, on the demo runner with an assessment recorded,
/// no visible text is a finding id, a task id, an exercise id, an advice id, a camelCase answers key or "EVIDENCE.md".
/// The pages come from the site's navigation and the ids from the core's catalogues and the app's own JSON, at run time.
/// </summary>
public sealed class RunnerWordsPageTests(WordsApp app, Browser browser) : IClassFixture<WordsApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every string-valued property of this name anywhere in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Strings(p.Value, name)),
        JsonArray a => a.SelectMany(e => Strings(e, name)),
        _ => [],
    };

    [Fact]
    public async Task No_page_shows_an_id_a_camelCase_key_or_a_file_reference_at_phone_or_laptop_width()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        using var assessed = await app.Client.PostAsync("/api/assessments", PlanTests.Json(PlanTests.WeekOfHomeCare()), Cancel);
        assessed.EnsureSuccessStatusCode();
        var assessment = JsonNode.Parse(await assessed.Content.ReadAsStringAsync(Cancel));
        var plan = JsonNode.Parse(await app.Client.GetStringAsync("/api/plan", Cancel));
        var findings = JsonNode.Parse(await app.Client.GetStringAsync("/api/findings", Cancel));
        var ids = Strings(assessment, "id").Concat(Strings(plan, "id")).Concat(Strings(findings, "id")).ToArray();
        var titles = Strings(assessment, "title").Concat(Strings(plan, "title")).ToArray();
        Assert.NotEmpty(Strings(plan, "id"));

        var offences = new List<string>();
        foreach (var width in Browser.Widths)
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            foreach (var (href, label) in SiteNav.AllLinks)
            {
                var response = await page.GotoAsync(href);
                Assert.True(response!.Ok, $"{href}: {response.Status}");
                var text = await page.EvaluateAsync<string>("() => document.body.innerText");
                offences.AddRange(RunnerWords.CodeNamesIn(text, ids, titles).Select(k => $"{label} ({href}) at {width} px: {k}"));
            }

            // The assessment's result page, reached the way a runner reaches it: every screen, then "See my result".
            await page.GotoAsync("/assess");
            for (var screen = 0; screen < Core.Assessment.Questionnaire.Groups.Count; screen++)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            }

            await page.Locator("#f-daysSinceOnset").FillAsync("4");
            await page.Locator("#f-daysOfHomeCare").FillAsync("4");
            await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-disposition]")).ToBeVisibleAsync();
            var result = await page.EvaluateAsync<string>("() => document.body.innerText");
            offences.AddRange(RunnerWords.CodeNamesIn(result, ids, titles).Select(k => $"the result page at {width} px: {k}"));

            await page.Context.CloseAsync();
        }

        Assert.Empty(offences);
    }
}
