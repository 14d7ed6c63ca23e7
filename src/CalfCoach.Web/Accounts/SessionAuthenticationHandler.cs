using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CalfCoach.Web.Accounts;

/// <summary>
/// The one authentication scheme of a server with sign-in: <c>Authorization: Bearer TOKEN</c> (scripts) or the session
/// cookie (pages, and the pages' own API calls), each looked up by its SHA-256 in the database on every request, so
/// several server processes share sessions and a signed-out session or a changed password counts at once everywhere.
/// </summary>
/// <remarks>
/// Not the framework's cookie handler: its cookie is an encrypted ticket that stays valid until it expires wherever it is
/// shown (or, with a ticket store, an encrypted key to one). An opaque random token looked up in the sessions table needs no
/// key to validate and can be ended by deleting a row.
/// </remarks>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CalfCoach";

    /// <summary>The most characters of a token worth hashing; ours are 43 (46 with the prefix).</summary>
    private const int MaxTokenLength = 200;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            const string bearer = "Bearer ";
            if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(AuthenticateResult.Fail("Only bearer tokens are accepted."));
            }

            var token = authorization[bearer.Length..].Trim();
            return Task.FromResult(token.Length is > 0 and <= MaxTokenLength && sessions.Store.FindByApiToken(token) is { } owner
                ? Success(new SignedInAccount(owner.Id, owner.Email, owner.Role, owner.RunnerId), "token")
                : AuthenticateResult.Fail("Unknown or revoked token."));
        }

        if (Request.Cookies[AccountSessions.SessionCookie] is { Length: > 0 and <= MaxTokenLength } cookie && sessions.FindSession(cookie) is { } session)
        {
            var account = session.Account;
            return Task.FromResult(Success(new SignedInAccount(account.Id, account.Email, account.Role, account.RunnerId), "session"));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    /// <summary>The API (and anything sent with a token) answers 401 with a problem; a page sends the browser to sign in.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request) || Request.Headers.Authorization.Count > 0)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.SignInNeeded().ExecuteAsync(Context);
            return;
        }

        Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Problems.NotAllowed().ExecuteAsync(Context);

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static AuthenticateResult Success(SignedInAccount account, string method) =>
        AuthenticateResult.Success(new AuthenticationTicket(account.ToPrincipal(method), SchemeName));
}
