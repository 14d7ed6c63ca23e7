using System.Globalization;
using System.Security.Claims;
using CalfCoach.Core.Accounts;

namespace CalfCoach.Web.Accounts;

/// <summary>The signed-in account as the rest of the app sees it.</summary>
/// <param name="RunnerId">The runner whose data the account owns (athletes); null for clinicians and admins.</param>
public sealed record SignedInAccount(long Id, string Email, AccountRole Role, long? RunnerId)
{
    internal const string RunnerIdClaim = "calfcoach:runner_id";

    internal ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, Email),
            new(ClaimTypes.Role, AccountRoles.Name(Role)),
        };
        if (RunnerId is { } runner)
        {
            claims.Add(new Claim(RunnerIdClaim, runner.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Email, ClaimTypes.Role));
    }

    /// <summary>The account of an authenticated principal made by <see cref="ToPrincipal"/>, else null.</summary>
    public static SignedInAccount? From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true }
            || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !AccountRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        long? runner = long.TryParse(user.FindFirstValue(RunnerIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        return new SignedInAccount(id, user.FindFirstValue(ClaimTypes.Email) ?? string.Empty, role, runner);
    }
}

/// <summary>
/// Whose data a request is about: the one seam through which routes learn the runner (a later step scopes every store by
/// <see cref="RunnerId"/>). With sign-in required it is the signed-in account's runner; without, the implicit local runner.
/// </summary>
public sealed class CurrentRunner(IHttpContextAccessor accessor, CalfCoachWebOptions options)
{
    /// <summary>The runner of a database without sign-in (the local SQLite default): every request is theirs.</summary>
    public const long LocalRunnerId = 1;

    /// <summary>True when the server has accounts (<see cref="CalfCoachWebOptions.RequireSignIn"/>).</summary>
    public bool SignInRequired => options.RequireSignIn;

    /// <summary>The signed-in account; null without sign-in and for an anonymous request.</summary>
    public SignedInAccount? Account => options.RequireSignIn ? SignedInAccount.From(accessor.HttpContext?.User) : null;

    /// <summary>The runner whose data the request may see: the local runner without sign-in; an athlete's own; null for others.</summary>
    public long? RunnerId => options.RequireSignIn ? Account?.RunnerId : LocalRunnerId;
}
