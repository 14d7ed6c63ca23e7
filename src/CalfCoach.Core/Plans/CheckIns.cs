using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>
/// A pain score on the 0–10 scale of the Silbernagel pain-monitoring model (EVIDENCE.md 4.2).
/// Neither <see cref="AtRest"/> nor <see cref="Morning"/> means pain during walking or activity.
/// </summary>
public sealed record PainCheckIn(DateOnly Date, int Score, bool AtRest = false, bool Morning = false, string? Note = null)
{
    private readonly int _score = CheckInRules.ValidPain(Score, nameof(Score));

    public int Score
    {
        get => _score;
        init => _score = CheckInRules.ValidPain(value, nameof(Score));
    }

    /// <summary>Pain during walking or activity: not at rest and not the morning score.</summary>
    public bool DuringActivity => !AtRest && !Morning;
}

/// <summary>One logged exercise session; <see cref="Pain"/> is the pain during it (0–10), when given.</summary>
/// <remarks>
/// Names the programme reads: <see cref="ExerciseNames.HeelDropsPrefix"/>…, <see cref="ExerciseNames.SingleLegHeelRaise"/>
/// and <see cref="ExerciseNames.WalkRun"/> (sets = walk–run repeats).
/// </remarks>
public sealed record ExerciseCheckIn(DateOnly Date, string Name, int Sets, int Reps, double? LoadKg = null, int? Pain = null)
{
    private readonly string _name = CheckInRules.ValidName(Name);
    private readonly int _sets = CheckInRules.AtLeastOne(Sets, nameof(Sets));
    private readonly int _reps = CheckInRules.NotNegative(Reps, nameof(Reps));
    private readonly double? _loadKg = CheckInRules.ValidLoad(LoadKg);
    private readonly int? _pain = Pain is { } p ? CheckInRules.ValidPain(p, nameof(Pain)) : null;

    public string Name { get => _name; init => _name = CheckInRules.ValidName(value); }

    /// <summary>At least one: a session of no sets did not happen (reps may be 0: a heel-raise test where none was possible).</summary>
    public int Sets { get => _sets; init => _sets = CheckInRules.AtLeastOne(value, nameof(Sets)); }

    public int Reps { get => _reps; init => _reps = CheckInRules.NotNegative(value, nameof(Reps)); }

    public double? LoadKg { get => _loadKg; init => _loadKg = CheckInRules.ValidLoad(value); }

    public int? Pain
    {
        get => _pain;
        init => _pain = value is { } p ? CheckInRules.ValidPain(p, nameof(Pain)) : null;
    }
}

/// <summary>A re-run of the warning-sign questions on a given day; triaged at once (EVIDENCE.md 1.1).</summary>
public sealed record RedFlagCheck(DateOnly Date, RunnerAnswers Answers)
{
    private readonly RunnerAnswers _answers = Answers ?? throw new ArgumentNullException(nameof(Answers));

    public RunnerAnswers Answers
    {
        get => _answers;
        init => _answers = value ?? throw new ArgumentNullException(nameof(Answers));
    }
}

/// <summary>
/// A visit to a doctor or physiotherapist about the calf. Only a clinician who examined the runner can lift
/// the advice: <see cref="ClearedForRehab"/> returns the programme to self-care from that day (a later warning
/// sign or a new week-7 stall escalates again); a visit without clearance changes nothing but the record.
/// </summary>
public sealed record ClinicianReview(DateOnly Date, bool ClearedForRehab, string? Note = null);

/// <summary>A task of the day's plan ticked as done: for the runner's own record (the replay does not read it).</summary>
public sealed record TaskCheckOff(DateOnly Date, string TaskId)
{
    /// <summary>
    /// The task id when it names one of <paramref name="tasks"/> (the plan of that day), else an error naming them in words:
    /// the one check, for the API, the home page and any later shell.
    /// </summary>
    public static Validation.Checked<string?> Check(string key, string? taskId, IReadOnlyList<ProgrammeTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var text = Validation.InputRules.TaskId.Check(key, taskId);
        if (!text.IsValid)
        {
            return text;
        }

        return tasks.Any(t => t.Id == text.Value)
            ? text
            : Validation.Checked.Refused<string?>(new Validation.InputError(key,
                $"That is not one of the day's tasks; they are: {string.Join("; ", tasks.Select(t => t.Title))}."));
    }
}

