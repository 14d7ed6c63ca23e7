using CalfCoach.Web.Accounts;
using CalfCoach.Web.Apis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>The sign-in form: the same sign-in (and throttle) as <c>POST /api/session</c>.</summary>
[AllowAnonymous]
public sealed class SignInModel(AccountSessions sessions, CurrentRunner current) : PageModel
{
    public const string Route = "/sign-in";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Email { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Set after a password change (which ended every session).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    /// <summary>Set after a runner deleted their account.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    public SignedInAccount? Account => current.Account;

    public bool SelfRegistration => sessions.Store.SelfRegistration;

    public PageResult OnGet() => Page();

    public IActionResult OnPost(string? email, string? password)
    {
        var outcome = sessions.SignIn(HttpContext, email, password);
        if (AccountsApi.Answer(HttpContext, outcome) is { } problem)
        {
            Email = email;
            Error = problem.ProblemDetails.Title + " " + (outcome.Status == SignInStatus.Throttled ? problem.ProblemDetails.Detail?.Replace("email: ", string.Empty, StringComparison.Ordinal) : string.Empty);
            Response.StatusCode = problem.StatusCode;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
