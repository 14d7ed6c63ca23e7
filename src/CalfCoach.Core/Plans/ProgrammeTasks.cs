using System.Globalization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

internal sealed record TaskContext(
    ProgrammeStart Start,
    Disposition Disposition,
    IReadOnlyList<string> DoNow,
    Phase Phase,
    DateOnly PhaseSince,
    HeelDropLevel HeelDrops,
    int? LadderStage,
    DateOnly StageSince,
    DateOnly? RunningSince);

/// <summary>The tasks for a date, given where the programme is. Doses cite EVIDENCE.md.</summary>
internal static class ProgrammeTasks
{
    /// <summary>
    /// Every id this class gives a task, so that other catalogues (e.g. the evidence page's "Why?" links) can be
    /// checked against them; keep it in step when adding a task.
    /// </summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        "get-help", "see-clinician", "load-as-pain-allows", "pain-check-in",
        "relative-rest", "ice", "compression", "elevation", "avoid-early",
        "gentle-movement", "self-massage", "foam-rolling", "fluids-electrolytes", "passive-stretching",
        ExerciseNames.HeelDropsPrefix, ExerciseNames.GlutesHamstrings, ExerciseNames.SingleLegHeelRaise, ExerciseNames.KneeToWall,
        ExerciseNames.WalkRun, "rest-from-running", "load-progression", "cadence-retraining",
    ];

    public static IReadOnlyList<ProgrammeTask> For(TaskContext context, DateOnly day)
    {
        if (context.Disposition.ForbidsCoaching())
        {
            // Coaching is dropped when urgent or worse (Disposition.ForbidsCoaching; EVIDENCE.md 0).
            // The do-now lines of whichever assessment or re-check set this level of advice.
            return [new ProgrammeTask("get-help", context.Disposition.Headline(), context.DoNow.Count > 0
                ? string.Join(" ", context.DoNow)
                : "Get medical help now; do not exercise the leg until you have been seen.")];
        }

        var tasks = new List<ProgrammeTask>();
        if (context.Disposition == Disposition.SeeClinician)
        {
            tasks.Add(new ProgrammeTask("see-clinician", context.Disposition.Headline(),
                "Book a doctor or physiotherapist within the next few days. No running meanwhile; keep only pain-free home care."));
        }

        // The day since the pain began, recomputed for this date: first-aid wording belongs to its days only.
        var daySinceOnset = Assessment(context).Situation is { } started
            ? started.Day + (day.DayNumber - Assessment(context).AsOf.DayNumber)
            : day.DayNumber - context.PhaseSince.DayNumber;
        switch (context.Phase)
        {
            case Phase.FirstAid:
                FirstAid(tasks);
                if (daySinceOnset > AdviceSituation.FirstAidLastDay)
                {
                    tasks.Add(new("load-as-pain-allows", "Move as the pain allows",
                        "The first-aid days are over: walk as far as is comfortable and keep the calf moving. Log your walking pain so the plan can move on to the next phase."));
                }

                break;
            case Phase.Recovery:
                Recovery(context, day, tasks);
                break;
            case Phase.Strengthening:
                Strength(context, day, tasks);
                break;
            case Phase.ReturnToRun:
                Running(context, day, tasks);
                break;
            case Phase.Prevention:
                Prevention(context, day, tasks);
                break;
            default:
                throw new InvalidOperationException($"Unknown phase {context.Phase}.");
        }

        tasks.Add(new ProgrammeTask("pain-check-in", "Log your pain",
            "Each morning, log the pain and stiffness on waking (0–10); after walking or exercise, log the pain during it. "
            + "Pain during may reach 5/10 but must settle by the next morning, and morning pain must not rise week to week.")); // EVIDENCE.md 4.2
        // The same conflict table as the assessment (EVIDENCE.md 7a): on this day, at this level, with the start's concerns.
        var forbidden = Assessment(context).Situation is { } situation
            ? AdviceConflicts.ForbiddenIn(situation with { Day = daySinceOnset, Disposition = context.Disposition })
            : [];
        return tasks.Where(t => !Withheld(context, t.Id) && !forbidden.Contains(t.Id)).ToArray();
    }

    private static AssessmentResult Assessment(TaskContext context) => context.Start.Assessment;

    /// <summary>Items the assessment withheld (e.g. ice with numbness, massage over a suspected tear) stay out.</summary>
    private static bool Withheld(TaskContext context, string id) =>
        Assessment(context).Withheld.Any(w => w.Id == id);

    private static void FirstAid(List<ProgrammeTask> tasks)
    {
        // EVIDENCE.md 2.1 (NHS PRICE) and 2.2 (PEACE): the first 48–72 h.
        tasks.Add(new("relative-rest", "Protect and rest the calf",
            "Stop running; avoid weight-bearing that hurts. Short protection only (1–3 days), then let pain guide movement.")); // EVIDENCE.md 2.1, 2.2
        tasks.Add(new("ice", "Ice",
            "Ice pack or frozen vegetables wrapped in a damp tea towel, 15–20 minutes every 2–3 hours while awake; never directly on the skin. Optional pain relief, not a healing treatment.")); // EVIDENCE.md 2.1, 2.2
        tasks.Add(new("compression", "Compression",
            "Support bandage during the day, firm but not tight; loosen it if the toes tingle or go pale or cold.")); // EVIDENCE.md 2.1, 2.3
        tasks.Add(new("elevation", "Elevation",
            "Rest the leg on a pillow, above the heart when you can.")); // EVIDENCE.md 2.1, 2.2
        tasks.Add(new("avoid-early", "Avoid for now",
            "No heat (hot baths, heat packs), alcohol, massage or foam rolling on the sore area, and no stretching into sharp pain.")); // EVIDENCE.md 2.1 HARM, 2.4, 2.5
    }

    private static void Recovery(TaskContext context, DateOnly day, List<ProgrammeTask> tasks)
    {
        // EVIDENCE.md 2.2 (LOVE), 2.4, 2.5, 2.6.
        tasks.Add(new("gentle-movement", "Gentle movement",
            "Walk little and often within comfort; pain-free cycling or swimming if you like. Keep pain during at 2/10 or less.")); // EVIDENCE.md 2.2, 4.2
        tasks.Add(new("self-massage", "Self-massage", "Gentle self-massage around, not hard on, the sore area, a few minutes.")); // EVIDENCE.md 2.4
        tasks.Add(new("foam-rolling", "Foam rolling", "Light foam rolling of the calf, 1–2 minutes, never into sharp pain.")); // EVIDENCE.md 2.4
        tasks.Add(new("fluids-electrolytes", "Fluids with electrolytes", "Drink to thirst; add electrolytes around longer, hot sessions.")); // EVIDENCE.md 2.6
        if (day.DayNumber - context.PhaseSince.DayNumber >= 2)
        {
            tasks.Add(new("passive-stretching", "Light passive stretching",
                "A few days after the pain has eased: gentle calf stretches, straight and bent knee, 3 × 30 s, never into pain.")); // EVIDENCE.md 2.5
        }
    }

    private static ProgrammeTask HeelDrops(TaskContext context, string when)
    {
        var level = context.HeelDrops switch
        {
            HeelDropLevel.BothLegs => "on both legs",
            HeelDropLevel.OneLeg => "on the sore leg only (rise on both, lower on one)",
            HeelDropLevel.AddedWeight => "on the sore leg with added weight in a backpack (add about 5 kg a week when pain-free)",
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.HeelDrops, null),
        };
        return new("heel-drops", "Eccentric heel drops, straight and bent knee",
            $"{when}3 sets of {PreventionPlan.RepsMin}–{PreventionPlan.RepsMax} {level}, lowering slowly over about 3 s, with the knee straight and again with it bent. "
            + "Log them with your pain during: you move up when pain stays at 3/10 or less and has settled by the next morning, and back when it goes above 5/10 or the next morning is worse."); // EVIDENCE.md 4.1, 4.2, 4.4
    }

    private static void Strength(TaskContext context, DateOnly day, List<ProgrammeTask> tasks)
    {
        var dayInPhase = day.DayNumber - context.PhaseSince.DayNumber;
        tasks.Add(HeelDrops(context, string.Empty));
        if (dayInPhase % 3 == 1)
        {
            tasks.Add(new("glutes-hamstrings", "Glute and hamstring strength",
                "Single-leg bridge, side plank, split squats, 2–3 sets of 8–12.")); // EVIDENCE.md 4.5
        }

        tasks.Add(new("gentle-movement", "Walk", "Walk daily; running starts once walking is pain-free for a week.")); // EVIDENCE.md 3.6
        if (dayInPhase % 7 == 6 && context.Disposition == Disposition.SelfCare)
        {
            tasks.Add(new(ExerciseNames.SingleLegHeelRaise, "Heel-raise test, both legs",
                $"On one leg at a time, rise to full height at an even pace (about 30 a minute) until you cannot; log the count for each leg. "
                + $"{ReturnToRunGate.HeelRaiseTarget} or more on the sore leg, within 10 % of the other, is the aim; if the other leg manages fewer than {ReturnToRunGate.HeelRaiseTarget}, its count is the aim.")); // EVIDENCE.md 4.3, 7a
            tasks.Add(new(ExerciseNames.KneeToWall, "Knee-to-wall test, both sides",
                "Facing a wall, foot flat, bend the knee to touch the wall; move the foot back until the heel just stays down. Log the toes-to-wall distance in cm for each side: the sore side within 10 % of the other is the aim.")); // EVIDENCE.md 7a
        }
    }

    private static bool IsRunDay(DateOnly day, DateOnly since) => (day.DayNumber - since.DayNumber) % 2 == 0;

    private static void Running(TaskContext context, DateOnly day, List<ProgrammeTask> tasks)
    {
        var stage = WalkRunLadder.Stages[context.LadderStage ?? 0];
        var cap = context.RunningSince is { } since && context.Start.PreInjuryWeeklyKm is { } km
            ? string.Create(CultureInfo.InvariantCulture, $" Keep the week under {WalkRunLadder.WeeklyCapKm(km, (day.DayNumber - since.DayNumber) / 7):0.#} km.")
            : string.Empty;

        // EVIDENCE.md 3.6: no running on consecutive days; strength after running, not before.
        if (IsRunDay(day, context.StageSince))
        {
            tasks.Add(new(ExerciseNames.WalkRun, $"Walk–run, stage {stage.Index + 1} of {WalkRunLadder.Stages.Count}",
                $"Easy, flat, familiar shoes: {stage.Describe()}. Log it with the number of repeats and your pain during.{cap} "
                + $"Move up after {WalkRunLadder.QualifyingSessionsToAdvance} sessions with pain ≤ {WalkRunLadder.MaxPainToAdvance}/10 during and settled next morning.")); // EVIDENCE.md 3.6
            tasks.Add(HeelDrops(context, "After running: "));
        }
        else
        {
            tasks.Add(new("rest-from-running", "No running today", "Walk and do mobility only; no runs on consecutive days yet.")); // EVIDENCE.md 3.6
            tasks.Add(new("glutes-hamstrings", "Glute and hamstring strength",
                "Single-leg bridge, side plank, split squats, 2–3 sets of 8–12.")); // EVIDENCE.md 4.5
        }
    }

    private static void Prevention(TaskContext context, DateOnly day, List<ProgrammeTask> tasks)
    {
        var weeksIn = (day.DayNumber - context.PhaseSince.DayNumber) / 7;
        if (context.RunningSince is { } since && context.Start.PreInjuryWeeklyKm is { } km)
        {
            tasks.Add(new("load-progression", "Build the weekly distance gradually",
                string.Create(CultureInfo.InvariantCulture, $"Up to {WalkRunLadder.WeeklyCapKm(km, (day.DayNumber - since.DayNumber) / 7):0.#} km this week (at most 20 % more a week, up to your usual {km:0.#} km); avoid single-run spikes."))); // EVIDENCE.md 3.2, 3.3, 3.6
        }

        if (context.Start.EasyCadenceSpm is { } spm && CadencePlan.StepAt(spm, weeksIn) is { } step)
        {
            tasks.Add(new("cadence-retraining", "Slightly quicker, shorter steps",
                string.Create(CultureInfo.InvariantCulture, $"On easy runs, aim for {step.TargetSpm} steps/min with a metronome (from {spm:0} measured); hold each step about {CadencePlan.WeeksPerStep} weeks, never more than 10 % above where you started, and stop at {CadencePlan.TargetMin}–{CadencePlan.TargetMax}."))); // EVIDENCE.md 5.3
        }

        foreach (var item in Assessment(context).Prevention)
        {
            if (tasks.All(t => t.Id != item.Id) && item.Id != "cadence-retraining")
            {
                tasks.Add(new(item.Id, item.Title, item.Details));
            }
        }

        if (tasks.All(t => !t.Id.StartsWith(ExerciseNames.HeelDropsPrefix, StringComparison.Ordinal)))
        {
            tasks.Add(HeelDrops(context, "Twice a week: "));
        }
    }
}
