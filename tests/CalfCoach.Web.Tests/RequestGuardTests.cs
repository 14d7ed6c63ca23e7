using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CalfCoach.Web.Tests;

/// <summary>
/// What the app refuses before any logic runs: bodies missing a required value (never read as 0 or "no"), changes
/// asked for by another website, requests through a host name that is not this computer's; and what it never caches.
/// </summary>
public sealed class RequestGuardTests(GuardApp app) : IClassFixture<GuardApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
    }

    [Fact]
    public async Task A_pain_check_in_without_a_score_is_refused_naming_score_not_logged_as_zero()
    {
        using var response = await app.Client.PostAsync("/api/check-ins/pain", Json("{}"), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("missing required key \"score\"", problem["errors"]!["score"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/check-ins/exercise", "{\"name\": \"heel-drops-bent-knee\"}", "sets", "reps")]
    [InlineData("/api/check-ins/clinician", "{\"note\": \"seen\"}", "clearedForRehab", null)]
    public async Task Check_ins_missing_a_required_value_name_every_missing_key(string path, string body, string first, string? second)
    {
        using var response = await app.Client.PostAsync(path, Json(body), Cancel);

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(first), first);
        Assert.True(second is null || errors.ContainsKey(second), second);
    }

    [Fact]
    public async Task A_null_score_is_refused_as_a_wrong_value()
    {
        using var response = await app.Client.PostAsync("/api/check-ins/pain", Json("{\"score\": null}"), Cancel);

        Assert.NotNull((await ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!["score"]);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_change_asked_for_by_another_website_is_forbidden(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check-ins/pain") { Content = Json("{\"score\": 3}") };
        request.Headers.Add(header, value);

        using var response = await app.Client.SendAsync(request, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("urn:calfcoach:problem:cross-site", problem["type"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![header]);
    }

    [Fact]
    public async Task A_form_posted_by_the_apps_own_page_passes_the_guard()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check-ins/pain") { Content = Json("{\"score\": 3}") };
        request.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await app.Client.SendAsync(request, Cancel);

        // Past the guard: refused only because no assessment has started a plan yet.
        Assert.Equal("urn:calfcoach:problem:not-found", (await ProblemAsync(response, HttpStatusCode.NotFound))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_through_another_host_name_is_refused_so_a_rebound_dns_name_cannot_read_the_data()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/findings");
        request.Headers.Host = "evil.example";

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal("urn:calfcoach:problem:host-not-allowed", (await ProblemAsync(response, HttpStatusCode.BadRequest))["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/findings")]
    public async Task Pages_and_data_are_never_cached_and_carry_the_content_security_policy(string path)
    {
        using var response = await app.Client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
