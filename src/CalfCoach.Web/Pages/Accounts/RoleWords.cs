using CalfCoach.Core.Accounts;
using CalfCoach.Web.Resources;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>An account's role as a person reads it ("runner", "clinician"), where the API says its name ("athlete", …).</summary>
public static class RoleWords
{
    public static string Of(AccountRole role) => role switch
    {
        AccountRole.Clinician => SharingPageText.RoleClinician,
        AccountRole.Admin => SharingPageText.RoleAdmin,
        _ => SharingPageText.RoleRunner,
    };
}
