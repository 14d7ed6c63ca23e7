using System.Net;
using System.Text.Json.Nodes;
using CalfCoach.Core.Accounts;
using CalfCoach.Web.Apis;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Consented sharing on a shared server (issue 14): a clinician reads exactly what a runner shares, until they revoke;
/// every read is in the runner's audit; deleting an account erases every row of the runner.
/// </summary>
public sealed class SharingTests(PostgresSignInApp app) : IClassFixture<PostgresSignInApp>
{
    private static CancellationToken Cancel => AccountClient.Cancel;

    private sealed record Runner(string Email, string Cookie, long RunnerId, string Marker);

    [Fact]
    public async Task A_clinician_reads_every_shared_route_until_the_runner_revokes_and_an_athlete_never_can()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var clinician = await SignedInAsync(client, AccountRole.Clinician);
        var athlete = await SignedInAsync(client, AccountRole.Athlete);
        var routes = AthleteReadRoutes(runner.RunnerId).ToList();
        Assert.Equal(5, routes.Count); // plan, findings, weeks, assessments, report

        foreach (var path in routes)
        {
            await AssertStatusAsync(client, path, clinician.Cookie, HttpStatusCode.NotFound, "before sharing");
        }

        var shareId = await ShareAsync(client, runner, clinician.Email, "read");
        var roster = await GetJsonAsync(client, SharingApi.AthletesRoute, clinician.Cookie);
        Assert.Equal(runner.RunnerId, roster.AsArray().Single()!["id"]!.GetValue<long>());
        Assert.Equal(runner.Email, roster[0]!["name"]!.GetValue<string>());
        Assert.Equal("self-care", roster[0]!["disposition"]!.GetValue<string>());
        foreach (var path in routes)
        {
            await AssertStatusAsync(client, path, clinician.Cookie, HttpStatusCode.OK, "while shared");
            await AssertStatusAsync(client, path, athlete.Cookie, HttpStatusCode.NotFound, "an athlete");
        }

        using var shoesOfReport = await AccountClient.SendAsync(client, HttpMethod.Get, $"{SharingApi.AthletesRoute}/{runner.RunnerId}/report", clinician.Cookie);
        var report = await shoesOfReport.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(runner.Marker, report, StringComparison.Ordinal);
        Assert.Contains($"{runner.Email}'s report", report, StringComparison.Ordinal);

        using var revoke = await AccountClient.SendAsync(client, HttpMethod.Delete, $"{SharingApi.SharesRoute}/{shareId}", runner.Cookie);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        foreach (var path in routes)
        {
            await AssertStatusAsync(client, path, clinician.Cookie, HttpStatusCode.NotFound, "after revoking");
        }

