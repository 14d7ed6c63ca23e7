using CalfCoach.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>Signing out (a POST from the account page's button; offline.js first forgets the browser's saved pages).</summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountSessions sessions) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/account");

    public IActionResult OnPost()
    {
        sessions.SignOut(HttpContext);
        return LocalRedirect(SignInModel.Route);
    }
}
