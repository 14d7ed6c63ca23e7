using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Validation;
using CalfCoach.Storage;

namespace CalfCoach.Import.History;

/// <summary>The programme on a date, and where it came from.</summary>
/// <param name="StartedOn">The date of the assessment that started it (day 0).</param>
/// <param name="Onset">The day the pain began, which identifies the episode.</param>
/// <param name="Start">What the programme started from: the assessment (with the history's findings), the pre-injury distance and cadence.</param>
public sealed record ProgrammeView(DateOnly StartedOn, DateOnly Onset, ProgrammeStart Start, ProgrammeState State)
{
    /// <summary>The phases back to running and the earliest restart if all goes well (<see cref="ReturnToRunForecast"/>).</summary>
    public RunningRoadmap? Roadmap { get; init; }

    /// <summary>The tasks ticked as done on the as-of date (task ids).</summary>
    public IReadOnlySet<string> DoneToday { get; init; } = new HashSet<string>();

    /// <summary>The pain scores logged on the as-of date, in the order logged.</summary>
    public IReadOnlyList<PainCheckIn> PainToday { get; init; } = [];
}

/// <summary>A stored answer set with its result.</summary>
public sealed record RecordedAnswers(StoredAssessment Stored, AssessmentResult Result);

/// <summary>An assessment as recorded, and the programme it started or updated.</summary>
/// <param name="StartedProgramme">True when this assessment started a new programme (a new episode: a different onset date).</param>
public sealed record RecordedAssessment(AssessmentResult Result, ProgrammeView Programme, bool StartedProgramme);

/// <summary>A check-in needs a programme to belong to.</summary>
public sealed class NoProgrammeException(DateOnly asOf)
    : InvalidOperationException($"There is no programme on {IsoDate.ToText(asOf)}: record an assessment first (calfcoach assess --answers FILE, or the assessment page).")
{
    public DateOnly AsOf { get; } = asOf;
}

/// <summary>
/// The runner's recovery journal over the database: assessments, red-flag re-checks and check-ins are
/// stored as they are given, and the programme on any date is replayed from them
/// (<see cref="RecoveryProgramme.Evaluate"/>). The CLI and the web call this, and nothing else, for plans.
/// </summary>
/// <remarks>
/// Episodes: an assessment of a pain that began on or before the current programme's start (as-of minus days since
/// onset) updates it, as a re-check that can only raise the disposition; only a pain that began after the programme
/// started starts a new one. So re-answering the questions, even with the days a little different, never lowers the
/// advice for the same pain (only a clinician's clearance does), and a new pain is triaged afresh.
/// </remarks>
public sealed class RecoveryJournal(Database database, TrainingHistory history)
{
    /// <summary>How many days back <see cref="Alerts"/> looks, the as-of day included: older alerts are history, not news.</summary>
    public const int AlertDays = 14;

    /// <summary>The id given to an answer set not yet stored: after every stored id, so it sorts last on its day.</summary>
    private const long Pending = long.MaxValue;

    private readonly JournalStore _store = new(database);
    private readonly TrainingHistory _history = history ?? throw new ArgumentNullException(nameof(history));

    /// <summary>A journal with a history of its own (the CLI: one command, one history).</summary>
    public RecoveryJournal(Database database)
        : this(database, new TrainingHistory(database))
    {
    }

