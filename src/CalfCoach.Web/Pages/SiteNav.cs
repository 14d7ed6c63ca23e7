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
}
