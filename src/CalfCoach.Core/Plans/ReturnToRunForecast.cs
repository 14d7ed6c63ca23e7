namespace CalfCoach.Core.Plans;

/// <summary>One step of the road back to running, with the earliest day it can begin if all goes well.</summary>
/// <param name="Since">The day it began, for a phase already reached.</param>
/// <param name="EarliestStart">The earliest day it could begin if every check-in from now on is pain-free and every test passes; null when out of reach for now.</param>
public sealed record RoadmapStep(Phase Phase, DateOnly? Since, DateOnly? EarliestStart);

/// <summary>The phases from first aid to running again, and what still stands between the runner and a restart.</summary>
/// <param name="RunningFrom">The day running restarted, or the earliest day it could if all goes well ("not before"); null when it waits on a clinician.</param>
/// <param name="Missing">The return-to-run criteria not met today, each saying by how much.</param>
/// <param name="WaitsForClinician">True when no date can be given until a clinician has seen the runner.</param>
public sealed record RunningRoadmap(IReadOnlyList<RoadmapStep> Steps, DateOnly? RunningFrom, bool Running, IReadOnlyList<GateCriterion> Missing, bool WaitsForClinician);

/// <summary>
/// The earliest restart of running, found by replaying the programme's own rules (<see cref="RecoveryProgramme.Evaluate"/>)
/// over the days ahead as if every day went well: a morning and a walking score of 0 each day not yet logged, and the
/// heel-raise and wall-lunge tests passed on both sides. The rules are not copied, so the date cannot drift from the plan.
/// </summary>
public static class ReturnToRunForecast
{
    /// <summary>First aid (3 days), recovery (2) and a week pain-free fit well inside this; beyond it no date is promised.</summary>
    public const int HorizonDays = 28;

    private static readonly Phase[] Road = [Phase.FirstAid, Phase.Recovery, Phase.Strengthening, Phase.ReturnToRun];

    public static RunningRoadmap For(
        ProgrammeStart start,
        IReadOnlyList<PainCheckIn> pain,
        IReadOnlyList<ExerciseCheckIn> exercises,
        IReadOnlyList<RedFlagCheck> checks,
        DateOnly asOf,
        IReadOnlyList<ClinicianReview>? reviews = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(pain);
        ArgumentNullException.ThrowIfNull(exercises);
        var now = RecoveryProgramme.Evaluate(start, pain, exercises, checks, asOf, reviews);
        var missing = now.RunningCriteria.Where(c => !c.Met).ToArray();
        var reached = now.PhaseStarts.ToLookup(p => p.Phase, p => p.Since);
        DateOnly? Since(Phase phase) => reached[phase].Select(d => (DateOnly?)d).LastOrDefault();

        if (now.Phase >= Phase.ReturnToRun)
        {
            return new RunningRoadmap([.. Road.Select(p => new RoadmapStep(p, Since(p), null))], Since(Phase.ReturnToRun), true, [], false);
        }

        // Running waits on a clinician below self-care (RecoveryProgramme.TryStartRunning): no date to promise.
        if (now.Disposition != Assessment.Disposition.SelfCare)
        {
            return new RunningRoadmap([.. Road.Select(p => new RoadmapStep(p, p <= now.Phase ? Since(p) : null, null))], null, false, missing, true);
        }

        var horizon = asOf.AddDays(HorizonDays);
        var ahead = RecoveryProgramme.Evaluate(start, [.. pain, .. GoodDays(pain, asOf, horizon)], [.. exercises, .. PassedTests(exercises, asOf)], checks, horizon, reviews);
        var future = ahead.PhaseStarts.Where(p => p.Since >= asOf).ToLookup(p => p.Phase, p => p.Since);
        RoadmapStep Step(Phase phase) => phase <= now.Phase && Since(phase) is { } since
            ? new RoadmapStep(phase, since, null)
            : new RoadmapStep(phase, null, future[phase].Select(d => (DateOnly?)d).FirstOrDefault());

        var steps = Road.Select(Step).ToArray();
        return new RunningRoadmap(steps, steps[^1].EarliestStart, false, missing, false);
    }

    /// <summary>A morning and a walking score of 0 on every day from today that has no pain logged yet.</summary>
    private static IEnumerable<PainCheckIn> GoodDays(IReadOnlyList<PainCheckIn> pain, DateOnly from, DateOnly to)
    {
        var logged = pain.Select(p => p.Date).ToHashSet();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!logged.Contains(day))
            {
                yield return new PainCheckIn(day, 0, Morning: true);
                yield return new PainCheckIn(day, 0);
            }
        }
    }

    /// <summary>Both tests passed tomorrow on both sides: the sore side matching the other (at least the heel-raise target).</summary>
    private static IEnumerable<ExerciseCheckIn> PassedTests(IReadOnlyList<ExerciseCheckIn> exercises, DateOnly asOf)
    {
        int? Latest(string name) => exercises.Where(e => e.Name == name && e.Date <= asOf).OrderBy(e => e.Date).Select(e => (int?)e.Reps).LastOrDefault();
        var day = asOf.AddDays(1);
        var otherRaises = Math.Max(Latest(ExerciseNames.SingleLegHeelRaiseOther) ?? ReturnToRunGate.HeelRaiseTarget, ReturnToRunGate.HeelRaiseTarget);
        var otherLunge = Math.Max(Latest(ExerciseNames.KneeToWallOther) ?? 10, 1);
        yield return new ExerciseCheckIn(day, ExerciseNames.SingleLegHeelRaiseOther, 1, otherRaises);
        yield return new ExerciseCheckIn(day, ExerciseNames.SingleLegHeelRaise, 1, otherRaises);
        yield return new ExerciseCheckIn(day, ExerciseNames.KneeToWallOther, 1, otherLunge);
        yield return new ExerciseCheckIn(day, ExerciseNames.KneeToWall, 1, otherLunge);
    }
}
