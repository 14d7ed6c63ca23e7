using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CalfCoach.Cli;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Spectre.Console.Testing;

namespace CalfCoach.Web.Tests;

/// <summary>
/// One assessment, one truth (issue 11): after a check taken on the web, the result page, the plan, the report, the metronome
/// and <c>calfcoach plan --json</c> name the same review date and the same cadence target.
/// </summary>
public sealed partial class OneTruthTests(OneTruthApp app, Browser browser) : IClassFixture<OneTruthApp>
{
    [Fact]
    public async Task After_one_assessment_every_page_and_plan_json_give_the_same_review_date_and_cadence_target()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        // The check on the web, as a runner takes it: no warning signs, the pain begun on the demo runner's onset day.
        await page.GotoAsync("/assess");
        var days = page.Locator("#f-daysSinceOnset");
        for (var screen = 0; screen < 12 && !await days.IsVisibleAsync(); screen++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        }

        await days.FillAsync("3");
        await page.Locator("#f-daysOfHomeCare").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-disposition]")).ToHaveAttributeAsync("data-disposition", "self-care");
        var result = new Seen(
            await page.Locator("p:has-text('Review on') time").GetAttributeAsync("datetime"),
            FirstTarget(await page.Locator("main").TextContentAsync() ?? string.Empty)); // textContent: the causes are folded away

        await page.GotoAsync("/plan");
        var plan = new Seen(
            await page.Locator("#plan-next-review time").GetAttributeAsync("datetime"),
            Number(await page.Locator("#plan-cadence").TextContentAsync()));

        await page.GotoAsync("/report");
        var reportText = await page.Locator("body").InnerTextAsync();
        var report = new Seen(await page.Locator("#next-review time").GetAttributeAsync("datetime"), Number(await page.Locator("#cadence-target").TextContentAsync()));
        Assert.Equal(report.Cadence, FirstTarget(reportText)); // the finding in the report names the same target as its programme section
        Assert.DoesNotContain("No assessment yet", reportText, StringComparison.Ordinal);

        await page.GotoAsync("/metronome");
        var metronome = Number(await page.Locator("#m-spm").InputValueAsync());

        var json = await PlanJsonAsync();
        var cli = new Seen(json.GetProperty("nextReview").GetString(), json.GetProperty("cadenceTargetSpm").GetInt32());

        Assert.NotNull(result.Review);
        Assert.NotNull(result.Cadence);
        Assert.Equal(result, plan);
        Assert.Equal(result, report);
        Assert.Equal(result, cli);
        Assert.Equal(result.Cadence, metronome);
    }

    /// <summary><c>calfcoach plan --json</c> over the app's own database, run in-process on the app's day.</summary>
    private async Task<JsonElement> PlanJsonAsync()
    {
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 10_000;
        var error = new TestConsole { EmitAnsiSequences = false };
        var clock = new FakeTimeProvider(new DateTimeOffset(WebApp.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var context = new CliContext(output, error, new StringReader(string.Empty), InputIsInteractive: false, clock, DefaultDatabase: app.DatabasePath);
        var code = await CliApp.RunAsync(["plan", "--json", "--db", app.DatabasePath, "--as-of", WebApp.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], context, TestContext.Current.CancellationToken);
        Assert.True(code == 0, error.Output);
        return JsonDocument.Parse(output.Output).RootElement.Clone();
    }

    private static int? FirstTarget(string text) => FirstTargetPattern().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static int? Number(string? text) => text is null ? null : int.Parse(NumberPattern().Match(text).Value, CultureInfo.InvariantCulture);

    private sealed record Seen(string? Review, int? Cadence);

    [GeneratedRegex(@"first target (\d+)")]
    private static partial Regex FirstTargetPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
