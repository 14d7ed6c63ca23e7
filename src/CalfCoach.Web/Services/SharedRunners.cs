using CalfCoach.Core.Accounts;
using CalfCoach.Storage;
using CalfCoach.Web.Accounts;

namespace CalfCoach.Web.Services;

/// <summary>A runner's page as a clinician sees it: whose it is and what the share allows.</summary>
public sealed record SharedView(long AthleteId, string Email, ShareAccess Access);

/// <summary>
/// The runners who share with the signed-in clinician, for the clinician's routes and pages. Every runner's data is reached
/// through <see cref="ClinicianAccess.Open"/>, which checks the share in the database on each call and audits it, so a
/// revocation counts at once and no route can read a runner who did not share. Anyone but a signed-in clinician gets nothing.
/// </summary>
public sealed class SharedRunners(CurrentRunner current, CalfCoachWebOptions options, RunnerDirectory directory)
{
    /// <summary>The route value that makes a runner's page a clinician's view of another runner (<c>/athletes/{athlete}/plan</c>).</summary>
    public const string AthleteRouteValue = "athlete";

    private readonly ClinicianAccess _access = new(options.Database);

    /// <summary>The signed-in clinician as the audit records them; null for anyone else.</summary>
    public AuditActor? Clinician => current.Account is { Role: AccountRole.Clinician } account
        ? new AuditActor(account.Id, account.Email, account.Role)
        : null;

    /// <summary>Whose page this request shows, when it is a clinician's view of a runner who shares with them.</summary>
    public SharedView? Viewing { get; private set; }

    /// <summary>The runners sharing with the clinician (empty for anyone else).</summary>
    public IReadOnlyList<SharedRunner> Roster() => Clinician is { } clinician ? _access.Roster(clinician.AccountId) : [];

    /// <summary>When runners who had shared with the clinician deleted their accounts.</summary>
    public IReadOnlyList<DateTimeOffset> DeletedRunners() => Clinician is { } clinician ? _access.DeletedRunners(clinician.AccountId) : [];

    /// <summary>Whether the runner shares with the signed-in clinician at <paramref name="needed"/> access (not audited: nothing is read).</summary>
    public bool Allows(long athleteId, ShareAccess needed) =>
        athleteId >= 1 && Clinician is { } clinician && _access.Allows(clinician, new RunnerId(athleteId), needed);

    /// <summary>
    /// The runner's data when they share with the signed-in clinician at <paramref name="needed"/> access, the access
    /// recorded in their audit as <paramref name="action"/> on <paramref name="resource"/>; null (a 404) otherwise.
    /// </summary>
    public RunnerData? Open(long athleteId, ShareAccess needed, string action, string resource) =>
        OpenView(athleteId, needed, action, resource)?.Data;

    /// <summary>As <see cref="Open"/>, with whose data it is and what the share allows (for a page or a report marked as theirs).</summary>
    public (RunnerData Data, SharedView View)? OpenView(long athleteId, ShareAccess needed, string action, string resource)
    {
        if (athleteId < 1 || Clinician is not { } clinician || _access.Open(clinician, new RunnerId(athleteId), needed, action, resource) is not { } shared)
        {
            return null;
        }

        return (directory.For(new RunnerId(athleteId)), new SharedView(athleteId, shared.Email, shared.Access));
    }

    /// <summary>
    /// For a page reached as <c>/athletes/{athlete}/…</c>: the runner's data for reading (a GET), or for recording a visit
    /// (the one form a clinician may post, with review access); null for anything else, which answers 404.
    /// </summary>
    public RunnerData? ForPage(HttpContext context, string resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!long.TryParse(context.GetRouteValue(AthleteRouteValue)?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var method = context.Request.Method;
        var opened = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            ? OpenView(id, ShareAccess.Read, Apis.SharingApi.ReadAction, resource)
            : string.Equals(context.Request.Query["handler"], "Clinician", StringComparison.Ordinal)
                ? OpenView(id, ShareAccess.Review, Apis.SharingApi.RecordAction, Apis.SharingApi.Resources.Visit)
                : null;

        // Only the page's own runner marks the page: the roster opens many runners and marks nothing.
        Viewing = opened?.View;
        return opened?.Data;
    }
}
