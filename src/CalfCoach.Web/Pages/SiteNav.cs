using CalfCoach.Core.Accounts;
using CalfCoach.Web.Resources;

namespace CalfCoach.Web.Pages;

/// <summary>The main navigation, in the order a runner needs it.</summary>
public static class SiteNav
{
    /// <remarks>Read on each call: the labels come from LayoutText in the request's language.</remarks>
    public static IReadOnlyList<(string Href, string Label)> Links =>
    [
        ("/", LayoutText.NavToday),
        ("/assess", LayoutText.NavAssess),
        ("/plan", LayoutText.NavPlan),
        ("/import", LayoutText.NavImport),
        ("/metronome", LayoutText.NavMetronome),
        ("/shoes", LayoutText.NavShoes),
        ("/profile", LayoutText.NavProfile),
        ("/report", LayoutText.NavReport),
    ];

    /// <summary>
    /// The menu for an account: a runner's pages for a runner (or on a computer without accounts); a clinician's list of
    /// runners for a clinician; nothing but the account page for an admin, who has no runner data.
    /// </summary>
    public static IReadOnlyList<(string Href, string Label)> For(AccountRole? role) => role switch
    {
        AccountRole.Clinician => [("/athletes", LayoutText.NavRunners)],
        AccountRole.Admin => [],
        _ => Links,
    };

    /// <summary>Pages linked from the footer and from "Why?" links, not the main navigation (it is long on phones already).</summary>
    public static IReadOnlyList<(string Href, string Label)> FooterLinks =>
    [
        ("/evidence", LayoutText.NavEvidence),
    ];

    /// <summary>Every page a runner can reach from any page: what page-walking tests visit.</summary>
    public static IEnumerable<(string Href, string Label)> AllLinks => Links.Concat(FooterLinks);
}
