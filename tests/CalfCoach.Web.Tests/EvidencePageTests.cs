using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>Issue 11, item 2: a finding's "Why?" leads to a readable section of /evidence with its sources, never to a file name.</summary>
public sealed partial class EvidencePageTests(DemoApp app, Browser browser) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task A_findings_why_link_on_the_demo_home_page_lands_on_its_evidence_section_with_a_source_link()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        foreach (var width in Browser.Widths)
        {
            var page = await browser.NewPageAsync(app.BaseAddress, width);
            await page.GotoAsync("/");
            var why = page.Locator(".findings li a.why-link").First;
            await Assertions.Expect(why).ToBeVisibleAsync();
            var href = (await why.GetAttributeAsync("href"))!;
            Assert.Matches(WhyHref(), href);
            var anchor = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];

            await why.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/evidence#{anchor}$"));
            var section = page.Locator($"section#{anchor}");
            await Assertions.Expect(section).ToBeVisibleAsync();
            await Assertions.Expect(section.Locator("h2")).ToBeInViewportAsync();
            Assert.True(await section.Locator("a[href^='https://']").CountAsync() >= 1, $"the {anchor} section has no source link");
            Assert.DoesNotContain("EVIDENCE.md", await page.EvaluateAsync<string>("() => document.body.innerText"), StringComparison.Ordinal);
            await Browser.ScreenshotAsync(page, "evidence");
            await Browser.AssertAccessibleAsync(page, "the evidence page");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Every_why_link_on_the_home_page_points_at_a_section_the_evidence_page_has()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        var hrefs = await page.Locator(".findings li a.why-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(await page.Locator(".findings > li").CountAsync(), hrefs.Length);
        await page.GotoAsync("/evidence");
        foreach (var href in hrefs)
        {
            Assert.Equal(1, await page.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..]).CountAsync());
        }

        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^/evidence#[a-z0-9-]+$")]
    private static partial Regex WhyHref();
}

/// <summary>Every task of today's plan has a "Why?" to an existing section of /evidence.</summary>
public sealed class EvidencePlanLinkTests(PlanApp app, Browser browser) : IClassFixture<PlanApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_task_on_the_plan_has_a_why_link_to_an_existing_evidence_section()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        using (var assessed = await app.Client.PostAsync("/api/assessments", PlanTests.Json(PlanTests.WeekOfHomeCare()), Cancel))
        {
            assessed.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.GotoAsync("/plan");
        var tasks = await page.Locator("#plan-today > li").CountAsync();
        Assert.True(tasks > 0);
        var hrefs = await page.Locator("#plan-today > li a.why-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(tasks, hrefs.Length);
        await page.GotoAsync("/evidence");
        foreach (var href in hrefs.Distinct())
        {
            Assert.StartsWith("/evidence#", href, StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..]).CountAsync());
        }

        await page.Context.CloseAsync();
    }
}
