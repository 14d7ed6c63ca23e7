namespace CalfCoach.Report;

/// <summary>
/// The size a chart is drawn for. A chart drawn for 800 px and shrunk onto a phone has text about 5 px tall, so each chart
/// is drawn twice: for a page (<see cref="Wide"/>) and for a phone (<see cref="Narrow"/>: 340 px wide, larger text, the
/// legend below the plot instead of over it, short legend words, the last 12 weeks). CSS shows one of the two; at 360 px
/// wide the narrow one is scaled by about 0.95, so its smallest text (14 px ticks) stays above 12 CSS px.
/// </summary>
internal sealed record ChartCanvas(int Width, int Height, bool IsNarrow, string CssClass)
{
    public static readonly ChartCanvas Wide = new(800, 400, false, "chart-wide");

    public static readonly ChartCanvas Narrow = new(340, 440, true, "chart-narrow");

    /// <summary>The weeks a phone shows: fewer bars, each wide enough to see.</summary>
    public const int NarrowWeeks = 12;

    public const float NarrowTickFontSize = 14;
    public const float NarrowLabelFontSize = 15;
    public const float NarrowTitleFontSize = 16;

    /// <summary>The wide text, or the short one on a phone, where the legend has one line of about 40 characters.</summary>
    public string Pick(string wide, string narrow) => IsNarrow ? narrow : wide;
}