/// <summary>Exercise names the programme recognises in <see cref="ExerciseCheckIn.Name"/>.</summary>
public static class ExerciseNames
{
    /// <summary>Any name starting with this counts as a heel-drop session ("heel-drops-straight-knee", "heel-drops-bent-knee").</summary>
    public const string HeelDropsPrefix = "heel-drops";

    /// <summary>The single-leg heel-raise capacity test on the sore leg (EVIDENCE.md 4.3, 7a); reps = how many.</summary>
    public const string SingleLegHeelRaise = "single-leg-heel-raise";

    /// <summary>The same test on the other leg, to compare the sides.</summary>
    public const string SingleLegHeelRaiseOther = "single-leg-heel-raise-other";

    /// <summary>The knee-to-wall lunge on the sore side (ankle bend); reps = the distance from toes to wall in cm.</summary>
    public const string KneeToWall = "knee-to-wall";

    /// <summary>The knee-to-wall lunge on the other side.</summary>
    public const string KneeToWallOther = "knee-to-wall-other";

    /// <summary>A walk–run session; sets = repeats done (EVIDENCE.md 3.6).</summary>
    public const string WalkRun = "walk-run";

    /// <summary>Glute and hamstring strength (EVIDENCE.md 4.5): logged for the record; it does not steer the programme.</summary>
    public const string GlutesHamstrings = "glutes-hamstrings";

    /// <summary>The exercises the CLI and the web offer for logging, in the order a runner meets them.</summary>
    public static IReadOnlyList<LoggableExercise> Loggable { get; } =
    [
        new(HeelDropsPrefix + "-straight-knee", "Heel drops, straight knee", 3, 12),
        new(HeelDropsPrefix + "-bent-knee", "Heel drops, bent knee", 3, 12),
        new(GlutesHamstrings, "Glute and hamstring strength", 3, 10),
        new(SingleLegHeelRaise, "Single-leg heel-raise test, sore leg (repetitions = how many you managed)", 1, 30),
        new(SingleLegHeelRaiseOther, "Single-leg heel-raise test, other leg (repetitions = how many you managed)", 1, 30),
        new(KneeToWall, "Knee-to-wall lunge, sore side (repetitions = toes-to-wall distance in cm)", 1, 10),
        new(KneeToWallOther, "Knee-to-wall lunge, other side (repetitions = toes-to-wall distance in cm)", 1, 10),
        new(WalkRun, "Walk–run session (sets = walk–run repeats)", 6, 1),
    ];

    /// <summary>The title a runner reads for a loggable exercise, without its logging hint ("Heel drops, straight knee"); the name itself when unknown.</summary>
    public static string TitleOf(string name)
    {
        var title = Loggable.FirstOrDefault(e => e.Id == name)?.Title ?? name;
        var hint = title.IndexOf(" (", StringComparison.Ordinal);
        return hint > 0 ? title[..hint] : title;
    }

    public static bool IsHeelDrops(string name) => name.StartsWith(HeelDropsPrefix, StringComparison.Ordinal);
}

/// <summary>An exercise a runner can log, with the usual dose as a starting value for forms.</summary>
public sealed record LoggableExercise(string Id, string Title, int UsualSets, int UsualReps);

internal static class CheckInRules
{
    public static int ValidPain(int score, string name) =>
        score is >= 0 and <= 10 ? score : throw new ArgumentOutOfRangeException(name, score, "Pain is scored 0–10.");

    public static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be at least 1.");

    public static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must not be negative.");

    public static double? ValidLoad(double? kg) =>
        kg is null || (double.IsFinite(kg.Value) && kg.Value >= 0)
            ? kg
            : throw new ArgumentOutOfRangeException(nameof(kg), kg, "Load must be a finite, non-negative number of kilograms.");

    public static string ValidName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("An exercise needs a name.", nameof(name)) : name;
}
