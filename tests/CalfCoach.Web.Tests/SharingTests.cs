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
        Assert.Equal($"{WebApp.Today:yyyy-MM-dd}", roster[0]!["lastCheckIn"]!.GetValue<string>());
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

        // The runner's export holds the same: who they share with and who looked.
        using var export = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/me/export", runner.Cookie);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Cancel)));
        JsonNode Entry(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return JsonNode.Parse(reader.ReadToEnd())!;
        }

        Assert.Equal(
            new[] { (reader.Email, "read"), (reviewer.Email, "review") }.Order(),
            Entry("shares.json")["shares"]!.AsArray().Select(s => (s!["email"]!.GetValue<string>(), s["access"]!.GetValue<string>())).Order());
        Assert.Equal(
            [(reviewer.Email, "record", "visit"), (reader.Email, "read", "plan")],
            Entry("audit.json")["events"]!.AsArray().Select(e => (e!["actorEmail"]!.GetValue<string>(), e["action"]!.GetValue<string>(), e["resource"]!.GetValue<string>())).Reverse());
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

    [Fact]
    public async Task The_pages_share_the_plan_in_words_list_the_runner_with_their_alerts_and_record_a_visit_only_with_review_access()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var clinician = await SignedInAsync(client, AccountRole.Clinician);
        var planPage = $"/athletes/{runner.RunnerId}/plan";

        await AssertStatusAsync(client, planPage, clinician.Cookie, HttpStatusCode.NotFound, "before sharing");
        await AssertStatusAsync(client, "/athletes", runner.Cookie, HttpStatusCode.NotFound, "a runner's own list of runners");

        // An address with no clinician's account is said in words, with nothing of the API's keys.
        var unknown = await PageAsync(client, HttpMethod.Post, "/sharing?handler=Share", runner.Cookie, HttpStatusCode.BadRequest,
            new Dictionary<string, string> { ["email"] = $"nobody-{Guid.NewGuid():N}@example.org", ["access"] = "read" });
        Assert.Contains("There is no clinician&#x27;s account with this address", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("email:", unknown, StringComparison.Ordinal);

        // The runner shares from the sharing page, to read only, with the address typed in capitals.
        var shared = await PageAsync(client, HttpMethod.Post, "/sharing?handler=Share", runner.Cookie, HttpStatusCode.OK,
            new Dictionary<string, string> { ["email"] = clinician.Email.ToUpperInvariant(), ["access"] = "read" });
        Assert.Contains($"{clinician.Email} can now read your plan", shared, StringComparison.Ordinal);

        // A pain of 8 is an alert on the clinician's list, with the runner's name and the advice in words.
        using (var pain = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/check-ins/pain", runner.Cookie, content: AccountClient.Json("""{"score": 8}""")))
        {
            Assert.Equal(HttpStatusCode.OK, pain.StatusCode);
        }

        using (var home = await AccountClient.SendAsync(client, HttpMethod.Get, "/", clinician.Cookie))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/athletes", home.Headers.Location?.OriginalString);
        }

        var roster = await PageAsync(client, HttpMethod.Get, "/athletes", clinician.Cookie, HttpStatusCode.OK);
        Assert.Contains(runner.Email, roster, StringComparison.Ordinal);
        Assert.Contains("High pain", roster, StringComparison.Ordinal);
        Assert.Contains(planPage, roster, StringComparison.Ordinal);
        var alerts = (await GetJsonAsync(client, SharingApi.AthletesRoute, clinician.Cookie))[0]!["alerts"]!.AsArray();
        Assert.Contains(alerts, a => a!["kind"]!.GetValue<string>() == "high-pain");

        // The runner's plan page, marked whose it is, with none of the runner's own forms and no visit form when read only.
        var plan = await PageAsync(client, HttpMethod.Get, planPage, clinician.Cookie, HttpStatusCode.OK);
        Assert.Contains($"{runner.Email}&#x27;s recovery plan", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Pain", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Clinician", plan, StringComparison.Ordinal);
        await PageAsync(client, HttpMethod.Post, planPage + "?handler=Pain", clinician.Cookie, HttpStatusCode.NotFound, new Dictionary<string, string> { ["score"] = "1" });
        await PageAsync(client, HttpMethod.Post, planPage + "?handler=Clinician", clinician.Cookie, HttpStatusCode.NotFound, new Dictionary<string, string> { ["cleared"] = "true" });

        // With review access the visit form is there, and the visit is recorded with the clinician's name and clears the alerts before it.
        await PageAsync(client, HttpMethod.Post, "/sharing?handler=Share", runner.Cookie, HttpStatusCode.OK,
            new Dictionary<string, string> { ["email"] = clinician.Email, ["access"] = "review" });
        Assert.Contains("handler=Clinician", await PageAsync(client, HttpMethod.Get, planPage, clinician.Cookie, HttpStatusCode.OK), StringComparison.Ordinal);
        var visited = await PageAsync(client, HttpMethod.Post, planPage + "?handler=Clinician", clinician.Cookie, HttpStatusCode.OK,
            new Dictionary<string, string> { ["note"] = "seen today" });
        Assert.Contains("Recorded the visit", visited, StringComparison.Ordinal);
        Assert.Empty((await GetJsonAsync(client, SharingApi.AthletesRoute, clinician.Cookie))[0]!["alerts"]!.AsArray());

        // The runner reads who looked, in words.
        var sharing = await PageAsync(client, HttpMethod.Get, "/sharing", runner.Cookie, HttpStatusCode.OK);
        Assert.Contains($"{clinician.Email} (clinician) recorded a visit", sharing, StringComparison.Ordinal);
        Assert.Contains($"{clinician.Email} (clinician) read your plan", sharing, StringComparison.Ordinal);
        Assert.Contains($"{clinician.Email} (clinician) saw you in their list of runners", sharing, StringComparison.Ordinal);

        // Stopping on the page is immediate.
        var shareId = (await GetJsonAsync(client, SharingApi.SharesRoute, runner.Cookie))[0]!["id"]!.GetValue<long>();
        var stopped = await PageAsync(client, HttpMethod.Post, "/sharing?handler=Revoke", runner.Cookie, HttpStatusCode.OK,
            new Dictionary<string, string> { ["id"] = shareId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains($"{clinician.Email} can no longer see your data", stopped, StringComparison.Ordinal);
        await AssertStatusAsync(client, planPage, clinician.Cookie, HttpStatusCode.NotFound, "after stopping");
    }

    [Fact]
    public async Task The_account_page_deletes_the_account_only_with_its_password()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var runner = await SeedRunnerAsync(client);
        var account = await PageAsync(client, HttpMethod.Get, "/account", runner.Cookie, HttpStatusCode.OK);
        Assert.Contains("/api/me/export", account, StringComparison.Ordinal);
        Assert.Contains("</strong> (runner).", account, StringComparison.Ordinal); // the role in words, not the API's "athlete"

        var refused = await PageAsync(client, HttpMethod.Post, "/account?handler=Delete", runner.Cookie, HttpStatusCode.BadRequest,
            new Dictionary<string, string> { ["password"] = "not the password at all" });
        Assert.Contains("The password is not right; nothing was deleted.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", refused, StringComparison.Ordinal);
        await AssertStatusAsync(client, "/api/shoes", runner.Cookie, HttpStatusCode.OK, "after a wrong password");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = AccountClient.Password });
        using var deleted = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=Delete", runner.Cookie, content: form);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/sign-in?deleted=true", deleted.Headers.Location?.OriginalString);
        await AssertStatusAsync(client, "/api/shoes", runner.Cookie, HttpStatusCode.Unauthorized, "the old cookie");
        using var signIn = await AccountClient.SignInAsync(client, runner.Email);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    private static async Task<string> PageAsync(HttpClient client, HttpMethod method, string path, string cookie, HttpStatusCode expected, Dictionary<string, string>? form = null)
    {
        using var content = form is null ? null : new FormUrlEncodedContent(form);
        using var response = await AccountClient.SendAsync(client, method, path, cookie, content: content);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 2000)]}");
        return text;
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
