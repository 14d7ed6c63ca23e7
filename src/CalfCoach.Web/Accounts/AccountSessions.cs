using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CalfCoach.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CalfCoach.Web.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInStatus
{
    SignedIn,

    /// <summary>Unknown address or wrong password: one answer for both.</summary>
    Refused,

    /// <summary>Too many failures from this address, or against this account without its device cookie: wait <see cref="SignInOutcome.RetryAfter"/>.</summary>
    Throttled,
}

public sealed record SignInOutcome(SignInStatus Status, TimeSpan RetryAfter = default);

/// <summary>
/// Sessions in cookies, sign-in with its throttle, and the device cookie: shared by <c>POST /api/session</c> and the
/// sign-in page, read by <see cref="SessionAuthenticationHandler"/> on every request.
/// </summary>
/// <remarks>
/// Throttle (counted in the database, so every server process sees the same counts): at most
/// <see cref="FailuresPerAddress"/> failures from one address and <see cref="FailuresPerAccount"/> against one account in
/// <see cref="FailureWindow"/>. The account's limit counts only attempts without a device cookie for that account (OWASP's
/// "device cookies"): a browser that once signed in to the account carries a cookie saying so, protected by the shared
/// data-protection keys, and its attempts are counted on their own. So a guesser elsewhere can lock out only the browsers
/// the real person never used, never the clinician's own.
/// </remarks>
public sealed class AccountSessions
{
    public const string SessionCookie = "calfcoach-session";
    public const string DeviceCookie = "calfcoach-device";
    public const int FailuresPerAddress = 20;
    public const int FailuresPerAccount = 10;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(14);

    /// <summary>A session's last use is written at most this often (the idle timeout is measured from it).</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan DeviceCookieLifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _deviceProtector;
    private readonly TimeProvider _clock;

    public AccountSessions(CalfCoachWebOptions options, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(protection);
        Accounts = new AccountService(options.Database);
        _clock = options.Clock;
        _deviceProtector = protection.CreateProtector("CalfCoach.DeviceCookie.v1");
    }

    public AccountService Accounts { get; }

    public AccountStore Store => Accounts.Store;

    /// <summary>
    /// Checks the address and password within the throttle; on success starts a session and sets its cookie and a fresh
    /// device cookie on <paramref name="context"/>'s response.
    /// </summary>
    public SignInOutcome SignIn(HttpContext context, string? email, string? password)
    {
        ArgumentNullException.ThrowIfNull(context);
        email = (email ?? string.Empty).Trim();
        if (email.Length > Core.Validation.InputRules.Email.MaxLength)
        {
            email = email[..Core.Validation.InputRules.Email.MaxLength];
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var device = ReadDeviceCookie(context, email);
        var counts = Store.CountSignInFailures(address, email, device, FailureWindow);
        var now = _clock.GetUtcNow();
        if (counts.ByAddress >= FailuresPerAddress)
        {
            return new SignInOutcome(SignInStatus.Throttled, Wait(counts.OldestByAddress, now));
        }

        if (counts.ByAccount >= FailuresPerAccount)
        {
            return new SignInOutcome(SignInStatus.Throttled, Wait(counts.OldestByAccount, now));
        }

        if (Accounts.Verify(email, password) is not { } account)
        {
            Store.RecordSignInFailure(address, email, device, FailureWindow);
            return new SignInOutcome(SignInStatus.Refused);
        }

        StartSession(context, account);
        return new SignInOutcome(SignInStatus.SignedIn);
    }

    /// <summary>
    /// Counts a self-registration attempt against its address as a failed sign-in would (not against any account), so one
    /// address can neither create accounts in bulk nor probe which addresses have one faster than it could guess passwords.
    /// </summary>
    /// <returns>False, with how long to wait, when the address has used up its attempts.</returns>
    public bool TryCountRegistration(HttpContext context, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var counts = Store.CountSignInFailures(address, string.Empty, null, FailureWindow);
        if (counts.ByAddress >= FailuresPerAddress)
        {
            retryAfter = Wait(counts.OldestByAddress, _clock.GetUtcNow());
            return false;
        }

        Store.RecordSignInFailure(address, string.Empty, null, FailureWindow);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    /// <summary>Starts a session for <paramref name="account"/> (signed in, or just registered) and sets both cookies.</summary>
    public void StartSession(HttpContext context, StoredAccount account)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(account);
        // A browser signing in again leaves no session behind: the one its cookie named (anyone's) ends here.
        if (context.Request.Cookies[SessionCookie] is { Length: > 0 } previous)
        {
            Store.DeleteSession(previous);
        }

        var token = Store.CreateSession(account.Id, AbsoluteLifetime, IdleTimeout);

        // A session cookie (no Expires): the browser forgets it when closed; the server ends it at idle or absolute expiry.
        context.Response.Cookies.Append(SessionCookie, token, CookieOptions(context, expires: null));
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var device = _deviceProtector.Protect(string.Create(CultureInfo.InvariantCulture, $"{Core.Validation.EmailRule.Normalize(account.Email)}\n{nonce}"));
        context.Response.Cookies.Append(DeviceCookie, device, CookieOptions(context, _clock.GetUtcNow() + DeviceCookieLifetime));
    }

    /// <summary>Ends the request's session (if any) and clears its cookie; the device cookie stays (it is not a sign-in).</summary>
    public void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[SessionCookie] is { Length: > 0 } token)
        {
            Store.DeleteSession(token);
        }

        context.Response.Cookies.Delete(SessionCookie, CookieOptions(context, expires: null));
    }

    /// <summary>The live session of a cookie's token, or null.</summary>
    public StoredSession? FindSession(string token) => Store.FindSession(token, IdleTimeout, TouchEvery);

    /// <summary>
    /// HttpOnly (no script reads it), SameSite=Lax (not sent with another site's POSTs), and Secure unless the request is
    /// from this computer (plain HTTP on loopback is how a developer and the tests use it; anything else needs HTTPS, which
    /// a reverse proxy provides).
    /// </summary>
    public static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps || !IsLoopback(context.Connection.RemoteIpAddress),
            Path = "/",
            Expires = expires,
            IsEssential = true,
        };
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The nonce of a device cookie issued to the account of <paramref name="email"/>, or null (none, forged, another account's).</summary>
    private string? ReadDeviceCookie(HttpContext context, string email)
    {
        if (context.Request.Cookies[DeviceCookie] is not { Length: > 0 and < 1024 } cookie)
        {
            return null;
        }

        try
        {
            var parts = _deviceProtector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && string.Equals(parts[0], Core.Validation.EmailRule.Normalize(email), StringComparison.Ordinal) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static TimeSpan Wait(DateTimeOffset? oldest, DateTimeOffset now)
    {
        var wait = (oldest ?? now) + FailureWindow - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