    /// <summary>The assessment with the stored history's findings as causes with evidence; nothing is recorded.</summary>
    public AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf) => Assess(answers, asOf, out _);

    /// <summary>Assesses and records the answers, starting a programme or updating the current one, with the alerts they raise.</summary>
    public RecordedAssessment RecordAssessment(RunnerAnswers answers, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var json = Storable(answers);
        var result = Assess(answers, asOf);
        var onset = OnsetOf(answers, asOf);
        var current = Programme(asOf);
        var alerts = AlertsOfAnswers(new StoredAssessment(Pending, StoredAssessmentKind.Assessment, asOf, onset, json), answers);
        _store.AddAssessment(StoredAssessmentKind.Assessment, asOf, onset, json, alerts);
        var programme = Programme(asOf) ?? throw new InvalidOperationException("The assessment was stored but no programme followed from it.");
        var started = current is null || programme.StartedOn != current.StartedOn;
        return new RecordedAssessment(started ? result : Held(result, programme), programme, started);
    }

    /// <summary>
    /// A re-assessment of the same pain never shows calmer advice than the programme holds: when earlier answers or
    /// check-ins have raised it, the result carries the programme's level and says why.
    /// </summary>
    private static AssessmentResult Held(AssessmentResult result, ProgrammeView programme)
    {
        var state = programme.State;
        if (state.Disposition <= result.Disposition)
        {
            return result;
        }

        var forbids = state.Disposition.ForbidsCoaching();
        AdviceLine[] doNow =
        [
            new("held-at-programme-level", $"The advice for this pain stays \"{state.Disposition.WireName()}\" ({state.Disposition.Headline()}): what was recorded since {IsoDate.ToText(programme.StartedOn)} calls for it. "
                + "Answering the questions again does not lower it; only a clinician's all-clear, recorded in your plan, does."),
            .. state.Today.Where(t => t.Id is "get-help" or "see-clinician").Select(t => new AdviceLine($"programme-{t.Id}", t.Details)),
        ];
        return result with
        {
            Disposition = state.Disposition,
            DoNow = doNow,
            SelfCare = forbids ? [] : result.SelfCare,
            Withheld = forbids ? [] : result.Withheld,
            Prevention = forbids ? [] : result.Prevention,
        };
    }

    /// <summary>Records a re-check of the warning signs in the current programme; triage runs at once.</summary>
    /// <exception cref="NoProgrammeException">There is no programme on <paramref name="asOf"/>.</exception>
    public ProgrammeView RecordRedFlagCheck(RunnerAnswers answers, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var json = Storable(answers);
        var current = Programme(asOf) ?? throw new NoProgrammeException(asOf);
        var alerts = AlertsOfAnswers(new StoredAssessment(Pending, StoredAssessmentKind.RedFlagCheck, asOf, current.Onset, json), answers);
        _store.AddAssessment(StoredAssessmentKind.RedFlagCheck, asOf, current.Onset, json, alerts);
        return Programme(asOf)!;
    }

    /// <param name="clientId">The sender's id for this check-in (checked with <c>InputRules.ClientId</c>): one already stored stores nothing again.</param>
    /// <exception cref="NoProgrammeException">There is no programme on the check-in's date.</exception>
    public ProgrammeView LogPain(PainCheckIn checkIn, string? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        RequireProgramme(checkIn.Date);
        var alerts = ProgrammeAlerts.OfPain(checkIn, StateOn(checkIn.Date)!, StateOn(checkIn.Date, pain: checkIn)!);
        _store.AddPain(checkIn.Date, checkIn.Score, checkIn.AtRest, checkIn.Morning, checkIn.Note, clientId, alerts);
        return Programme(checkIn.Date)!;
    }

    /// <param name="clientId">The sender's id for this check-in (checked with <c>InputRules.ClientId</c>): one already stored stores nothing again.</param>
    /// <exception cref="NoProgrammeException">There is no programme on the check-in's date.</exception>
    public ProgrammeView LogExercise(ExerciseCheckIn checkIn, string? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        RequireProgramme(checkIn.Date);
        var alerts = ProgrammeAlerts.OfExercise(checkIn, StateOn(checkIn.Date)!, StateOn(checkIn.Date, exercise: checkIn)!);
        _store.AddExercise(checkIn.Date, checkIn.Name, checkIn.Sets, checkIn.Reps, checkIn.LoadKg, checkIn.Pain, clientId, alerts);
        return Programme(checkIn.Date)!;
    }

    /// <summary>
    /// Records a visit to a clinician; a clearance for rehabilitation returns the programme to self-care from that day. It
    /// raises no alert, and clears the alerts before it from <see cref="Alerts"/>.
    /// </summary>
    /// <exception cref="NoProgrammeException">There is no programme on the visit's date.</exception>
    /// <param name="recordedBy">The clinician recording the visit through a share (kept with it); null when the runner logs it.</param>
    public ProgrammeView LogClinicianReview(ClinicianReview review, AuditActor? recordedBy = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        RequireProgramme(review.Date);
        _store.AddClinicianReview(review.Date, review.ClearedForRehab, review.Note, recordedBy);
        return Programme(review.Date)!;
    }

    /// <summary>Ticks one of the day's tasks as done; the error (naming the day's tasks) when it is not one of them.</summary>
    /// <exception cref="NoProgrammeException">There is no programme on the check-off's date.</exception>
    public (ProgrammeView? Programme, InputError? Error) CheckOffTask(DateOnly day, string key, string? taskId)
    {
        var programme = Programme(day) ?? throw new NoProgrammeException(day);
        var task = TaskCheckOff.Check(key, taskId, programme.State.Today);
        if (task.Error is { } error)
        {
            return (null, error);
        }

        _store.AddTaskCheckOff(day, task.Value!);
        return (Programme(day)!, null);
    }

    /// <summary>The programme on <paramref name="asOf"/>, replayed from the journal; null before the first assessment.</summary>
    public ProgrammeView? Programme(DateOnly asOf)
    {
        if (Inputs(asOf) is not { } inputs)
        {
            return null;
        }

        var (start, programmeStart, pain, exercises, checks, reviews) = inputs;
        var state = RecoveryProgramme.Evaluate(programmeStart, pain, exercises, checks, asOf, reviews);
        return new ProgrammeView(start.AsOf, start.Onset, programmeStart, state)
        {
            Roadmap = ReturnToRunForecast.For(programmeStart, pain, exercises, checks, asOf, reviews),
            DoneToday = _store.TasksDone(asOf),
            PainToday = [.. pain.Where(p => p.Date == asOf)],
        };
    }

    /// <summary>
    /// The alerts for a clinician on <paramref name="asOf"/>, newest first: those raised by answers and check-ins of the last
    /// <see cref="AlertDays"/> days that no clinician's visit has cleared since, and "no check-in" when it applies that day.
    /// </summary>
    /// <remarks>
    /// Read as stored, never recomputed: an alert is what its event changed when it was recorded (<see cref="ProgrammeAlerts"/>),
    /// so what the rules say about the log today adds or removes none. Only "no check-in" is worked out here, from dates.
    /// </remarks>
    public IReadOnlyList<ProgrammeAlert> Alerts(DateOnly asOf)
    {
        var stored = _store.AlertsSinceLatestReview(asOf.AddDays(1 - AlertDays), asOf).Select(a => a.Alert);
        if (EpisodeStart(_store.Assessments(asOf)) is not { } start)
        {
            return [.. stored];
        }

        // The phase needs the replay: a runner back to full running (prevention) is no longer expected to check in.
        var phase = StateOn(asOf)!.Phase;
        var silent = ProgrammeAlerts.NoCheckIn(start.AsOf, phase, _store.LatestCheckIn(start.AsOf, asOf), asOf);
        return silent is null ? [.. stored] : [silent, .. stored];
    }

    /// <summary>
    /// The alerts of an answer set about to be stored: its warning signs against the latest answers of the same programme, and
    /// the programme on its day without and with it. A set that starts a new programme has nothing before it to compare.
    /// </summary>
    private IReadOnlyList<ProgrammeAlert> AlertsOfAnswers(StoredAssessment pending, RunnerAnswers answers)
    {
        var rows = _store.Assessments(pending.AsOf);
        var withIt = (IReadOnlyList<StoredAssessment>)[.. rows, pending];
        var after = StateOn(pending.AsOf, answers: pending)!;
        var start = EpisodeStart(rows);
        if (start is null || EpisodeStart(withIt)!.Id == Pending)
        {
            return ProgrammeAlerts.OfAnswers(pending.AsOf, before: null, answers, stateBefore: null, after);
        }

        // Rows are in date order, so the programme's answer sets are its start and every row after it.
        var latest = ReadStored(rows.SkipWhile(r => r.Id != start.Id).Last());
        return ProgrammeAlerts.OfAnswers(pending.AsOf, latest, answers, StateOn(pending.AsOf), after);
    }

    /// <summary>The programme's state on <paramref name="asOf"/> as if one more event, not yet stored, were in the journal.</summary>
    /// <remarks>
    /// Alerts are worked out this way, in memory, just before the event is written, and then stored in the event's own write
    /// transaction: the replay reads on connections of its own, which would not see a row still uncommitted. A check-in
    /// sent at the same moment from another device can therefore be compared with a log that lacks the other; at worst the
    /// two alert on what they changed each on its own, and the store's client id still keeps a resent one from alerting twice.
    /// </remarks>
    private ProgrammeState? StateOn(DateOnly asOf, StoredAssessment? answers = null, PainCheckIn? pain = null, ExerciseCheckIn? exercise = null)
    {
        if (Inputs(asOf, answers) is not { } inputs)
        {
            return null;
        }

        var (_, programmeStart, stored, exercises, checks, reviews) = inputs;
        return RecoveryProgramme.Evaluate(
            programmeStart,
            pain is null ? stored : [.. stored, pain],
            exercise is null ? exercises : [.. exercises, exercise],
            checks,
            asOf,
            reviews);
    }

    /// <summary>What the replay on <paramref name="asOf"/> reads, with <paramref name="pending"/> answers as if stored; null before the first assessment.</summary>
    private ReplayInputs? Inputs(DateOnly asOf, StoredAssessment? pending = null)
    {
        var stored = _store.Assessments(asOf);
        IReadOnlyList<StoredAssessment> rows = pending is null ? stored : [.. stored, pending];
        if (EpisodeStart(rows) is not { } start)
        {
            return null;
        }

        var startAnswers = ReadStored(start);
        var assessment = Assess(startAnswers, start.AsOf, out var analysis);
        var programmeStart = ProgrammeBaseline.Start(assessment, startAnswers, analysis);
        var checks = rows
            .SkipWhile(r => r.Id != start.Id)
            .Skip(1)
            .Select(r => new RedFlagCheck(r.AsOf, ReadStored(r)))
            .ToArray();
        var pain = _store.Pain(start.AsOf, asOf)
            .Select(p => new PainCheckIn(p.Day, p.Score, p.AtRest, p.Morning, p.Note))
            .ToArray();
        var exercises = _store.Exercises(start.AsOf, asOf)
            .Select(e => new ExerciseCheckIn(e.Day, e.Name, e.Sets, e.Reps, e.LoadKg, e.Pain))
            .ToArray();
        var reviews = _store.ClinicianReviews(start.AsOf, asOf)
            .Select(r => new ClinicianReview(r.Day, r.ClearedForRehab, r.Note))
            .ToArray();
        return new ReplayInputs(start, programmeStart, pain, exercises, checks, reviews);
    }

    private sealed record ReplayInputs(
        StoredAssessment Start,
        ProgrammeStart ProgrammeStart,
        PainCheckIn[] Pain,
        ExerciseCheckIn[] Exercises,
        RedFlagCheck[] Checks,
        ClinicianReview[] Reviews);

    /// <summary>The day of the latest pain or exercise check-in up to <paramref name="asOf"/>; null when there is none.</summary>
    public DateOnly? LatestCheckIn(DateOnly asOf) => _store.LatestCheckIn(DateOnly.MinValue, asOf);

    /// <summary>The pain and exercise check-ins stored from <paramref name="from"/> to <paramref name="to"/> (inclusive), as stored.</summary>
    public (IReadOnlyList<StoredPainCheckIn> Pain, IReadOnlyList<StoredExerciseCheckIn> Exercises) CheckIns(DateOnly from, DateOnly to) =>
        (_store.Pain(from, to), _store.Exercises(from, to));

    /// <summary>
    /// Every answer set recorded up to <paramref name="upTo"/>, oldest first, each with its result as assessed again today
    /// with the history's findings on its own date (answers are stored, results recomputed: a corrected rule applies).
    /// </summary>
    public IReadOnlyList<RecordedAnswers> Recorded(DateOnly upTo) =>
        [.. _store.Assessments(upTo).Select(row => new RecordedAnswers(row, Assess(ReadStored(row), row.AsOf)))];

    /// <summary>The day the current pain began, as recorded by its first assessment; null before any. Cheap: no replay.</summary>
    public DateOnly? Onset(DateOnly asOf) => EpisodeStart(_store.Assessments(asOf))?.Onset;

    /// <summary>The current episode starts at the last assessment of a pain that began after the one before it had started.</summary>
    private static StoredAssessment? EpisodeStart(IReadOnlyList<StoredAssessment> rows)
    {
        StoredAssessment? start = null;
        foreach (var row in rows.Where(r => r.Kind == StoredAssessmentKind.Assessment))
        {
            if (start is null || row.Onset > start.AsOf)
            {
                start = row;
            }
        }

        return start;
    }

    /// <summary>Cheap: looks for a stored assessment without replaying the programme.</summary>
    private void RequireProgramme(DateOnly date)
    {
        if (!_store.Assessments(date).Any(a => a.Kind == StoredAssessmentKind.Assessment))
        {
            throw new NoProgrammeException(date);
        }
    }

    private AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf, out AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(answers);
        analysis = _history.Analyze(asOf, OnsetOf(answers, asOf));
        return Assessor.Assess(answers, asOf, analysis.Findings, EmergencyServices.For(_history.LoadProfile().Country));
    }

    private static DateOnly OnsetOf(RunnerAnswers answers, DateOnly asOf) => asOf.AddDays(-answers.DaysSinceOnset);

    /// <summary>
    /// The answers as they will be stored, refused up front when the strict reader would not read them back
    /// (e.g. more days of home care than days of pain): a row that cannot be replayed would break every later plan.
    /// </summary>
    private static string Storable(RunnerAnswers answers)
    {
        var json = AnswersJsonWriter.Write(answers);
        var read = AnswersJsonReader.Read(json);
        return read.Answers is not null
            ? json
            : throw new ArgumentException(string.Join(" ", read.Errors.Select(e => e.Message)), nameof(answers));
    }

    private static RunnerAnswers ReadStored(StoredAssessment row)
    {
        var read = AnswersJsonReader.Read(row.AnswersJson);
        return read.Answers ?? throw new InvalidDataException(
            $"The answers stored on {IsoDate.ToText(row.AsOf)} (row {row.Id}) no longer read: {string.Join("; ", read.Errors.Select(e => e.Message.TrimEnd('.')))}. "
            + "Record a new assessment to continue.");
    }
}
