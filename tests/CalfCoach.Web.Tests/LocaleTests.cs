using System.Net;
using System.Text.Json.Nodes;
using CalfCoach.Core;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Pages show dates the way the runner's browser language writes them (Accept-Language); the API, what scripts read,
/// keeps ISO dates and point decimals whatever the language; and a form's decimal is read as the browser sends it.
/// </summary>
public sealed class LocaleTests(LocaleApp app) : IClassFixture<LocaleApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "dd.MM.yyyy")]
    [InlineData("de-AT", "dd.MM.yyyy")]
    [InlineData("fr-FR", "dd/MM/yyyy")]
    [InlineData("en-GB", "dd/MM/yyyy")]
    [InlineData("en-US", "M/d/yyyy")]
    [InlineData("th-TH", "M/d/yyyy")] // not offered (another calendar): the default, English
    public async Task The_today_page_shows_the_review_date_in_the_browser_language_and_the_api_keeps_iso(string acceptLanguage, string expected)
    {
        await EnsureAssessedAsync();

        var plan = JsonNode.Parse(await GetStringAsync("/api/plan", acceptLanguage))!;
        var review = plan["nextReview"]!.GetValue<string>();
        Assert.True(IsoDate.TryParse(review, out var day), $"the API's review date {review} is not YYYY-MM-DD in {acceptLanguage}");

        var page = await GetStringAsync("/", acceptLanguage);

        var shown = day.ToString(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<time datetime=\"{review}\" class=\"date\">{shown}</time>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_json_is_the_same_in_every_browser_language()
    {
        await EnsureAssessedAsync();

        foreach (var path in new[] { "/api/plan", "/api/findings", "/api/weeks", "/api/shoes", "/api/check-ins" })
        {
            var english = await GetStringAsync(path, "en-US");
            Assert.Equal(english, await GetStringAsync(path, "de-DE"));
            Assert.Equal(english, await GetStringAsync(path, "fr-FR"));
        }
    }

    [Fact]
    public async Task A_german_browsers_decimal_in_a_form_is_read_with_its_point()
    {
        // A browser sends <input type=number> as 12.5 whatever its language; read in German that would be 125.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Trail 12.5", ["since"] = "2026-11-01", ["startKm"] = "12.5" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/shoes?handler=Add") { Content = form };
        request.Headers.AcceptLanguage.ParseAdd("de-DE");
        using var response = await app.Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var shoes = JsonNode.Parse(await GetStringAsync("/api/shoes", "de-DE"))!.AsArray();
        var shoe = Assert.Single(shoes, s => s!["name"]!.GetValue<string>() == "Trail 12.5");
        Assert.Equal(12.5, shoe!["startKm"]!.GetValue<double>());
    }

    private async Task EnsureAssessedAsync()
    {
        using var existing = await app.Client.GetAsync("/api/plan", Cancel);
        if (existing.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        using var response = await app.Client.PostAsync("/api/assessments", PlanTests.Json(TodayPageTests.FreshStrain()), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> GetStringAsync(string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await app.Client.SendAsync(request, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
