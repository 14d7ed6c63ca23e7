using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CalfCoach.Core.Accounts;
using CalfCoach.Storage;
using CalfCoach.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CalfCoach.Web.Tests;

/// <summary>A server with accounts (sign-in required), as <c>serve</c> runs it on PostgreSQL.</summary>
public sealed class SignInApp : WebApp
{
    protected override bool RequireSignIn => true;
}

/// <summary>A server with accounts behind a proxy on this computer, so a test can be any client address (X-Forwarded-For).</summary>
public sealed class ThrottleApp : WebApp
{
    protected override bool RequireSignIn => true;

    protected override IReadOnlyList<IPAddress> KnownProxies => [IPAddress.Loopback];
}

/// <summary>Requests with cookies kept by hand (no cookie container), so every Set-Cookie attribute can be read.</summary>
internal static class AccountClient
{
    public const string Password = "correct horse battery staple";

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static HttpClient Create(Uri baseAddress) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public static StoredAccount AddAccount(WebApp app, string email, AccountRole role = AccountRole.Athlete, string password = Password)
    {
        var (account, error) = app.App.Services.GetRequiredService<AccountSessions>().Accounts.Create(email, password, role);
        return account ?? throw new InvalidOperationException(error!.Message);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookies = null, string? bearer = null, HttpContent? content = null, string? from = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }

        return await client.SendAsync(request, Cancel);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string? cookies = null, string? from = null) =>
        SendAsync(client, HttpMethod.Post, "/api/session", cookies, content: Json(new JsonObject { ["email"] = email, ["password"] = password }.ToJsonString()), from: from);

    /// <summary>The Set-Cookie line of <paramref name="name"/>.</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var lines) ? lines.Single(l => l.StartsWith(name + "=", StringComparison.Ordinal)) : throw new InvalidOperationException($"no Set-Cookie for {name}");

    /// <summary>"name=value" of a Set-Cookie line, for a Cookie header.</summary>
    public static string Pair(HttpResponseMessage response, string name) => SetCookie(response, name).Split(';')[0];

    public static async Task<string> SignedInCookieAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Pair(response, AccountSessions.SessionCookie);
    }

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }
}

/// <summary>Sessions, tokens, expiry, password changes and pages on a server with accounts.</summary>
public sealed class SignInTests(SignInApp app) : IClassFixture<SignInApp>
{
    private static CancellationToken Cancel => AccountClient.Cancel;

    private HttpClient Client() => AccountClient.Create(app.BaseAddress);

