using CalfCoach.Core.Accounts;
using CalfCoach.Storage;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>
/// A runner's consents (issue 14): share with a clinician's account to read or also to record visits, stop sharing at
/// once, and see who looked. The same calls as <c>/api/shares</c> and <c>/api/me/audit</c>.
/// </summary>
public sealed class SharingModel(RunnerData data) : PageModel
{
    public IReadOnlyList<ShareDocument> Shares { get; private set; } = [];

    public IReadOnlyList<StoredAuditEvent> Audit { get; private set; } = [];

    /// <summary>The audit rows shown; the rest are counted (the API has them all).</summary>
    public const int AuditShown = 50;

    public string? Saved { get; private set; }

    public string? Error { get; private set; }

    /// <summary>What was typed, kept when the share failed.</summary>
    public string? Email { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostShare(string? email, string? access)
    {
        var (share, problem) = SharingApi.TryShare(data, email, access);
        if (share is null && problem is not null)
        {
            Error = Problems.ForPage(problem);
            Email = email;
            Response.StatusCode = problem.StatusCode == StatusCodes.Status404NotFound ? StatusCodes.Status400BadRequest : problem.StatusCode;
        }
        else if (share is not null)
        {
            Saved = SharingPageText.Shared(share.Email, AccessWords(share.Access));
        }

        Load();
        return Page();
    }

    public IActionResult OnPostRevoke(long id)
    {
        var share = SharingApi.Shares(data).FirstOrDefault(s => s.Id == id);
        Saved = share is not null && new ShareStore(data.Database).Revoke(id) ? SharingPageText.Stopped(share.Email) : null;
        Load();
        return Page();
    }

    /// <summary>What an access level lets the clinician do, as the rest of a sentence.</summary>
    public static string AccessWords(string access) => access == ShareAccesses.Name(ShareAccess.Review)
        ? SharingPageText.AccessReview
        : SharingPageText.AccessRead;

    /// <summary>One audit row as a runner reads it: "read your plan", "recorded a visit".</summary>
    public static string Action(StoredAuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (audit.Action == SharingApi.RecordAction)
        {
            return SharingPageText.AuditRecordedVisit;
        }

        return audit.Resource switch
        {
            SharingApi.Resources.Summary => SharingPageText.AuditSawInList,
            SharingApi.Resources.Plan => SharingPageText.AuditReadPlan,
            SharingApi.Resources.Findings => SharingPageText.AuditReadFindings,
            SharingApi.Resources.Weeks => SharingPageText.AuditReadWeeks,
            SharingApi.Resources.Assessments => SharingPageText.AuditReadAnswers,
            SharingApi.Resources.Report => SharingPageText.AuditReadReport,
            _ => SharingPageText.AuditReadData,
        };
    }

    private void Load()
    {
        Shares = SharingApi.Shares(data);
        Audit = new AuditStore(data.Database).List();
    }
}
