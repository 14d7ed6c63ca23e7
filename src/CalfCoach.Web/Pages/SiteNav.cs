namespace CalfCoach.Web.Pages;

/// <summary>The main navigation, in the order a runner needs it.</summary>
public static class SiteNav
{
    public static IReadOnlyList<(string Href, string Label)> Links { get; } =
    [
        ("/", "Today"),
        ("/assess", "Check my calf"),
        ("/plan", "Plan"),
        ("/import", "Import"),
        ("/metronome", "Metronome"),
        ("/shoes", "Shoes"),
        ("/profile", "Profile"),
        ("/report", "Report"),
    ];

    /// <summary>Pages linked from the footer and from "Why?" links, not the main navigation (it is long on phones already).</summary>
    public static IReadOnlyList<(string Href, string Label)> FooterLinks { get; } =
    [
        ("/evidence", "Why these steps"),
    ];

    /// <summary>Every page a runner can reach from any page: what page-walking tests visit.</summary>
    public static IEnumerable<(string Href, string Label)> AllLinks => Links.Concat(FooterLinks);
}