    [Theory]
    [InlineData("GET", "/api/weeks")]
    [InlineData("GET", "/api/plan")]
    [InlineData("GET", "/api/tokens")]
    [InlineData("POST", "/api/shoes")]
    [InlineData("GET", "/api/no-such-route")]
    public async Task An_anonymous_api_call_is_401_problem_never_a_redirect(string method, string path)
    {
        using var client = Client();

        using var response = await AccountClient.SendAsync(client, new HttpMethod(method), path, content: method == "POST" ? AccountClient.Json("{}") : null);

        var problem = await AccountClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Problems.SignInNeededType, problem["type"]!.GetValue<string>());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        SecurityHeaders.AssertPresent(response);
    }

    [Theory]
    [InlineData("/", "/sign-in?returnUrl=%2F")]
    [InlineData("/plan?asOf=2026-11-20", "/sign-in?returnUrl=%2Fplan%3FasOf%3D2026-11-20")]
    [InlineData("/account", "/sign-in?returnUrl=%2Faccount")]
    public async Task An_anonymous_page_request_is_sent_to_sign_in_with_where_it_was_going(string path, string location)
    {
        using var client = Client();

        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_and_its_assets_need_no_sign_in()
    {
        using var client = Client();

        using var page = await AccountClient.SendAsync(client, HttpMethod.Get, "/sign-in");
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var css = html[(html.IndexOf("/assets/site.css", StringComparison.Ordinal))..].Split('"')[0];
        using var stylesheet = await AccountClient.SendAsync(client, HttpMethod.Get, css);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_Lax_session_cookie_that_opens_pages_and_the_api_until_signing_out()
    {
        var account = AccountClient.AddAccount(app, "Session.Runner@example.org");
        using var client = Client();

        using var signIn = await AccountClient.SignInAsync(client, "session.runner@EXAMPLE.org");
        var cookie = AccountClient.SetCookie(signIn, AccountSessions.SessionCookie);
        var session = AccountClient.Pair(signIn, AccountSessions.SessionCookie);

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
        using (var me = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", session))
        {
            var body = JsonNode.Parse(await me.Content.ReadAsStringAsync(Cancel))!;
            Assert.Equal(account.Id, body["id"]!.GetValue<long>());
            Assert.Equal("athlete", body["role"]!.GetValue<string>());
            Assert.Equal(account.RunnerId, body["runnerId"]!.GetValue<long>());
        }

        using (var weeks = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", session))
        {
            Assert.Equal(HttpStatusCode.OK, weeks.StatusCode);
        }

        using (var page = await AccountClient.SendAsync(client, HttpMethod.Get, "/account", session))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Session.Runner@example.org", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var signOut = await AccountClient.SendAsync(client, HttpMethod.Delete, "/api/session", session))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        using var after = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", session);
        await AccountClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_again_gives_a_new_session_and_ends_the_one_the_browser_had()
    {
        AccountClient.AddAccount(app, "again@example.org");
        using var client = Client();
        var first = await AccountClient.SignedInCookieAsync(client, "again@example.org");

        using var again = await AccountClient.SignInAsync(client, "again@example.org", cookies: first);
        var second = AccountClient.Pair(again, AccountSessions.SessionCookie);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", second)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        AccountClient.AddAccount(app, "known@example.org");
        using var client = Client();

        using var unknown = await AccountClient.SignInAsync(client, "unknown@example.org");
        using var wrong = await AccountClient.SignInAsync(client, "known@example.org", "not the password at all");

        var first = await AccountClient.ProblemAsync(unknown, HttpStatusCode.Unauthorized);
        var second = await AccountClient.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        first.AsObject().Remove("traceId");
        second.AsObject().Remove("traceId");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.False(unknown.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_token_is_shown_once_opens_the_api_to_scripts_and_stops_when_revoked()
    {
        AccountClient.AddAccount(app, "scripts@example.org");
        var other = AccountClient.AddAccount(app, "someone.else@example.org");
        var otherToken = app.App.Services.GetRequiredService<AccountSessions>().Store.CreateApiToken(other.Id, "theirs");
        using var client = Client();
        var session = await AccountClient.SignedInCookieAsync(client, "scripts@example.org");

        using var created = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/tokens", session, content: AccountClient.Json("""{"name": "laptop import"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync(Cancel))!;
        var id = body["id"]!.GetValue<long>();
        var token = body["token"]!.GetValue<string>();

        using (var list = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/tokens", bearer: token))
        {
            var text = await list.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains("laptop import", text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        }

        using (var weeks = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", bearer: token))
        {
            Assert.Equal(HttpStatusCode.OK, weeks.StatusCode);
        }

        using (var notMine = await AccountClient.SendAsync(client, HttpMethod.Delete, $"/api/tokens/{otherToken.Id}", session))
        {
            await AccountClient.ProblemAsync(notMine, HttpStatusCode.NotFound);
        }

        using (var revoked = await AccountClient.SendAsync(client, HttpMethod.Delete, $"/api/tokens/{id}", session))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", bearer: token);
        await AccountClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
        using var theirs = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", bearer: otherToken.Token);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Theory]
    [InlineData("""{"name": ""}""")]
    [InlineData("""{"name": "a\u0007b"}""")]
    public async Task A_token_name_is_checked_by_the_core_rule(string body)
    {
        AccountClient.AddAccount(app, $"names-{Guid.NewGuid():N}@example.org");
        var email = AccountClient.AddAccount(app, $"names-{Guid.NewGuid():N}@example.org").Email;
        using var client = Client();
        var session = await AccountClient.SignedInCookieAsync(client, email);

        using var response = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/tokens", session, content: AccountClient.Json(body));

        Assert.NotNull((await AccountClient.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!["name"]);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_use_keeps_it_only_up_to_14_days()
    {
        AccountClient.AddAccount(app, "expiry@example.org");
        using var client = Client();
        var idle = await AccountClient.SignedInCookieAsync(client, "expiry@example.org");
        var busy = await AccountClient.SignedInCookieAsync(client, "expiry@example.org");
        var started = app.Clock.GetUtcNow();

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", busy)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", idle)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", busy)).StatusCode);

        // Used every 29 minutes, it never idles out, and still ends 14 days after signing in.
        while (app.Clock.GetUtcNow() + TimeSpan.FromMinutes(29) < started + AccountSessions.AbsoluteLifetime)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(29));
            using var used = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", busy);
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }

        app.Clock.SetUtcNow(started + AccountSessions.AbsoluteLifetime);
        using var ended = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", busy);
        await AccountClient.ProblemAsync(ended, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_on_the_account_page_ends_every_session_and_token()
    {
        AccountClient.AddAccount(app, "changer@example.org");
        using var client = Client();
        var here = await AccountClient.SignedInCookieAsync(client, "changer@example.org");
        var elsewhere = await AccountClient.SignedInCookieAsync(client, "changer@example.org");
        using var created = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/tokens", here, content: AccountClient.Json("""{"name": "cron"}"""));
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync(Cancel))!["token"]!.GetValue<string>();

        using var wrong = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=Password", here, content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["currentPassword"] = "not it at all", ["newPassword"] = "a brand new passphrase" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        using var changed = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=Password", here, content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["currentPassword"] = AccountClient.Password, ["newPassword"] = "a brand new passphrase" }));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/sign-in?changed=true", changed.Headers.Location!.OriginalString);
        foreach (var (cookie, bearer) in new (string?, string?)[] { (here, null), (elsewhere, null), (null, token) })
        {
            using var after = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", cookie, bearer);
            await AccountClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
        }

        using var old = await AccountClient.SignInAsync(client, "changer@example.org");
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await AccountClient.SignedInCookieAsync(client, "changer@example.org", "a brand new passphrase");
    }

    [Theory]
    [InlineData("/plan", "/plan")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    public async Task The_sign_in_form_returns_to_local_addresses_only(string returnUrl, string location)
    {
        AccountClient.AddAccount(app, $"form-{Guid.NewGuid():N}@example.org");
        var email = AccountClient.AddAccount(app, $"form-{Guid.NewGuid():N}@example.org").Email;
        using var client = Client();

        using var response = await AccountClient.SendAsync(client, HttpMethod.Post, "/sign-in", content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = email, ["password"] = AccountClient.Password, ["returnUrl"] = returnUrl }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.StartsWith(AccountSessions.SessionCookie + "=", AccountClient.SetCookie(response, AccountSessions.SessionCookie), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_with_a_session_cookie_needs_no_anti_forgery_token_but_another_site_cannot_ask_for_it()
    {
        AccountClient.AddAccount(app, "csrf@example.org");
        using var client = Client();
        var session = await AccountClient.SignedInCookieAsync(client, "csrf@example.org");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = AccountClient.Json("""{"name": "from evil"}""") };
        request.Headers.Add("Cookie", session);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var crossSite = await client.SendAsync(request, Cancel);
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = AccountClient.Json("""{"name": "from the page"}""") };
        sameOrigin.Headers.Add("Cookie", session);
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var fromThePage = await client.SendAsync(sameOrigin, Cancel);

        await AccountClient.ProblemAsync(crossSite, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, fromThePage.StatusCode);
    }

    [Fact]
    public async Task The_sign_out_button_ends_the_session_and_returns_to_sign_in()
    {
        AccountClient.AddAccount(app, "button@example.org");
        using var client = Client();
        var session = await AccountClient.SignedInCookieAsync(client, "button@example.org");
        using var page = await AccountClient.SendAsync(client, HttpMethod.Get, "/account", session);
        Assert.Contains("data-sign-out", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var signOut = await AccountClient.SendAsync(client, HttpMethod.Post, "/sign-out", session, content: new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/sign-in", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", session)).StatusCode);
    }

    [Fact]
    public async Task The_api_description_is_public_and_lists_the_account_routes()
    {
        using var client = Client();

        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, "/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"/api/session\"", text, StringComparison.Ordinal);
        Assert.Contains("\"/api/tokens/{id}\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"email": "a@b.cd"}""")]
    [InlineData("""{"email": 1e308, "password": []}""")]
    [InlineData("""{"email": "LONG", "password": "LONG"}""")]
    [InlineData("""{"email": "a@b.cd", "password": "x", "password": "y"}""")]
    public async Task A_hostile_sign_in_body_is_a_4xx_problem(string body)
    {
        using var client = Client();

        using var response = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/session",
            content: AccountClient.Json(body.Replace("LONG", new string('x', 20_000), StringComparison.Ordinal)));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_switches_self_registration_on_and_an_athlete_then_registers_with_a_runner_of_their_own()
    {
        AccountClient.AddAccount(app, "admin@example.org", AccountRole.Admin);
        AccountClient.AddAccount(app, "athlete.not.admin@example.org");
        using var client = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await AccountClient.SendAsync(client, HttpMethod.Get, "/register")).StatusCode);
        var athlete = await AccountClient.SignedInCookieAsync(client, "athlete.not.admin@example.org");
        using (var refused = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=SelfRegistration", athlete, content: new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = "true" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var admin = await AccountClient.SignedInCookieAsync(client, "admin@example.org");
        using (var on = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=SelfRegistration", admin, content: new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = "true" })))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        using var registered = await AccountClient.SendAsync(client, HttpMethod.Post, "/register", content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = "new.runner@example.org", ["password"] = "twelve chars at least" }));
        using var tooShort = await AccountClient.SendAsync(client, HttpMethod.Post, "/register", content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = "short@example.org", ["password"] = "short" }));
        using var off = await AccountClient.SendAsync(client, HttpMethod.Post, "/account?handler=SelfRegistration", admin, content: new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = "false" }));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        using var me = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/session", AccountClient.Pair(registered, AccountSessions.SessionCookie));
        Assert.NotNull(JsonNode.Parse(await me.Content.ReadAsStringAsync(Cancel))!["runnerId"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AccountClient.SendAsync(client, HttpMethod.Get, "/register")).StatusCode);
    }
}

/// <summary>Sign-in throttling per address and per account, and the device cookie that keeps a known browser out of the latter.</summary>
public sealed class SignInThrottleTests(ThrottleApp app) : IClassFixture<ThrottleApp>
{
    private HttpClient Client() => AccountClient.Create(app.BaseAddress);

    [Fact]
    public async Task Twenty_failures_from_one_address_make_it_wait_even_with_the_right_password_while_others_sign_in()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        AccountClient.AddAccount(app, "address.victim@example.org");
        using var client = Client();
        for (var i = 0; i < AccountSessions.FailuresPerAddress; i++)
        {
            using var failed = await AccountClient.SignInAsync(client, $"guess{i}@example.org", from: "198.51.100.7");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await AccountClient.SignInAsync(client, "address.victim@example.org", from: "198.51.100.7");
        using var elsewhere = await AccountClient.SignInAsync(client, "address.victim@example.org", from: "198.51.100.8");

        var problem = await AccountClient.ProblemAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Equal(Problems.TooManySignIns, problem["type"]!.GetValue<string>());
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.NoContent, elsewhere.StatusCode);

        app.Clock.Advance(AccountSessions.FailureWindow);
        using var later = await AccountClient.SignInAsync(client, "address.victim@example.org", from: "198.51.100.7");
        Assert.Equal(HttpStatusCode.NoContent, later.StatusCode);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_holds_up_new_browsers_but_not_one_that_signed_in_before()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        AccountClient.AddAccount(app, "clinician@example.org", AccountRole.Clinician);
        using var client = Client();
        using var earlier = await AccountClient.SignInAsync(client, "clinician@example.org", from: "192.0.2.10");
        var device = AccountClient.Pair(earlier, AccountSessions.DeviceCookie);
        Assert.Contains("expires", AccountClient.SetCookie(earlier, AccountSessions.DeviceCookie), StringComparison.OrdinalIgnoreCase);

        for (var i = 0; i < AccountSessions.FailuresPerAccount; i++)
        {
            using var failed = await AccountClient.SignInAsync(client, "CLINICIAN@example.org", "a wrong guess here", from: $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var newBrowser = await AccountClient.SignInAsync(client, "clinician@example.org", from: "192.0.2.11");
        using var knownBrowser = await AccountClient.SignInAsync(client, "clinician@example.org", cookies: device, from: "192.0.2.10");

        await AccountClient.ProblemAsync(newBrowser, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.NoContent, knownBrowser.StatusCode);
    }

    [Fact]
    public async Task A_device_cookie_of_another_account_or_a_forged_one_is_no_exemption()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        AccountClient.AddAccount(app, "target@example.org");
        AccountClient.AddAccount(app, "attacker@example.org");
        using var client = Client();
        using var own = await AccountClient.SignInAsync(client, "attacker@example.org", from: "192.0.2.50");
        var attackerDevice = AccountClient.Pair(own, AccountSessions.DeviceCookie);
        for (var i = 0; i < AccountSessions.FailuresPerAccount; i++)
        {
            using var failed = await AccountClient.SignInAsync(client, "target@example.org", "a wrong guess here", from: $"203.0.113.{i + 100}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var borrowed = await AccountClient.SignInAsync(client, "target@example.org", cookies: attackerDevice, from: "192.0.2.51");
        using var forged = await AccountClient.SignInAsync(client, "target@example.org", cookies: AccountSessions.DeviceCookie + "=CfDJ8forged", from: "192.0.2.52");

        await AccountClient.ProblemAsync(borrowed, HttpStatusCode.TooManyRequests);
        await AccountClient.ProblemAsync(forged, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Registration_attempts_count_against_their_address_so_it_cannot_create_or_probe_accounts_in_bulk()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        app.App.Services.GetRequiredService<AccountSessions>().Store.SelfRegistration = true;
        using var client = Client();
        for (var i = 0; i < AccountSessions.FailuresPerAddress; i++)
        {
            using var registered = await AccountClient.SendAsync(client, HttpMethod.Post, "/register", from: "198.51.100.99", content: new FormUrlEncodedContent(
                new Dictionary<string, string> { ["email"] = $"bulk{i}@example.org", ["password"] = "twelve chars at least" }));
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var refused = await AccountClient.SendAsync(client, HttpMethod.Post, "/register", from: "198.51.100.99", content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = "one.more@example.org", ["password"] = "twelve chars at least" }));
        using var elsewhere = await AccountClient.SendAsync(client, HttpMethod.Post, "/register", from: "198.51.100.98", content: new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = "one.more@example.org", ["password"] = "twelve chars at least" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        app.App.Services.GetRequiredService<AccountSessions>().Store.SelfRegistration = false;
    }

    [Fact]
    public async Task Cookies_are_Secure_for_a_client_beyond_this_computer_and_not_on_loopback()
    {
        AccountClient.AddAccount(app, "secure@example.org");
        using var client = Client();

        using var remote = await AccountClient.SignInAsync(client, "secure@example.org", from: "192.0.2.80");
        using var local = await AccountClient.SignInAsync(client, "secure@example.org");

        Assert.Contains("; secure", AccountClient.SetCookie(remote, AccountSessions.SessionCookie), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", AccountClient.SetCookie(remote, AccountSessions.DeviceCookie), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", AccountClient.SetCookie(local, AccountSessions.SessionCookie), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Two app instances on one database: what one signs in, the other accepts, and what one ends, the other refuses.</summary>
public sealed class TwoInstancesSignInTests(SignInApp app) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task A_cookie_token_and_device_cookie_from_one_instance_work_on_another_over_the_same_database()
    {
        AccountClient.AddAccount(app, "two.nodes@example.org");
        using var first = AccountClient.Create(app.BaseAddress);
        using var signIn = await AccountClient.SignInAsync(first, "two.nodes@example.org");
        var session = AccountClient.Pair(signIn, AccountSessions.SessionCookie);
        var device = AccountClient.Pair(signIn, AccountSessions.DeviceCookie);
        using var created = await AccountClient.SendAsync(first, HttpMethod.Post, "/api/tokens", session, content: AccountClient.Json("""{"name": "node test"}"""));
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync(AccountClient.Cancel))!["token"]!.GetValue<string>();

        using var database = Database.OpenSqlite(app.DatabasePath, app.Clock);
        await using var other = CalfCoachWeb.Create(new CalfCoachWebOptions
        {
            Database = database,
            Urls = ["http://127.0.0.1:0"],
            Clock = app.Clock,
            TemporaryFolder = app.UploadFolder,
            RequireSignIn = true,
        });
        await other.StartAsync(AccountClient.Cancel);
        var address = new UriBuilder(other.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) { Host = "127.0.0.1" }.Uri;
        using var second = AccountClient.Create(address);

        using (var bySession = await AccountClient.SendAsync(second, HttpMethod.Get, "/api/weeks", session))
        using (var byToken = await AccountClient.SendAsync(second, HttpMethod.Get, "/api/weeks", bearer: token))
        {
            Assert.Equal(HttpStatusCode.OK, bySession.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        }

        // The device cookie made by the first instance's keys is read by the second (keys shared through the database).
        var protector = other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CalfCoach.DeviceCookie.v1");
        Assert.StartsWith("two.nodes@example.org\n", protector.Unprotect(Uri.UnescapeDataString(device.Split('=', 2)[1])), StringComparison.Ordinal);

        using (var signOut = await AccountClient.SendAsync(second, HttpMethod.Delete, "/api/session", session))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        using var afterSignOut = await AccountClient.SendAsync(first, HttpMethod.Get, "/api/weeks", session);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
        await other.StopAsync(AccountClient.Cancel);
    }
}

/// <summary>Without sign-in (the local SQLite default) there are no account routes and every request is the local runner.</summary>
public sealed class NoSignInTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/account")]
    [InlineData("/register")]
    [InlineData("/api/session")]
    [InlineData("/api/tokens")]
    public async Task Account_routes_do_not_exist(string path)
    {
        using var response = await app.Client.GetAsync(path, AccountClient.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_current_runner_is_the_local_runner()
    {
        using var scope = app.App.Services.CreateScope();
        var current = scope.ServiceProvider.GetRequiredService<CurrentRunner>();

        Assert.Null(current.Account);
        Assert.Equal(CurrentRunner.LocalRunnerId, current.RunnerId);
    }
}
