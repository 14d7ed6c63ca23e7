using CalfCoach.Core.Accounts;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages.Accounts;

/// <summary>
/// A clinician's list of the runners who share with them (issue 14), most urgent first with their alerts, and the runners
/// who deleted their accounts. The same list as <c>GET /api/athletes</c>; anyone but a clinician gets 404.
/// </summary>
public sealed class AthletesModel(SharedRunners shared) : PageModel
{
    public const string Route = "/athletes";

    public IReadOnlyList<RosterEntry> Runners { get; private set; } = [];

    public IReadOnlyList<DateTimeOffset> Deleted { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (shared.Clinician is null)
        {
            return NotFound();
        }

        Runners = SharingApi.RosterEntries(shared);
        Deleted = shared.DeletedRunners();
        return Page();
    }

    public static string Urgency(Disposition disposition) => disposition switch
    {
        Disposition.Emergency => DispositionText.Emergency,
        Disposition.Urgent => DispositionText.Urgent,
        Disposition.SeeClinician => DispositionText.SeeClinician,
        _ => DispositionText.SelfCare,
    };

    /// <summary>An alert's kind as a clinician reads it; the detail sentence follows it.</summary>
    public static string AlertTitle(ProgrammeAlertKind kind) => kind switch
    {
        ProgrammeAlertKind.WarningSign => AthletesPageText.AlertWarningSign,
        ProgrammeAlertKind.Escalation => AthletesPageText.AlertEscalation,
        ProgrammeAlertKind.HighPain => AthletesPageText.AlertHighPain,
        ProgrammeAlertKind.RisingMorningPain => AthletesPageText.AlertRisingMorningPain,
        ProgrammeAlertKind.NoCheckIn => AthletesPageText.AlertNoCheckIn,
        _ => AthletesPageText.Alert,
    };

    public static string Access(ShareAccess access) =>
        access == ShareAccess.Review ? AthletesPageText.AccessReview : AthletesPageText.AccessRead;
}
