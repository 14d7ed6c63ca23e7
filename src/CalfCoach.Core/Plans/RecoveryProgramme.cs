using System.Globalization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>
/// The day-by-day recovery programme. <see cref="Evaluate"/> replays the check-ins day by day from the
/// start to the as-of date, so the state on any date is reproducible from the log alone (no clock, no I/O).
/// Check-ins dated before the start or after the as-of date are ignored.
/// </summary>
public static class RecoveryProgramme
{
    /// <summary>First aid covers home-care days 0–2, i.e. the first 48–72 h (EVIDENCE.md 2.1: "first 2–3 days"; 2.2: protect 1–3 days).</summary>
    public const int FirstAidDays = 3;

    /// <summary>Pain at rest counts as settled when the latest check-in is not at rest and at most this (programme rule; EVIDENCE.md 2.1: "move without pain stopping you").</summary>
    public const int SettledPain = 3;

    /// <summary>Recovery → strengthening: this many recovery days with walking pain ≤ <see cref="RecoveryWalkingPainMax"/> (EVIDENCE.md 4.2: 0–2 "safe").</summary>
    public const int RecoveryDaysToStrengthen = 2;

    public const int RecoveryWalkingPainMax = 2;

    /// <summary>Heel-drop progression when pain during ≤ 3 and next morning settled (EVIDENCE.md 4.4: "≤2–3/10").</summary>
    public const int HeelDropPainToAdvance = 3;

    /// <summary>Step back when pain during exceeds 5 (EVIDENCE.md 4.2: > 5 "high risk").</summary>
    public const int PainToStepBack = 5;

    /// <summary>Without an earlier morning score, a next morning at or below this counts as settled (EVIDENCE.md 4.2: 0–2 "safe").</summary>
    public const int SafePain = 2;

    /// <summary>Return-to-run entry: this many consecutive pain-free days (EVIDENCE.md 3.6: pain-free walking).</summary>
    public const int PainFreeDaysToRun = 7;

    /// <summary>A day is pain-free when it has a morning score and every score that day is at most this.</summary>
    public const int PainFreeMax = 1;

    /// <summary>Single-leg heel raises needed to start running (Green et al. 2022; EVIDENCE.md 7a): see <see cref="ReturnToRunGate"/>.</summary>
    public const int HeelRaisesToRun = ReturnToRunGate.HeelRaiseTarget;

    /// <summary>Start escalating when not improving at this day of home care (EVIDENCE.md 1.1 / assessment rule: 7–10 days).</summary>
    public const int NotImprovingDay = TriageRules.HomeCareDaysBeforeReview;

    /// <summary>The end of the 7–10 day window: still not improving means a firmer push to be seen.</summary>
    public const int StillNotImprovingDay = TriageRules.HomeCareDaysLatestReview;