        Assert.Empty((await GetJsonAsync(client, SharingApi.AthletesRoute, clinician.Cookie)).AsArray());
        await AssertStatusAsync(client, SharingApi.AthletesRoute, athlete.Cookie, HttpStatusCode.NotFound, "an athlete's list");
    }

    [Fact]
    public async Task Only_review_access_records_a_visit_which_is_kept_with_the_clinicians_name_and_every_access_is_audited()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var reader = await SignedInAsync(client, AccountRole.Clinician);
        var reviewer = await SignedInAsync(client, AccountRole.Clinician);
        await ShareAsync(client, runner, reader.Email, "read");
        await ShareAsync(client, runner, reviewer.Email, "review");
        var visit = $"{SharingApi.AthletesRoute}/{runner.RunnerId}/check-ins/clinician";
        var body = $$"""{"clearedForRehab": true, "note": "Seen in clinic", "date": "{{WebApp.Today:yyyy-MM-dd}}"}""";

        using var refused = await AccountClient.SendAsync(client, HttpMethod.Post, visit, reader.Cookie, content: AccountClient.Json(body));
        using var recorded = await AccountClient.SendAsync(client, HttpMethod.Post, visit, reviewer.Cookie, content: AccountClient.Json(body));
        using var plan = await AccountClient.SendAsync(client, HttpMethod.Get, $"{SharingApi.AthletesRoute}/{runner.RunnerId}/plan", reader.Cookie);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var audit = (await GetJsonAsync(client, SharingApi.AuditRoute, runner.Cookie)).AsArray();
        Assert.Equal(
            [(reviewer.Email, "clinician", "record", "visit"), (reader.Email, "clinician", "read", "plan")],
            audit.Select(e => (e!["actor"]!["email"]!.GetValue<string>(), e["actor"]!["role"]!.GetValue<string>(), e["action"]!.GetValue<string>(), e["resource"]!.GetValue<string>())).Reverse());
        Assert.All(audit, e => Assert.EndsWith("Z", e!["at"]!.GetValue<string>(), StringComparison.Ordinal));

        // The runner's own reads are not audited: only others' are.
        using var own = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/plan", runner.Cookie);
        Assert.Equal(2, (await GetJsonAsync(client, SharingApi.AuditRoute, runner.Cookie)).AsArray().Count);
    }

    [Fact]
    public async Task Sharing_with_an_athletes_or_an_admins_address_answers_exactly_as_an_unknown_address()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var athlete = AddAccount(AccountRole.Athlete);
        var admin = AddAccount(AccountRole.Admin);

        var answers = new List<string>();
        foreach (var email in new[] { athlete, admin, $"nobody-{Guid.NewGuid():N}@example.org" })
        {
            using var response = await AccountClient.SendAsync(client, HttpMethod.Post, SharingApi.SharesRoute, runner.Cookie,
                content: AccountClient.Json($$"""{"email": "{{email}}", "access": "read"}"""));
            var problem = (await AccountClient.ProblemAsync(response, HttpStatusCode.NotFound)).AsObject();
            problem.Remove("traceId");
            answers.Add(problem.ToJsonString());
        }

        Assert.Single(answers.Distinct());
        Assert.Empty((await GetJsonAsync(client, SharingApi.SharesRoute, runner.Cookie)).AsArray());
        using var badAccess = await AccountClient.SendAsync(client, HttpMethod.Post, SharingApi.SharesRoute, runner.Cookie,
            content: AccountClient.Json($$"""{"email": "{{athlete}}", "access": "Read"}"""));
        Assert.NotNull((await AccountClient.ProblemAsync(badAccess, HttpStatusCode.BadRequest))["errors"]!["access"]);
    }

    [Fact]
    public async Task Deleting_an_account_ends_every_session_and_token_and_leaves_no_row_of_the_runner_only_a_note_on_the_clinicians_list()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var clinician = await SignedInAsync(client, AccountRole.Clinician);
        await ShareAsync(client, runner, clinician.Email, "review");
        using (var visit = await AccountClient.SendAsync(client, HttpMethod.Post, $"{SharingApi.AthletesRoute}/{runner.RunnerId}/check-ins/clinician", clinician.Cookie,
            content: AccountClient.Json($$"""{"clearedForRehab": false, "note": "{{runner.Marker}} visit"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        }

        using var tokenResponse = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/tokens", runner.Cookie, content: AccountClient.Json("""{"name": "script"}"""));
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(Cancel))!["token"]!.GetValue<string>();
        var accountId = (await GetJsonAsync(client, "/api/session", runner.Cookie))["id"]!.GetValue<long>();

        using var wrong = await AccountClient.SendAsync(client, HttpMethod.Delete, AccountsApi.MeRoute, runner.Cookie, content: AccountClient.Json("""{"password": "not the password at all"}"""));
        Assert.NotNull((await AccountClient.ProblemAsync(wrong, HttpStatusCode.BadRequest))["errors"]!["password"]);
        await AssertStatusAsync(client, "/api/shoes", runner.Cookie, HttpStatusCode.OK, "after a wrong password");

        using var deleted = await AccountClient.SendAsync(client, HttpMethod.Delete, AccountsApi.MeRoute, runner.Cookie,
            content: AccountClient.Json($$"""{"password": "{{AccountClient.Password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using (var signIn = await AccountClient.SignInAsync(client, runner.Email))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        await AssertStatusAsync(client, "/api/shoes", runner.Cookie, HttpStatusCode.Unauthorized, "the old cookie");
        using (var byToken = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/shoes", bearer: token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        }

        var roster = (await GetJsonAsync(client, SharingApi.AthletesRoute, clinician.Cookie)).AsArray();
        Assert.Equal("deleted", roster.Single()!["status"]!.GetValue<string>());
        Assert.Null(roster[0]!["name"]);
        await AssertStatusAsync(client, $"{SharingApi.AthletesRoute}/{runner.RunnerId}/plan", clinician.Cookie, HttpStatusCode.NotFound, "a deleted runner");

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Cancel);
        var traces = DatabaseScan.Traces(connection, new ErasedRunner([runner.Email, runner.Marker], runner.RunnerId, accountId));
        Assert.True(traces.Count == 0, string.Join('\n', traces));
    }

    /// <summary>The GET routes under /api/athletes/{id}/ from the routing table, filled with the runner's id.</summary>
    private IEnumerable<string> AthleteReadRoutes(long runnerId)
    {
        foreach (var endpoint in app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                _ => "?",
            }))));
            if (route.StartsWith(SharingApi.AthletesRoute + "/{id}/", StringComparison.Ordinal)
                && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            {
                yield return route.Replace("{id}", runnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }
    }

    private async Task<Runner> SeedRunnerAsync(HttpClient client)
    {
        var (email, cookie) = await SignedInAsync(client, AccountRole.Athlete);
        var marker = $"mark-{Guid.NewGuid():N}"[..20];
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Fixtures.GeneratedFit()), "files", "run.fit" } };
        (HttpMethod, string, HttpContent)[] writes =
        [
            (HttpMethod.Post, "/api/imports", form),
            (HttpMethod.Post, "/api/shoes", AccountClient.Json($$"""{"name": "{{marker}}", "since": "2026-01-01"}""")),
            (HttpMethod.Post, "/api/assessments", PlanTests.Json(Fixtures.ExampleAnswers("answers-overload.json"))),
            (HttpMethod.Post, "/api/check-ins/pain", AccountClient.Json($$"""{"score": 4, "note": "{{marker}} note"}""")),
        ];
        foreach (var (method, path, content) in writes)
        {
            using var response = await AccountClient.SendAsync(client, method, path, cookie, content: content);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        }

        var runnerId = (await GetJsonAsync(client, "/api/session", cookie))["runnerId"]!.GetValue<long>();
        return new Runner(email, cookie, runnerId, marker);
    }

    private static async Task<long> ShareAsync(HttpClient client, Runner runner, string email, string access)
    {
        using var response = await AccountClient.SendAsync(client, HttpMethod.Post, SharingApi.SharesRoute, runner.Cookie,
            content: AccountClient.Json($$"""{"email": "{{email.ToUpperInvariant()}}", "access": "{{access}}"}"""));
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var share = JsonNode.Parse(text)!;
        Assert.Equal(email, share["email"]!.GetValue<string>());
        Assert.Equal(access, share["access"]!.GetValue<string>());
        return share["id"]!.GetValue<long>();
    }

    private async Task<(string Email, string Cookie)> SignedInAsync(HttpClient client, AccountRole role)
    {
        var email = AddAccount(role);
        return (email, await AccountClient.SignedInCookieAsync(client, email));
    }

    private string AddAccount(AccountRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        AccountClient.AddAccount(app, email, role);
        return email;
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, string cookie)
    {
        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, path, cookie);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task AssertStatusAsync(HttpClient client, string path, string cookie, HttpStatusCode expected, string when)
    {
        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, path, cookie);
        Assert.True(expected == response.StatusCode, $"GET {path} ({when}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }
}
