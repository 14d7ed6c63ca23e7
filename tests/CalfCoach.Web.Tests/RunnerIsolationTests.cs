using System.Net;
using System.Text.Json.Nodes;
using CalfCoach.Core.Accounts;
using CalfCoach.Formats.Fit;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Pages.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CalfCoach.Web.Tests;

/// <summary>
/// On a shared server no response carries another runner's data. Every route in the app's routing table is called by
/// another athlete, a clinician and an anonymous client after a runner stored data marked with unique words; none of
/// their answers may hold a marker, a clinician gets 404 for runner data, and ids of the runner's own things answer 404.
/// A route added later is walked too; a route with a parameter this test has no value for fails it.
/// </summary>
public sealed class RunnerIsolationTests(PostgresSignInApp app) : IClassFixture<PostgresSignInApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Routes that hold no runner's data: the account's own, static assets, the API description.</summary>
    private static readonly string[] NotRunnerData =
        ["/api/session", "/api/tokens", "/api/metronome", "/account", "/sign-in", "/sign-out", "/register", "/assets/", "/sw.js", "/manifest", "/openapi/", "/evidence", "/favicon", "/icon"];

    /// <summary>A runner with shoes, a check-in, an import and an assessment, each marked; their session, token id, runner id and share id.</summary>
    private sealed record Owner(string Cookie, long TokenId, string[] Markers, long RunnerId, long ShareId);

    [Fact]
    public async Task Every_route_answers_another_athlete_a_clinician_and_an_anonymous_client_without_the_runners_data()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var owner = await SeedOwnerAsync(client, "owner-" + Guid.NewGuid().ToString("N")[..8]);
        var otherEmail = AddAccount(AccountRole.Athlete);
        var clinicianEmail = AddAccount(AccountRole.Clinician);
        var routes = Routes(owner).ToList();
        Assert.NotEmpty(routes);

        foreach (var (method, path, route) in routes)
        {
            // Fresh sessions for every route: the walk also calls the sign-out routes, which end the session they come with.
            var other = await AccountClient.SignedInCookieAsync(client, otherEmail);
            var clinician = await AccountClient.SignedInCookieAsync(client, clinicianEmail);
            foreach (var (who, cookie) in new[] { ("another athlete", other), ("a clinician", clinician), ("anonymous", (string?)null) })
            {
                using var response = await AccountClient.SendAsync(client, new HttpMethod(method), path, cookie, content: Body(method));
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{method} {path} as {who}: {status} {body}");
                foreach (var marker in owner.Markers)
                {
                    Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{method} {path} as {who} carries the runner's \"{marker}\": {body}");
                }

                if (who == "anonymous" && !IsPublic(route))
                {
                    Assert.True(status is 401 or 302, $"{method} {path} anonymous: {status}");
                }

                if (who == "a clinician" && route == SharingApi.AthletesRoute)
                {
                    Assert.True(status == 200 && body.Trim() == "[]", $"{method} {path} as a clinician nobody shares with: {status} {body}");
                }
                else if (who == "a clinician" && route == AthletesModel.Route)
                {
                    Assert.True(method == "GET" ? status == 200 && body.Contains("id=\"no-runners\"", StringComparison.Ordinal) : status == 405, $"{method} {path} as a clinician nobody shares with: {status} {body}");
                }
                else if (who == "a clinician" && !NotRunnerData.Any(route.StartsWith) && route is not "/" and not AccountsApi.MeRoute)
                {
                    Assert.True(status == 404, $"{method} {path} as a clinician should find no runner data: {status} {body}");
                }

                if (who == "another athlete" && (route.StartsWith(SharingApi.AthletesRoute, StringComparison.Ordinal) || route.StartsWith(AthletesModel.Route, StringComparison.Ordinal)))
                {
                    Assert.True(status is 404 or 405, $"{method} {path} as an athlete (the clinicians' routes): {status} {body}");
                }

                if (route is "/api/tokens/{id}" or "/api/shares/{id}" && who != "anonymous")
                {
                    Assert.True(status == 404, $"{method} {path} (the runner's own id) as {who}: {status}");
                }
            }
        }

        // The runner's own data are all still there: nothing the others sent touched them.
        using var shoes = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/shoes", owner.Cookie);
        Assert.Contains(owner.Markers[0], await shoes.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var tokens = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/tokens", owner.Cookie);
        Assert.Contains(owner.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), await tokens.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_runners_importing_and_reading_at_once_never_see_each_others_data()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runners = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SignedInAsync(client, AccountRole.Athlete)));
        var markers = runners.Select((_, i) => $"mark{i}-{Guid.NewGuid():N}"[..20]).ToArray();

        var leaks = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(runners.Select((cookie, i) => Task.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                using var import = new MultipartFormDataContent
                {
                    { new ByteArrayContent(FitActivityWriter.Write(Fixtures.Run(Fixtures.GeneratedRunDay.AddDays(-round - (i * 5)), 5 + i, seed: (i * 10) + round))), "files", $"{markers[i]}-{round}.fit" },
                };
                (HttpMethod, string, HttpContent?)[] calls =
                [
                    (HttpMethod.Post, "/api/imports", import),
                    (HttpMethod.Post, "/api/shoes", AccountClient.Json($$"""{"name": "{{markers[i]}}-shoe{{round}}", "since": "2026-01-01"}""")),
                    (HttpMethod.Post, "/api/check-ins/pain", AccountClient.Json($$"""{"score": 3, "note": "{{markers[i]}}-note{{round}}"}""")),
                    (HttpMethod.Get, "/api/shoes", null),
                    (HttpMethod.Get, "/api/check-ins", null),
                    (HttpMethod.Get, "/api/weeks", null),
                    (HttpMethod.Get, "/api/findings", null),
                    (HttpMethod.Get, "/", null),
                    (HttpMethod.Get, "/shoes", null),
                ];
                foreach (var (method, path, content) in calls)
                {
                    using var response = await AccountClient.SendAsync(client, method, path, cookie, content: content);
                    var body = await response.Content.ReadAsStringAsync(Cancel);
                    foreach (var foreign in markers.Where((_, j) => j != i))
                    {
                        if (body.Contains(foreign, StringComparison.Ordinal))
                        {
                            leaks.Add($"runner {i} {method} {path} saw {foreign}");
                        }
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        leaks.Add($"runner {i} {method} {path}: {(int)response.StatusCode} {body}");
                    }
                }
            }
        }, Cancel)));

        Assert.Empty(leaks);
        foreach (var (cookie, i) in runners.Select((c, i) => (c, i)))
        {
            using var shoes = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/shoes", cookie);
            Assert.Equal(3, JsonNode.Parse(await shoes.Content.ReadAsStringAsync(Cancel))!.AsArray().Count(s => s!["name"]!.GetValue<string>().StartsWith(markers[i], StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Two_runners_importing_the_same_file_each_get_it()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var file = FitActivityWriter.Write(Fixtures.Run(Fixtures.GeneratedRunDay, 9, seed: 99));

        foreach (var cookie in new[] { await SignedInAsync(client, AccountRole.Athlete), await SignedInAsync(client, AccountRole.Athlete) })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "files", "same.fit" } };
            using var response = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/imports", cookie, content: form);
            var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
            Assert.Equal(1, summary["imported"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_runner_with_no_data_gets_empty_weeks_no_findings_and_no_plan()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var cookie = await SignedInAsync(client, AccountRole.Athlete);

        using var weeks = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", cookie);
        using var findings = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/findings", cookie);
        using var plan = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/plan", cookie);

        Assert.Equal(HttpStatusCode.OK, weeks.StatusCode);
        Assert.Empty(JsonNode.Parse(await weeks.Content.ReadAsStringAsync(Cancel))!["weeks"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, findings.StatusCode);
        Assert.Empty(JsonNode.Parse(await findings.Content.ReadAsStringAsync(Cancel))!["findings"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);
    }

    private async Task<string> SignedInAsync(HttpClient client, AccountRole role) =>
        await AccountClient.SignedInCookieAsync(client, AddAccount(role));

    private string AddAccount(AccountRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        AccountClient.AddAccount(app, email, role);
        return email;
    }

    private async Task<Owner> SeedOwnerAsync(HttpClient client, string marker)
    {
        var cookie = await SignedInAsync(client, AccountRole.Athlete);
        string[] markers = [$"{marker}-shoe", $"{marker}-note", $"{marker}-file", $"{marker}-token"];
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Fixtures.GeneratedFit()), "files", $"{markers[2]}.fit" } };
        (HttpMethod, string, HttpContent?)[] writes =
        [
            (HttpMethod.Post, "/api/imports", form),
            (HttpMethod.Post, "/api/shoes", AccountClient.Json($$"""{"name": "{{markers[0]}}", "since": "2026-01-01"}""")),
            (HttpMethod.Post, "/api/assessments", PlanTests.Json(Fixtures.ExampleAnswers("answers-overload.json"))),
            (HttpMethod.Post, "/api/check-ins/pain", AccountClient.Json($$"""{"score": 4, "note": "{{markers[1]}}"}""")),
        ];
        foreach (var (method, path, content) in writes)
        {
            using var response = await AccountClient.SendAsync(client, method, path, cookie, content: content);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        }

        using var token = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/tokens", cookie, content: AccountClient.Json($$"""{"name": "{{markers[3]}}"}"""));
        var tokenId = JsonNode.Parse(await token.Content.ReadAsStringAsync(Cancel))!["id"]!.GetValue<long>();
        using var me = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", cookie);
        var runnerId = JsonNode.Parse(await me.Content.ReadAsStringAsync(Cancel))!["runnerId"]!.GetValue<long>();

        // The owner shares with a clinician of their own, so the clinicians' routes have a real runner to refuse others.
        var theirClinician = AddAccount(AccountRole.Clinician);
        using var share = await AccountClient.SendAsync(client, HttpMethod.Post, SharingApi.SharesRoute, cookie, content: AccountClient.Json($$"""{"email": "{{theirClinician}}", "access": "review"}"""));
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);
        var shareId = JsonNode.Parse(await share.Content.ReadAsStringAsync(Cancel))!["id"]!.GetValue<long>();
        return new Owner(cookie, tokenId, markers, runnerId, shareId);
    }

    /// <summary>Every route of the routing table with its parameters filled with the owner's ids; pages by GET and POST.</summary>
    private IEnumerable<(string Method, string Path, string Route)> Routes(Owner owner)
    {
        foreach (var endpoint in app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                _ => "?",
            }))));
            var path = route switch
            {
                "/api/tokens/{id}" => $"/api/tokens/{owner.TokenId}",
                "/api/shares/{id}" => $"/api/shares/{owner.ShareId}",
                _ when route.StartsWith(SharingApi.AthletesRoute + "/{id}", StringComparison.Ordinal) =>
                    route.Replace("{id}", owner.RunnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                _ when route.StartsWith(AthletesModel.Route + "/{athlete}", StringComparison.Ordinal) =>
                    route.Replace("{athlete}", owner.RunnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                "/assets/{name}" => "/assets/site.css",
                "/openapi/{documentName}.json" => "/openapi/v1.json",
                _ when route.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException(
                    $"The route {route} has a parameter this test has no value for: add a case that fills it with the owner's id."),
                _ => route,
            };
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                yield return (method, path, route);
            }
        }
    }

    private static bool IsPublic(string route) =>
        route is "/api/session" or "/sign-in" or "/sign-out" or "/register" or "/sw.js" || route.StartsWith("/assets/", StringComparison.Ordinal)
        || route.StartsWith("/openapi/", StringComparison.Ordinal) || route.StartsWith("/manifest", StringComparison.Ordinal)
        || route.StartsWith("/favicon", StringComparison.Ordinal) || route.StartsWith("/icon", StringComparison.Ordinal);

    private static StringContent? Body(string method) => method is "POST" or "PATCH" or "PUT" ? AccountClient.Json("{}") : null;
}
