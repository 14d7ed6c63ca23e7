using System.Globalization;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Accounts;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>
/// Sessions and API tokens of a server with sign-in (<see cref="CalfCoachWebOptions.RequireSignIn"/>); not mapped without it.
/// The sign-in and account pages call the same methods.
/// </summary>
public static class AccountsApi
{
    public const string SessionRoute = "/api/session";
    public const string TokensRoute = "/api/tokens";
    public const string MeRoute = "/api/me";

    /// <summary>The paths that take DELETE (the method guard lets it through there only).</summary>
    public static readonly PathString[] DeletePaths = [SessionRoute, TokensRoute, SharingApi.SharesRoute, MeRoute];

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup(SessionRoute).WithTags("Accounts").ProducesServerProblem();
        session.MapPost("/", SignIn).WithName("SignIn").AllowAnonymous()
            .WithSummary("Sign in: a session cookie (HttpOnly; 30 minutes idle, 14 days at most) for the browser and its API calls.")
            .WithJsonBody<SessionRequest>().ProducesProblems([.. OpenApiContracts.JsonBodyProblems, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests]);
        session.MapGet("/", Current).WithName("CurrentAccount").WithSummary("The signed-in account.")
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        session.MapDelete("/", SignOut).WithName("SignOut").AllowAnonymous().WithSummary("Sign out: ends this session (nothing to end is fine too).");

        var tokens = app.MapGroup(TokensRoute).WithTags("Accounts").ProducesServerProblem().ProducesProblems(StatusCodes.Status401Unauthorized);
        tokens.MapPost("/", CreateToken).WithName("CreateToken")
            .WithSummary("A token for scripts (Authorization: Bearer TOKEN). The token is in this answer only; a password change ends it.")
            .WithJsonBody<TokenRequest>().ProducesProblems(OpenApiContracts.JsonBodyProblems);
        tokens.MapGet("/", ListTokens).WithName("ListTokens").WithSummary("The account's tokens, without the tokens themselves.");
        tokens.MapDelete("/{id:long}", RevokeToken).WithName("RevokeToken").WithSummary("Revoke one of the account's tokens.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        app.MapDelete(MeRoute, DeleteMe).WithTags("Accounts").WithName("DeleteAccount").ProducesServerProblem()
            .WithSummary("Delete your account and every piece of your data, for good (your password in the body). Sessions and tokens end at once; export first if you want a copy.")
            .WithJsonBody<DeleteAccountRequest>().ProducesProblems([.. OpenApiContracts.JsonBodyProblems, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound]);
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMe(
        HttpContext context, AccountSessions sessions, CurrentRunner current, RunnerDirectory directory, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, options.MaxJsonBytes, WebJsonContext.Default.DeleteAccountRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (current.Account is not { } account)
        {
            return Problems.SignInNeeded();
        }

        return TryDelete(context, sessions, directory, account, body.Password) ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }

    /// <summary>
    /// Erases the signed-in athlete's account and data when <paramref name="password"/> is theirs (so a session left open
    /// cannot), ends this browser's session and drops anything of theirs this process keeps in memory.
    /// </summary>
    /// <returns>Null when erased; else the problem (a wrong password, or an account that owns no runner data).</returns>
    public static ProblemHttpResult? TryDelete(HttpContext context, AccountSessions sessions, RunnerDirectory directory, SignedInAccount account, string? password)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(account);
        if (account.Role != AccountRole.Athlete || account.RunnerId is not { } runner)
        {
            return Problems.Missing("account", "only a runner's account can be deleted here; an admin removes clinicians' and admins' accounts.");
        }

        if (sessions.Accounts.Verify(account.Email, password) is not { } verified || verified.Id != account.Id)
        {
            return Problems.Invalid("password", "the password is not right; nothing was deleted.");
        }

        if (!sessions.Store.DeleteAthlete(account.Id))
        {
            return Problems.Missing("account", "this account no longer exists.");
        }

        directory.Forget(new Storage.RunnerId(runner));
        sessions.SignOut(context);
        context.Response.Cookies.Delete(AccountSessions.DeviceCookie, AccountSessions.CookieOptions(context, expires: null));
        return null;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignIn(HttpContext context, AccountSessions sessions, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, options.MaxJsonBytes, WebJsonContext.Default.SessionRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        return Answer(context, sessions.SignIn(context, body.Email, body.Password)) ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }

    /// <summary>The problem for a refused or throttled sign-in (with Retry-After), or null when signed in.</summary>
    public static ProblemHttpResult? Answer(HttpContext context, SignInOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                return null;
            case SignInStatus.Throttled:
                context.Response.Headers.RetryAfter = Math.Ceiling(outcome.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Problems.Throttled(outcome.RetryAfter);
            default:
                return Problems.BadCredentials();
        }
    }

    public static Results<Ok<AccountDocument>, ProblemHttpResult> Current(CurrentRunner current) =>
        current.Account is { } account
            ? TypedResults.Ok(new AccountDocument(account.Id, account.Email, AccountRoles.Name(account.Role), account.RunnerId))
            : Problems.SignInNeeded();

    public static NoContent SignOut(HttpContext context, AccountSessions sessions)
    {
        sessions.SignOut(context);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<NewTokenDocument>, ProblemHttpResult>> CreateToken(
        HttpRequest request, AccountSessions sessions, CurrentRunner current, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, options.MaxJsonBytes, WebJsonContext.Default.TokenRequest, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (current.Account is not { } account)
        {
            return Problems.SignInNeeded();
        }

        var created = TryCreateToken(sessions, account, body.Name, out var error);
        return created is null ? Problems.Invalid(error!) : TypedResults.Created($"{TokensRoute}/{created.Id}", created);
    }

    /// <returns>The new token, or null with the error keyed <c>name</c>.</returns>
    public static NewTokenDocument? TryCreateToken(AccountSessions sessions, SignedInAccount account, string? name, out InputError? error)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(account);
        var checkedName = InputRules.TokenName.Check("name", name);
        error = checkedName.Error;
        if (error is not null)
        {
            return null;
        }

        var (id, token) = sessions.Store.CreateApiToken(account.Id, checkedName.Value!);
        return new NewTokenDocument(id, checkedName.Value!, token);
    }

    public static Results<Ok<TokenDocument[]>, ProblemHttpResult> ListTokens(AccountSessions sessions, CurrentRunner current) =>
        current.Account is { } account ? TypedResults.Ok(Tokens(sessions, account)) : Problems.SignInNeeded();

    public static TokenDocument[] Tokens(AccountSessions sessions, SignedInAccount account)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(account);
        return [.. sessions.Store.ListApiTokens(account.Id).Select(t => new TokenDocument(t.Id, t.Name, t.Created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))];
    }

    public static Results<NoContent, ProblemHttpResult> RevokeToken(long id, AccountSessions sessions, CurrentRunner current)
    {
        if (current.Account is not { } account)
        {
            return Problems.SignInNeeded();
        }

        // Another account's token is "not found" too: its existence is not this account's business.
        return sessions.Store.DeleteApiToken(account.Id, id)
            ? TypedResults.NoContent()
            : Problems.Missing("id", $"this account has no token {id}.");
    }
}
