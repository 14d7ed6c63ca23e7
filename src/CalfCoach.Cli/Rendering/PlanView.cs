using System.Globalization;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using Spectre.Console;

namespace CalfCoach.Cli.Rendering;

/// <summary>Renders the recovery programme: where it stands, today's tasks and the week ahead.</summary>
public static class PlanView
{
    public static void Render(IAnsiConsole console, ProgrammeView programme)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(programme);
        var state = programme.State;
        Header(console, programme);

        var today = new Table().Border(TableBorder.Rounded).Expand()
            .Title($"[bold]Today, {state.AsOf.ToString("ddd", CultureInfo.CurrentCulture)} {HumanDate.Of(state.AsOf)}[/]")
            .AddColumn(new TableColumn("Task").NoWrap())
            .AddColumn("What to do");
        foreach (var task in state.Today)
        {
            today.AddRow(new Markup($"[bold]{Markup.Escape(task.Title)}[/]"), new Text(task.Details));
        }

        console.Write(today);

        var week = new Table().Border(TableBorder.Rounded).Expand()
            .Title("[bold]The week ahead[/] [dim](if nothing changes; your check-ins move it on)[/]")
            .AddColumn(new TableColumn("Day").NoWrap())
            .AddColumn("Tasks");
        foreach (var day in state.Week.Skip(1))
        {
            week.AddRow($"{day.Date:ddd dd MMM}", string.Join(" · ", day.Tasks.Select(t => t.Title)));
        }

        console.Write(week);
        console.MarkupLine("[bold]Why:[/]");
        foreach (var reason in state.Reasons.TakeLast(4))
        {
            console.MarkupLineInterpolated($" • {reason}");
        }

        console.MarkupLineInterpolated($"[dim]{AssessmentResult.Notice}[/]");
    }

    /// <summary>After an assessment was recorded: one line on the programme it started or updated.</summary>
    public static void RenderRecorded(IAnsiConsole console, RecordedAssessment recorded, string database)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(recorded);
        var state = recorded.Programme.State;
        var what = recorded.StartedProgramme
            ? $"Recorded in {database}: a recovery programme starts on {HumanDate.Of(recorded.Programme.StartedOn)} ({state.Phase.Title()})."
            : $"Recorded in {database}: your programme (started {HumanDate.Of(recorded.Programme.StartedOn)}) is updated; it is in {state.Phase.Title()}.";
        console.MarkupLineInterpolated($"[bold]{what}[/] Run [bold]calfcoach plan[/] for today's tasks and log how it goes with [bold]calfcoach log pain[/].");
    }

    /// <summary>After a check-in: what was logged, and whether the advice changed.</summary>
    public static void RenderCheckIn(IAnsiConsole console, string logged, ProgrammeState before, ProgrammeState after)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        console.MarkupLineInterpolated($"[bold]Logged[/] {logged}.");
        if (after.Disposition > before.Disposition)
        {
            var colour = AssessmentView.Colour(after.Disposition);
            var why = after.Reasons.Except(before.Reasons).Where(r => !r.StartsWith("Coaching is withheld", StringComparison.Ordinal)).ToArray();
            console.Write(new Panel(new Rows(
                    new Markup($"[bold {colour.ToMarkup()}][[{AssessmentView.Symbol(after.Disposition)}]] {Markup.Escape(after.Disposition.WireName().ToUpperInvariant())}[/]  [bold]{Markup.Escape(after.Disposition.Headline())}[/]"),
                    new Rows(why.Select(r => new Text("• " + r)))))
                .Header(" The advice has changed ")
                .Border(BoxBorder.Heavy)
                .BorderColor(colour)
                .Expand());
        }

        if (after.Disposition < before.Disposition)
        {
            console.MarkupLineInterpolated($"[bold]The advice is now {after.Disposition.WireName()}[/] ({after.Disposition.Headline()}), after the clinician's clearance.");
        }

        if (after.Phase != before.Phase)
        {
            console.MarkupLineInterpolated($"[bold]Next phase:[/] {after.Phase.Title()} from {HumanDate.Of(after.PhaseSince)}.");
        }

        if (after.HeelDrops != before.HeelDrops)
        {
            console.MarkupLineInterpolated($"[bold]Heel drops:[/] now {after.HeelDrops.WireName()}.");
        }

        console.MarkupLineInterpolated($"Today: {string.Join(" · ", after.Today.Select(t => t.Title))}. Next review {HumanDate.Of(after.NextReview)}.");
    }

    private static void Header(IAnsiConsole console, ProgrammeView programme)
    {
        var state = programme.State;
        var colour = AssessmentView.Colour(state.Disposition);
        var lines = new List<Markup>
        {
            new($"[bold {colour.ToMarkup()}][[{AssessmentView.Symbol(state.Disposition)}]] {Markup.Escape(state.Disposition.WireName().ToUpperInvariant())}[/]  [bold]{Markup.Escape(state.Disposition.Headline())}[/]"),
            new($"Phase: [bold]{Markup.Escape(state.Phase.Title())}[/] since {HumanDate.Of(state.PhaseSince)} · programme day {state.AsOf.DayNumber - programme.StartedOn.DayNumber} (started {HumanDate.Of(programme.StartedOn)}) · next review [bold]{HumanDate.Of(state.NextReview)}[/]"),
        };
        if (state.Phase >= Phase.Strengthening && !state.Disposition.ForbidsCoaching())
        {
            lines.Add(new Markup($"Heel drops: {Markup.Escape(state.HeelDrops.WireName())}"
                + (state.LadderStage is { } stage ? $" · walk–run stage {stage + 1} of {WalkRunLadder.Stages.Count}" : string.Empty)
                + (state.WeeklyRunningCapKm is { } cap ? $" · this week's running cap {cap:0.#} km" : string.Empty)));
        }

        console.Write(new Panel(new Rows(lines)).Header(" Your recovery programme ").Border(BoxBorder.Heavy).BorderColor(colour).Expand());
    }
}
