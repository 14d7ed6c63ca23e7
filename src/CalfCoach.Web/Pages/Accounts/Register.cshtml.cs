using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Accounts;
using CalfCoach.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>An athlete creates their own account, when an admin has switched self-registration on (else 404).</summary>
[AllowAnonymous]
public sealed class RegisterModel(AccountSessions sessions) : PageModel
{
    public string? Email { get; private set; }

    public InputError? Error { get; private set; }

    public IActionResult OnGet() => sessions.Store.SelfRegistration ? Page() : NotFound();

    public IActionResult OnPost(string? email, string? password)
    {
        if (!sessions.Store.SelfRegistration)
        {
            return NotFound();
        }

        if (!sessions.TryCountRegistration(HttpContext, out var retryAfter))
        {
            Email = email;
            var throttled = Apis.AccountsApi.Answer(HttpContext, new SignInOutcome(SignInStatus.Throttled, retryAfter))!;
            Error = new InputError("email", RegisterPageText.Throttled(throttled.ProblemDetails.Detail?.Replace("email: ", string.Empty, StringComparison.Ordinal) ?? string.Empty));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var (account, error) = sessions.Accounts.Create(email, password, AccountRole.Athlete);
        if (account is null)
        {
            Email = email;
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        sessions.StartSession(HttpContext, account);
        return LocalRedirect("/");
    }
}
