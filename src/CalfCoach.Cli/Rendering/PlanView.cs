using System.Globalization;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Import.History;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.PlanViewText;

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
            .Title($"[bold]{Markup.Escape(Words.TodayTitle(state.AsOf.ToString("ddd", CultureInfo.CurrentCulture), HumanDate.Of(state.AsOf)))}[/]")
            .AddColumn(new TableColumn(Markup.Escape(Words.TaskColumn)).NoWrap())
            .AddColumn(Markup.Escape(Words.WhatToDoColumn));
        foreach (var task in state.Today)
        {
            today.AddRow(new Markup($"[bold]{Markup.Escape(task.Title)}[/]"), new Text(task.Details));
        }

        console.Write(today);

        var week = new Table().Border(TableBorder.Rounded).Expand()
            .Title($"[bold]{Markup.Escape(Words.WeekTitle)}[/] [dim]{Markup.Escape(Words.WeekNote)}[/]")
            .AddColumn(new TableColumn(Markup.Escape(Words.DayColumn)).NoWrap())
            .AddColumn(Markup.Escape(Words.TasksColumn));
        foreach (var day in state.Week.Skip(1))
        {
            week.AddRow($"{day.Date:ddd dd MMM}", string.Join(" · ", day.Tasks.Select(t => t.Title)));
        }

        console.Write(week);
        console.MarkupLine($"[bold]{Markup.Escape(Words.Why)}[/]");
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
            ? Words.RecordedStarted(database, HumanDate.Of(recorded.Programme.StartedOn), state.Phase.Title())
            : Words.RecordedUpdated(database, HumanDate.Of(recorded.Programme.StartedOn), state.Phase.Title());
        console.MarkupLine($"[bold]{Markup.Escape(what)}[/] {Styled.Markup(Words.NextSteps(Styled.Bold("calfcoach plan"), Styled.Bold("calfcoach log pain")))}");
    }

    /// <summary>After a check-in: what was logged, and whether the advice changed.</summary>
    public static void RenderCheckIn(IAnsiConsole console, string logged, ProgrammeState before, ProgrammeState after)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        console.MarkupLine(Words.LoggedMarkup(logged));
        if (after.Disposition > before.Disposition)
        {
            var colour = AssessmentView.Colour(after.Disposition);
            var why = after.Reasons.Except(before.Reasons).Where(r => !r.StartsWith("Coaching is withheld", StringComparison.Ordinal)).ToArray();
            console.Write(new Panel(new Rows(
                    new Markup($"[bold {colour.ToMarkup()}][[{AssessmentView.Symbol(after.Disposition)}]] {Markup.Escape(after.Disposition.WireName().ToUpperInvariant())}[/]  [bold]{Markup.Escape(after.Disposition.Headline())}[/]"),
                    new Rows(why.Select(r => new Text("• " + r)))))
                .Header($" {Markup.Escape(Words.AdviceChanged)} ")
                .Border(BoxBorder.Heavy)
                .BorderColor(colour)
                .Expand());
        }

        if (after.Disposition < before.Disposition)
        {
            console.MarkupLine(Words.AdviceNowMarkup(after.Disposition.WireName(), after.Disposition.Headline()));
        }

        if (after.Phase != before.Phase)
        {
            console.MarkupLineInterpolated($"[bold]{Words.NextPhaseLabel}[/] {Words.NextPhase(after.Phase.Title(), HumanDate.Of(after.PhaseSince))}");
        }

        if (after.HeelDrops != before.HeelDrops)
        {
            console.MarkupLineInterpolated($"[bold]{Words.HeelDropsLabel}[/] {Words.HeelDropsNow(after.HeelDrops.WireName())}");
        }

        console.MarkupLine(Markup.Escape(Words.TodayAndReview(string.Join(" · ", after.Today.Select(t => t.Title)), HumanDate.Of(after.NextReview))));
    }

    private static void Header(IAnsiConsole console, ProgrammeView programme)
    {
        var state = programme.State;
        var colour = AssessmentView.Colour(state.Disposition);
        var lines = new List<Markup>
        {
            new($"[bold {colour.ToMarkup()}][[{AssessmentView.Symbol(state.Disposition)}]] {Markup.Escape(state.Disposition.WireName().ToUpperInvariant())}[/]  [bold]{Markup.Escape(state.Disposition.Headline())}[/]"),
            new(Styled.Markup(Words.PhaseLine(
                Styled.Bold(state.Phase.Title()), HumanDate.Of(state.PhaseSince), state.AsOf.DayNumber - programme.StartedOn.DayNumber,
                HumanDate.Of(programme.StartedOn), Styled.Bold(HumanDate.Of(state.NextReview))))),
        };
        if (state.Phase >= Phase.Strengthening && !state.Disposition.ForbidsCoaching())
        {
            var parts = new List<string> { Words.HeelDrops(state.HeelDrops.WireName()) };
            if (state.LadderStage is { } stage)
            {
                parts.Add(Words.WalkRunStage(stage + 1, WalkRunLadder.Stages.Count));
            }

            if (state.WeeklyRunningCapKm is { } cap)
            {
                parts.Add(Words.RunningCap(cap));
            }

            lines.Add(new Markup(Markup.Escape(string.Join(" · ", parts))));
        }

        console.Write(new Panel(new Rows(lines)).Header($" {Markup.Escape(Words.ProgrammeTitle)} ").Border(BoxBorder.Heavy).BorderColor(colour).Expand());
    }
}
