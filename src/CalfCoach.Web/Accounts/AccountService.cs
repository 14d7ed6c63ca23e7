using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Storage;
using Microsoft.AspNetCore.Identity;

namespace CalfCoach.Web.Accounts;

/// <summary>
/// Accounts with passwords: what <c>calfcoach users</c> and the web app's sign-in, registration and account page all call.
/// Passwords are hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted, its
/// format versioned so a stronger default is picked up by rehashing at the next sign-in); nothing else of Identity is used.
/// </summary>
public sealed class AccountService(Database database)
{
    private static readonly PasswordHasher<StoredAccount> Hasher = new();

    /// <summary>A hash of a password nobody knows, verified when the address is unknown, so both answers take as long.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public AccountStore Store { get; } = new(database ?? throw new ArgumentNullException(nameof(database)));

    /// <summary>Creates an account (an athlete with a runner of its own), checking the address and password by <see cref="InputRules"/>.</summary>
    /// <returns>The account, or the error keyed <c>email</c> or <c>password</c> (an address in use is an <c>email</c> error).</returns>
    public (StoredAccount? Account, InputError? Error) Create(string? email, string? password, AccountRole role)
    {
        var address = InputRules.Email.Check("email", email);
        var secret = InputRules.Password.Check("password", password);
        if ((address.Error ?? secret.Error) is { } error)
        {
            return (null, error);
        }

        return Store.Create(address.Value!, Hasher.HashPassword(null!, secret.Value!), role) is { } account
            ? (account, null)
            : (null, new InputError("email", $"an account for {address.Value} exists already."));
    }

    /// <summary>Sets a new password and ends every session and API token of the account.</summary>
    /// <returns>Null when done; else the error (<c>password</c> refused by the rule, or <c>email</c> naming no account).</returns>
    public InputError? ResetPassword(string email, string? password)
    {
        var secret = InputRules.Password.Check("password", password);
        if (secret.Error is { } error)
        {
            return error;
        }

        return Store.FindByEmail(email) is { } account && Store.ChangePassword(account.Id, Hasher.HashPassword(account, secret.Value!))
            ? null
            : new InputError("email", $"there is no account for {email.Trim()}.");
    }

    /// <summary>A signed-in person's own change: the current password first, then as <see cref="ResetPassword"/>.</summary>
    public InputError? ChangePassword(long accountId, string? currentPassword, string? newPassword)
    {
        if (Store.Find(accountId) is not { } account || !Matches(account, currentPassword ?? string.Empty))
        {
            return new InputError("currentPassword", "the current password is not right.");
        }

        var secret = InputRules.Password.Check("newPassword", newPassword);
        if (secret.Error is { } error)
        {
            return error;
        }

        Store.ChangePassword(account.Id, Hasher.HashPassword(account, secret.Value!));
        return null;
    }

    /// <summary>
    /// The account whose address and password these are, or null: the same null, after the same hashing work, for an
    /// unknown address and a wrong password, so the answer does not tell which addresses have accounts.
    /// </summary>
    public StoredAccount? Verify(string? email, string? password)
    {
        var account = string.IsNullOrWhiteSpace(email) || email.Length > InputRules.Email.MaxLength ? null : Store.FindByEmail(email);
        password ??= string.Empty;
        if (password.Length > InputRules.Password.MaxLength)
        {
            // Never hash megabytes on an anonymous request; no stored password is this long.
            password = string.Empty;
        }

        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return null;
        }

        return Matches(account, password) ? account : null;
    }

    private bool Matches(StoredAccount account, string password)
    {
        switch (Hasher.VerifyHashedPassword(account, account.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return true;
            case PasswordVerificationResult.SuccessRehashNeeded:
                Store.RehashPassword(account.Id, Hasher.HashPassword(account, password));
                return true;
            default:
                return false;
        }
    }
}