    /// <param name="reviews">Clinician visits; a clearance is the one thing that lowers the advice (see <see cref="ClinicianReview"/>).</param>
    public static ProgrammeState Evaluate(
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
        ArgumentNullException.ThrowIfNull(checks);
        if (asOf < start.Date)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"The programme starts on {IsoDate.ToText(start.Date)}.");
        }

        bool InRange(DateOnly d) => d >= start.Date && d <= asOf;

        // Stable sort: same-day check-ins keep the order they were logged in, so "latest" is the last logged.
        var replay = new Replay(
            start,
            [.. pain.Where(p => p is not null && InRange(p.Date)).OrderBy(p => p.Date)],
            [.. exercises.Where(e => e is not null && InRange(e.Date)).OrderBy(e => e.Date)],
            [.. checks.Where(c => c is not null && InRange(c.Date)).OrderBy(c => c.Date)],
            [.. (reviews ?? []).Where(r => r is not null && InRange(r.Date)).OrderBy(r => r.Date)]);
        for (var day = start.Date; day <= asOf; day = day.AddDays(1))
        {
            replay.Step(day);
        }

        return replay.Snapshot(asOf);
    }

    /// <summary>The mutable replay; private to <see cref="Evaluate"/>, so the public surface stays pure.</summary>
    private sealed class Replay(ProgrammeStart start, PainCheckIn[] pain, ExerciseCheckIn[] exercises, RedFlagCheck[] checks, ClinicianReview[] reviews)
    {
        private readonly List<string> _reasons = [];
        private readonly List<ProgrammeEscalation> _escalations = [];
        private readonly List<PhaseStart> _phaseStarts = [new(Phase.FirstAid, start.Date)];
        private Disposition _disposition = start.Assessment.Disposition;
        private IReadOnlyList<string> _doNow = start.Assessment.DoNowText;
        private DateOnly _escalatedOn = start.Date;
        private Phase _phase = Phase.FirstAid;
        private DateOnly _phaseSince = start.Date;
        private DateOnly? _strengthSince;
        private DateOnly? _runningSince;
        private HeelDropLevel _heelDrops = HeelDropLevel.BothLegs;
        private int _stage;
        private int _stageQualifying;
        private DateOnly _stageSince = start.Date;
        private bool _notImprovingFired;
        private bool _stillNotImprovingFired;

        // The 7–10 day clock: from the start (plus home care already done), restarted by a clinician's clearance.
        private DateOnly _careSince = start.Date;
        private int _careDaysBefore = start.DaysOfHomeCare;

        public void Step(DateOnly day)
        {
            Review(day);
            Escalate(day);
            if (_disposition.ForbidsCoaching())
            {
                return; // coaching is frozen; nothing advances until a clinician has seen the runner
            }

            if (_strengthSince is { } since && day > since)
            {
                DecideHeelDrops(day);
            }

            switch (_phase)
            {
                case Phase.FirstAid:
                    TryLeaveFirstAid(day);
                    break;
                case Phase.Recovery:
                    TryStartStrengthening(day);
                    break;
                case Phase.Strengthening:
                    TryStartRunning(day);
                    break;
                case Phase.ReturnToRun when _disposition >= Disposition.SeeClinician:
                case Phase.Prevention when _disposition >= Disposition.SeeClinician:
                    Enter(Phase.Strengthening, day,
                        "Running is on hold until a clinician has seen you; keep the strength work pain-guided (assessment: see a clinician, no running meanwhile).");
                    break;
                case Phase.ReturnToRun:
                    DecideRun(day);
                    break;
                case Phase.Prevention:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown phase {_phase}.");
            }
        }

        private int HomeCareDay(DateOnly day) => start.DaysOfHomeCare + (day.DayNumber - start.Date.DayNumber);

        /// <summary>Days of home care counted for the "not improving after 7–10 days" rule.</summary>
        private int CareDay(DateOnly day) => _careDaysBefore + (day.DayNumber - _careSince.DayNumber);

        // ---- A clinician's review (the only way the advice comes down) ----

        private void Review(DateOnly day)
        {
            foreach (var review in reviews.Where(r => r.Date == day))
            {
                if (!review.ClearedForRehab)
                {
                    _reasons.Add($"{IsoDate.ToText(day)}: seen by a clinician, not (yet) cleared for rehabilitation: follow their advice; the programme stays as it is.");
                    continue;
                }

                var was = _disposition;
                _disposition = Disposition.SelfCare;
                _doNow = ["A clinician has examined your calf and cleared you for graded rehabilitation. Follow their advice where it differs from this plan."];
                _escalatedOn = day;
                _notImprovingFired = _stillNotImprovingFired = false;
                _careSince = day;
                _careDaysBefore = 0;
                _reasons.Add($"{IsoDate.ToText(day)}: a clinician cleared you for graded rehabilitation (the advice was \"{was.WireName()}\"); the programme continues from here, "
                    + $"and the 7–10 day check on improvement starts again. Any warning sign still means stopping and checking again at once.");
            }
        }

        // ---- Escalation (disposition only ever rises) ----

        private void Escalate(DateOnly day)
        {
            // EVIDENCE.md 1.1: any new warning sign re-runs triage at once.
            foreach (var check in checks.Where(c => c.Date == day))
            {
                var outcome = Triage.Evaluate(check.Answers);
                if (outcome.Disposition > _disposition)
                {
                    var flags = string.Join(", ", outcome.RedFlags.Select(f => f.Id));
                    Raise(outcome.Disposition, day,
                        $"{IsoDate.ToText(day)}: the warning-sign re-check found {flags}, so the advice is now \"{outcome.Disposition.WireName()}\".",
                        EscalationCause.WarningSignRecheck, "The warning-sign re-check calls for more urgent care"); // EVIDENCE.md 1.1

                    // What to do now comes from the check that raised the advice, not from the calmer start.
                    _doNow = Assessor.Assess(check.Answers, day).DoNowText;
                }
            }

            // EVIDENCE.md 1.1 / 4.2 and the assessment's follow-up: no improvement after 7–10 days of home care.
            var homeCareDay = CareDay(day);
            if (homeCareDay >= StillNotImprovingDay && !_stillNotImprovingFired && NotImproving(day, out var first, out var latest))
            {
                _stillNotImprovingFired = true;
                _notImprovingFired = true;
                Raise(Disposition.SeeClinician, day,
                    $"{IsoDate.ToText(day)} (day {homeCareDay} of home care): still no improvement (pain {latest}/10, first logged {first}/10). "
                    + "Please book a doctor or physiotherapist now rather than waiting; this is more than simple overload until shown otherwise.",
                    EscalationCause.StillNotImproving, $"Still not improving after {homeCareDay} days of home care (pain {latest}/10, first logged {first}/10)");
            }
            else if (homeCareDay >= NotImprovingDay && !_notImprovingFired && NotImproving(day, out first, out latest))
            {
                _notImprovingFired = true;
                Raise(Disposition.SeeClinician, day,
                    $"{IsoDate.ToText(day)} (day {homeCareDay} of home care): no improvement after {NotImprovingDay} days (pain {latest}/10, first logged {first}/10); see a doctor or physiotherapist.",
                    EscalationCause.NotImproving, $"Not improving after {homeCareDay} days of home care (pain {latest}/10, first logged {first}/10)");
            }

            // EVIDENCE.md 4.2 (Silbernagel): morning pain must not rise from one week to the next.
            var dayIndex = day.DayNumber - start.Date.DayNumber;
            if (dayIndex % 7 == 6 && dayIndex >= 13)
            {
                var week = dayIndex / 7;
                var thisWeek = MorningMean(week);
                var lastWeek = MorningMean(week - 1);
                if (thisWeek is { } now && lastWeek is { } before && now > before)
                {
                    Raise(Disposition.SeeClinician, day,
                        string.Create(CultureInfo.InvariantCulture, $"{IsoDate.ToText(day)}: morning pain rose from an average of {before:0.#}/10 to {now:0.#}/10 week on week; see a doctor or physiotherapist."), // EVIDENCE.md 4.2
                        EscalationCause.RisingMorningPain,
                        string.Create(CultureInfo.InvariantCulture, $"Morning pain rose from an average of {before:0.#}/10 to {now:0.#}/10 week on week"));
                }
            }
        }

        /// <summary>The latest score is not lower than the first, and not pain-free (≤ 1).</summary>
        private bool NotImproving(DateOnly day, out int first, out int latest)
        {
            first = latest = 0;
            var upTo = pain.Where(p => p.Date >= _careSince && p.Date <= day).ToArray();
            if (upTo.Length == 0)
            {
                return false;
            }

            first = upTo[0].Score;
            latest = upTo[^1].Score;
            return latest >= first && latest > PainFreeMax;
        }

        private double? MorningMean(int week)
        {
            var from = start.Date.AddDays(7 * week);
            var to = from.AddDays(6);
            var scores = pain.Where(p => p.Morning && p.Date >= from && p.Date <= to).Select(p => p.Score).ToArray();
            return scores.Length == 0 ? null : scores.Average();
        }

        private void Raise(Disposition to, DateOnly day, string reason, EscalationCause cause, string summary)
        {
            var raised = to > _disposition;
            if (raised)
            {
                _disposition = to;
                _escalatedOn = day;
            }

            _reasons.Add(reason);
            _escalations.Add(new ProgrammeEscalation(day, cause, _disposition, raised, summary));
        }

        // ---- Phases ----

        private void Enter(Phase phase, DateOnly day, string reason)
        {
            _phase = phase;
            _phaseSince = day;
            _phaseStarts.Add(new(phase, day));
            _reasons.Add($"{IsoDate.ToText(day)}: {phase.WireName()}. {reason}");
        }

        private PainCheckIn? LatestPain(DateOnly day) => pain.LastOrDefault(p => p.Date <= day);

        private void TryLeaveFirstAid(DateOnly day)
        {
            if (HomeCareDay(day) < FirstAidDays)
            {
                return;
            }

            // EVIDENCE.md 2.1: once you can move without pain stopping you, keep moving; 2.2 (LOVE): load as symptoms allow.
            if (LatestPain(day) is { AtRest: false, Score: <= SettledPain } latest)
            {
                Enter(Phase.Recovery, day,
                    $"First aid is done (48–72 h) and pain has settled: latest {latest.Score}/10, not at rest."); // EVIDENCE.md 2.1, 2.2
            }
        }

        private void TryStartStrengthening(DateOnly day)
        {
            var goodDays = pain
                .Where(p => p.DuringActivity && p.Date >= _phaseSince && p.Date <= day)
                .GroupBy(p => p.Date)
                .Count(g => g.Max(p => p.Score) <= RecoveryWalkingPainMax);
            if (goodDays >= RecoveryDaysToStrengthen)
            {
                Enter(Phase.Strengthening, day,
                    $"{goodDays} recovery days with walking pain at {RecoveryWalkingPainMax}/10 or less: start heel drops."); // EVIDENCE.md 4.1, 4.2, 4.4
                _strengthSince = day;
            }
        }

        private void TryStartRunning(DateOnly day)
        {
            if (_disposition != Disposition.SelfCare)
            {
                return; // see-clinician: no running meanwhile
            }

            var gate = ReturnToRunGate.Evaluate(exercises, day, PainFreeStreak(day), PainFreeDaysToRun);
            if (ReturnToRunGate.IsOpen(gate))
            {
                Enter(Phase.ReturnToRun, day,
                    $"Every return-to-run criterion is met ({string.Join("; ", gate.Select(c => c.Status))}): start the walk–run ladder."); // Green et al. 2022; EVIDENCE.md 3.6, 7a
                _runningSince = day;
                _stage = 0;
                _stageQualifying = 0;
                _stageSince = day;
            }
        }

        /// <summary>Consecutive days ending on <paramref name="day"/> with a morning score and every score ≤ 1.</summary>
        private int PainFreeStreak(DateOnly day)
        {
            var streak = 0;
            for (var d = day; d >= start.Date; d = d.AddDays(-1))
            {
                var scores = pain.Where(p => p.Date == d).ToArray();
                if (!scores.Any(p => p.Morning) || scores.Any(p => p.Score > PainFreeMax))
                {
                    break;
                }

                streak++;
            }

            return streak;
        }

        // ---- Pain-guided progression (EVIDENCE.md 4.2) ----

        /// <summary>
        /// The next-morning verdict for a session on <paramref name="sessionDay"/>: settled when the morning after is no
        /// higher than the last morning score on or before the session day (or ≤ 2 without one); null when not logged.
        /// </summary>
        private bool? NextMorningSettled(DateOnly sessionDay)
        {
            var next = pain.LastOrDefault(p => p.Morning && p.Date == sessionDay.AddDays(1));
            if (next is null)
            {
                return null;
            }

            var before = pain.LastOrDefault(p => p.Morning && p.Date <= sessionDay);
            return next.Score <= (before?.Score ?? SafePain);
        }

        private void DecideHeelDrops(DateOnly day)
        {
            var sessionDay = day.AddDays(-1);
            var sessions = exercises.Where(e => e.Date == sessionDay && ExerciseNames.IsHeelDrops(e.Name)).ToArray();
            if (sessions.Length == 0)
            {
                return;
            }

            int? painDuring = sessions.Any(s => s.Pain is not null) ? sessions.Max(s => s.Pain ?? 0) : null;
            var settled = NextMorningSettled(sessionDay);
            if (painDuring > PainToStepBack || settled == false)
            {
                if (_heelDrops > HeelDropLevel.BothLegs)
                {
                    _heelDrops--;
                    _reasons.Add($"{IsoDate.ToText(day)}: heel drops back to {Describe(_heelDrops)}: "
                        + (painDuring > PainToStepBack ? $"pain during was {painDuring}/10" : "next-morning pain was worse") + "."); // EVIDENCE.md 4.2
                }
            }
            else if (painDuring <= HeelDropPainToAdvance && settled == true && _heelDrops < HeelDropLevel.AddedWeight)
            {
                _heelDrops++;
                _reasons.Add($"{IsoDate.ToText(day)}: heel drops up to {Describe(_heelDrops)}: pain during {painDuring}/10 and settled next morning."); // EVIDENCE.md 4.2, 4.4
            }
        }

        private void DecideRun(DateOnly day)
        {
            var sessionDay = day.AddDays(-1);
            var sessions = exercises.Where(e => e.Date == sessionDay && e.Name == ExerciseNames.WalkRun).ToArray();
            if (sessions.Length == 0 || sessionDay < _stageSince)
            {
                return;
            }

            int? painDuring = sessions.Any(s => s.Pain is not null) ? sessions.Max(s => s.Pain ?? 0) : null;
            var settled = NextMorningSettled(sessionDay);
            if (painDuring > WalkRunLadder.PainToStepBack || settled == false)
            {
                _stage = Math.Max(0, _stage - 1);
                _stageQualifying = 0;
                _stageSince = day;
                _reasons.Add($"{IsoDate.ToText(day)}: back to walk–run stage {_stage + 1} ({WalkRunLadder.Stages[_stage].Describe()}): "
                    + (painDuring > WalkRunLadder.PainToStepBack ? $"pain during was {painDuring}/10" : "next-morning pain was worse") + "."); // EVIDENCE.md 3.6, 4.2
                return;
            }

            if (painDuring > WalkRunLadder.MaxPainToAdvance || painDuring is null || settled != true)
            {
                return; // hold: acceptable but not yet safe, or not logged
            }

            _stageQualifying++;
            if (_stageQualifying < WalkRunLadder.QualifyingSessionsToAdvance)
            {
                return;
            }

            if (_stage == WalkRunLadder.LastStage)
            {
                Enter(Phase.Prevention, day, "The walk–run ladder is complete: build up gradually and work on prevention."); // EVIDENCE.md 3.1–3.3, 5.3, 6
                return;
            }

            _stage++;
            _stageQualifying = 0;
            _stageSince = day;
            _reasons.Add($"{IsoDate.ToText(day)}: up to walk–run stage {_stage + 1} ({WalkRunLadder.Stages[_stage].Describe()}) after {WalkRunLadder.QualifyingSessionsToAdvance} sessions with pain ≤ {WalkRunLadder.MaxPainToAdvance}/10, settled next morning."); // EVIDENCE.md 3.6
        }

        internal static string Describe(HeelDropLevel level) => level switch
        {
            HeelDropLevel.BothLegs => "both legs",
            HeelDropLevel.OneLeg => "one leg",
            HeelDropLevel.AddedWeight => "one leg with added weight",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };

        // ---- Output ----

        public ProgrammeState Snapshot(DateOnly asOf)
        {
            var reasons = new List<string>(_reasons);
            reasons.Add(NextStepReason(asOf));
            var context = new TaskContext(start, _disposition, _doNow, _phase, _phaseSince, _heelDrops,
                _phase == Phase.ReturnToRun ? _stage : null, _stageSince, _runningSince);
            var week = Enumerable.Range(0, 7)
                .Select(i => asOf.AddDays(i))
                .Select(d => new ProgrammeDay(d, ProgrammeTasks.For(context, d)))
                .ToArray();
            double? cap = _runningSince is { } since && start.PreInjuryWeeklyKm is { } km && _phase >= Phase.ReturnToRun
                ? WalkRunLadder.WeeklyCapKm(km, (asOf.DayNumber - since.DayNumber) / 7)
                : null;
            var weeksInPrevention = _phase == Phase.Prevention ? (asOf.DayNumber - _phaseSince.DayNumber) / 7 : 0;
            return new ProgrammeState(asOf, _disposition, _phase, _phaseSince, week[0].Tasks, week, NextReview(asOf),
                reasons, _heelDrops, context.LadderStage, cap)
            {
                PhaseStarts = [.. _phaseStarts],
                Escalations = [.. _escalations],
                RunningCriteria = ReturnToRunGate.Evaluate(exercises, asOf, PainFreeStreak(asOf), PainFreeDaysToRun),
                CadenceTargetSpm = start.EasyCadenceSpm is { } spm ? CadencePlan.StepAt(spm, weeksInPrevention)?.TargetSpm : null,
            };
        }

        private string NextStepReason(DateOnly asOf)
        {
            if (_disposition.ForbidsCoaching())
            {
                return $"Coaching is withheld: the advice is \"{_disposition.WireName()}\" ({_disposition.Headline()}).";
            }

            return _phase switch
            {
                Phase.FirstAid when HomeCareDay(asOf) < FirstAidDays =>
                    $"First aid until {IsoDate.ToText(start.Date.AddDays(FirstAidDays - start.DaysOfHomeCare))} (first 48–72 h).", // first 48–72 h, EVIDENCE.md 2.1
                Phase.FirstAid =>
                    $"Staying in first aid until the latest pain score is {SettledPain}/10 or less and not at rest.", // EVIDENCE.md 2.1
                Phase.Recovery =>
                    $"Strengthening starts after {RecoveryDaysToStrengthen} days with walking pain at {RecoveryWalkingPainMax}/10 or less.", // EVIDENCE.md 4.2
                Phase.Strengthening when _disposition != Disposition.SelfCare =>
                    "No running until a clinician has seen you.",
                Phase.Strengthening =>
                    $"Running starts when every criterion is met. Still needed: {ReturnToRunGate.Missing(ReturnToRunGate.Evaluate(exercises, asOf, PainFreeStreak(asOf), PainFreeDaysToRun))}.", // Green et al. 2022; EVIDENCE.md 7a
                Phase.ReturnToRun =>
                    $"Walk–run stage {_stage + 1} of {WalkRunLadder.Stages.Count}: move up after {WalkRunLadder.QualifyingSessionsToAdvance} sessions with pain ≤ {WalkRunLadder.MaxPainToAdvance}/10 during and settled next morning.", // EVIDENCE.md 3.6
                Phase.Prevention => "Keep building gradually; morning pain must not rise week to week.", // EVIDENCE.md 3.6, 4.2
                _ => throw new InvalidOperationException($"Unknown phase {_phase}."),
            };
        }

        private DateOnly NextReview(DateOnly asOf)
        {
            if (_disposition.ForbidsCoaching())
            {
                return asOf;
            }

            if (_disposition == Disposition.SeeClinician)
            {
                var by = _escalatedOn.AddDays(FollowUp.SeeClinicianWithinDays);
                return by > asOf ? by : asOf.AddDays(1);
            }

            // One review date for one assessment: the 7–10 day check the assessment's follow-up names (FollowUp.ReviewDate),
            // not the end of first aid, which is a phase change the plan shows on its own.
            foreach (var reviewDay in new[] { NotImprovingDay, StillNotImprovingDay })
            {
                var date = _careSince.AddDays(reviewDay - _careDaysBefore);
                if (date > asOf)
                {
                    return date;
                }
            }

            // The weekly Silbernagel review, a week after the last (FollowUp.ReviewDate's "a week later" on day 0).
            var dayIndex = asOf.DayNumber - _careSince.DayNumber;
            return _careSince.AddDays(((dayIndex / 7) + 1) * 7);
        }
    }
}
