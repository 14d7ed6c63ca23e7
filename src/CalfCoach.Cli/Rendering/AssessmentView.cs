using CalfCoach.Core.Assessment;
using Spectre.Console;
using Spectre.Console.Rendering;
using Words = CalfCoach.Cli.Resources.AssessmentViewText;

namespace CalfCoach.Cli.Rendering;

/// <summary>Renders an assessment for people. Colour is never the only signal: every disposition has a word and a symbol.</summary>
public static class AssessmentView
{
    public static string Symbol(Disposition disposition) => disposition switch
    {
        Disposition.Emergency => "!!!",
        Disposition.Urgent => "!!",
        Disposition.SeeClinician => "!",
        _ => "i",
    };

    public static Color Colour(Disposition disposition) => disposition switch
    {
        Disposition.Emergency => Color.Red,
        Disposition.Urgent => Color.DarkOrange,
        Disposition.SeeClinician => Color.Yellow,
        _ => Color.Green,
    };

    public static void Render(IAnsiConsole console, AssessmentResult result, bool stoppedEarly = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var colour = Colour(result.Disposition);

        var header = new Rows(
            new Markup($"[bold {colour.ToMarkup()}][[{Symbol(result.Disposition)}]] {Markup.Escape(result.Disposition.WireName().ToUpperInvariant())}[/]  [bold]{Markup.Escape(result.Disposition.Headline())}[/]"),
            new Text(string.Empty),
            Bullets(result.DoNowText));
        console.Write(new Panel(header)
            .Header($" {Markup.Escape(Words.AssessmentFor(HumanDate.Of(result.AsOf)))} ")
            .Border(BoxBorder.Heavy)
            .BorderColor(colour)
            .Expand());

        if (stoppedEarly)
        {
            console.MarkupLine($"[bold]{Markup.Escape(Words.StoppedEarlyLabel)}[/] {Markup.Escape(Words.StoppedEarly)}");
        }

        if (result.RedFlags.Count > 0)
        {
            var flags = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.WarningSignsTitle)}[/]")
                .AddColumn(Markup.Escape(Words.LevelColumn)).AddColumn(Markup.Escape(Words.WhyItMattersColumn));
            foreach (var flag in result.RedFlags)
            {
                flags.AddRow(
                    new Markup($"[{Colour(flag.Disposition).ToMarkup()}][[{Symbol(flag.Disposition)}]] {flag.Disposition.WireName()}[/]"),
                    new Text(flag.Because));
            }

            console.Write(flags);
        }

        if (result.Concerns.Count > 0)
        {
            console.MarkupLine(Words.ConcernsMarkup);
            console.Write(Bullets(result.Concerns.Select(c => char.ToUpperInvariant(c.Possibility()[0]) + c.Possibility()[1..])));
        }

        if (result.ContributingFactors.Count > 0)
        {
            var factors = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.CausesTitle)}[/]")
                .AddColumn(Markup.Escape(Words.CauseColumn)).AddColumn(Markup.Escape(Words.EvidenceColumn));
            foreach (var factor in result.ContributingFactors)
            {
                factors.AddRow(new Text(factor.Title), new Text(factor.Evidence));
            }

            console.Write(factors);
        }

        if (result.SelfCare.Count > 0)
        {
            console.Write(PlanList(Words.SelfCareTitle, result.SelfCare));
        }

        foreach (var withheld in result.Withheld)
        {
            console.MarkupLineInterpolated($"[yellow]{Words.LeftOutLabel}[/] {withheld.Reason}");
        }

        if (result.Prevention.Count > 0)
        {
            console.Write(PlanList(Words.PreventionTitle, result.Prevention));
        }

        console.MarkupLineInterpolated($"[bold]{Words.ReviewOn(HumanDate.Of(result.FollowUp.ReviewOn))}[/] {Words.ActSoonerIf}");
        console.Write(Bullets(result.FollowUp.Triggers.Select(t => $"{t.When}: {t.Then}")));
        console.WriteLine();
        console.Write(new Panel(new Text(AssessmentResult.Notice)).Header($" {Markup.Escape(Words.NotADiagnosisTitle)} ").Border(BoxBorder.Rounded));
    }

    /// <summary>A list rather than a table: long advice reads better full-width, on a narrow terminal too.</summary>
    private static Panel PlanList(string title, IReadOnlyList<PlanItem> items)
    {
        var rows = items.Select(item => (IRenderable)new Markup(
            $"[bold]{Markup.Escape(item.Title)}[/] [dim]({Markup.Escape(item.When)})[/]{Environment.NewLine}{Markup.Escape(item.Details)}{Environment.NewLine}"));
        return new Panel(new Rows(rows)).Header($" {Markup.Escape(title)} ").Border(BoxBorder.Rounded).Expand();
    }

    private static Rows Bullets(IEnumerable<string> lines) =>
        new Rows(lines.Select(line => (IRenderable)new Markup($" • {Markup.Escape(line)}")));
}
