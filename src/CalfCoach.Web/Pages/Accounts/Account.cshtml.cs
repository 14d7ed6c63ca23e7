using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Accounts;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>
/// The signed-in account: API tokens (create, revoke), the password, sign-out, an admin's self-registration switch, and
/// a runner's rights (issue 14): sharing, the export, and deleting the account with its data.
/// </summary>
public sealed class AccountModel(AccountSessions sessions, CurrentRunner current, RunnerDirectory directory) : PageModel
{
    public SignedInAccount Account { get; private set; } = null!;

    public IReadOnlyList<TokenDocument> Tokens { get; private set; } = [];

    /// <summary>A token just made: shown on this page once, never again.</summary>
    public NewTokenDocument? NewToken { get; private set; }

    public InputError? Error { get; private set; }

    public string? Saved { get; private set; }

    public bool SelfRegistration { get; private set; }

    /// <summary>Why the account was not deleted (a wrong password), shown beside the delete form.</summary>
    public string? DeleteError { get; private set; }

    public IActionResult OnGet() => Load();

    public IActionResult OnPostCreateToken(string? name)
    {
        if (current.Account is { } account)
        {
            NewToken = AccountsApi.TryCreateToken(sessions, account, name, out var error);
            Error = error;
        }

        return Load();
    }

    public IActionResult OnPostRevoke(long id)
    {
        if (current.Account is { } account)
        {
            Saved = sessions.Store.DeleteApiToken(account.Id, id) ? AccountPageText.TokenRevoked : null;
        }

        return Load();
    }

    public IActionResult OnPostPassword(string? currentPassword, string? newPassword)
    {
        if (current.Account is not { } account)
        {
            return Load();
        }

        Error = sessions.Accounts.ChangePassword(account.Id, currentPassword, newPassword);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Load();
        }

        // Every session (this one too) and every token has ended: sign in again with the new password.
        sessions.SignOut(HttpContext);
        return LocalRedirect(SignInModel.Route + "?changed=true");
    }

    public IActionResult OnPostDelete(string? password)
    {
        if (current.Account is not { } account)
        {
            return Load();
        }

        if (AccountsApi.TryDelete(HttpContext, sessions, directory, account, password) is { } problem)
        {
            DeleteError = Problems.ForPage(problem);
            Response.StatusCode = problem.StatusCode;
            return Load();
        }

        return LocalRedirect(SignInModel.Route + "?deleted=true");
    }

    public IActionResult OnPostSelfRegistration(bool on)
    {
        if (current.Account is not { Role: AccountRole.Admin })
        {
            return Forbid();
        }

        sessions.Store.SelfRegistration = on;
        Saved = on ? AccountPageText.SelfRegistrationSwitchedOn : AccountPageText.SelfRegistrationSwitchedOff;
        return Load();
    }

    private PageResult Load()
    {
        Account = current.Account!;
        Tokens = AccountsApi.Tokens(sessions, Account);
        SelfRegistration = sessions.Store.SelfRegistration;
        return Page();
    }
}
