using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>What the programme starts from.</summary>
/// <param name="Assessment">The initial assessment; its <see cref="AssessmentResult.AsOf"/> is day 0 and its
/// disposition the floor the programme's disposition never goes below, until a clinician clears the runner.</param>
/// <param name="PreInjuryWeeklyKm">The runner's usual weekly distance before the injury (from the analysis), when known.</param>
/// <param name="EasyCadenceSpm">Measured cadence at easy pace (steps/min), when known.</param>
/// <param name="DaysOfHomeCare">Days of home care already done when the programme starts.</param>
public sealed record ProgrammeStart(
    AssessmentResult Assessment,
    double? PreInjuryWeeklyKm = null,
    double? EasyCadenceSpm = null,
    int DaysOfHomeCare = 0)
{
    private readonly AssessmentResult _assessment = Assessment ?? throw new ArgumentNullException(nameof(Assessment));
    private readonly double? _preInjuryWeeklyKm = Positive(PreInjuryWeeklyKm, nameof(PreInjuryWeeklyKm));
    private readonly double? _easyCadenceSpm = Positive(EasyCadenceSpm, nameof(EasyCadenceSpm));
    private readonly int _daysOfHomeCare = DaysOfHomeCare >= 0
        ? DaysOfHomeCare
        : throw new ArgumentOutOfRangeException(nameof(DaysOfHomeCare), DaysOfHomeCare, "Must not be negative.");

    public AssessmentResult Assessment
    {
        get => _assessment;
        init => _assessment = value ?? throw new ArgumentNullException(nameof(Assessment));
    }

    public double? PreInjuryWeeklyKm
    {
        get => _preInjuryWeeklyKm;
        init => _preInjuryWeeklyKm = Positive(value, nameof(PreInjuryWeeklyKm));
    }

    public double? EasyCadenceSpm
    {
        get => _easyCadenceSpm;
        init => _easyCadenceSpm = Positive(value, nameof(EasyCadenceSpm));
    }

    public int DaysOfHomeCare
    {
        get => _daysOfHomeCare;
        init => _daysOfHomeCare = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(DaysOfHomeCare), value, "Must not be negative.");
    }

    /// <summary>Day 0 of the programme.</summary>
    public DateOnly Date => Assessment.AsOf;

    private static double? Positive(double? value, string name) =>
        value is null || (double.IsFinite(value.Value) && value.Value > 0)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be a finite, positive number.");
}

/// <summary>One thing to do on a day.</summary>
public sealed record ProgrammeTask(string Id, string Title, string Details);

/// <summary>The tasks for one date.</summary>
public sealed record ProgrammeDay(DateOnly Date, IReadOnlyList<ProgrammeTask> Tasks);

/// <summary>Where the runner is in the programme on the as-of date, and what to do.</summary>
/// <param name="Disposition">Rises when escalation fires; never below the starting assessment's, except after a
/// <see cref="ClinicianReview"/> that cleared the runner for rehabilitation.</param>
/// <param name="Today">The as-of date's tasks (the same as the first day of <paramref name="Week"/>).</param>
/// <param name="Week">Seven days of tasks starting on the as-of date, assuming no new check-ins.</param>
/// <param name="Reasons">Why the phase and disposition are what they are, oldest first.</param>
/// <param name="LadderStage">Walk–run ladder stage (0 = walk 4/run 1 … 4 = 5 min continuous) in <see cref="Phase.ReturnToRun"/>.</param>
/// <param name="WeeklyRunningCapKm">This week's running cap, when running and the pre-injury distance is known.</param>
public sealed record ProgrammeState(
    DateOnly AsOf,
    Disposition Disposition,
    Phase Phase,
    DateOnly PhaseSince,
    IReadOnlyList<ProgrammeTask> Today,
    IReadOnlyList<ProgrammeDay> Week,
    DateOnly NextReview,
    IReadOnlyList<string> Reasons,
    HeelDropLevel HeelDrops,
    int? LadderStage,
    double? WeeklyRunningCapKm)
{
    /// <summary>Each phase entered so far and the day it began, oldest first (first aid on day 0).</summary>
    public IReadOnlyList<PhaseStart> PhaseStarts { get; init; } = [];

    /// <summary>Every firing of an escalation rule so far, oldest first (the same events as the escalation sentences in <see cref="Reasons"/>).</summary>
    public IReadOnlyList<ProgrammeEscalation> Escalations { get; init; } = [];

    /// <summary>The return-to-run criteria on the as-of date, each with how far the runner is from it (<see cref="ReturnToRunGate"/>).</summary>
    public IReadOnlyList<GateCriterion> RunningCriteria { get; init; } = [];

    /// <summary>
    /// The cadence to practise at easy pace (steps/min): the current step once the cadence work has begun, else its first
    /// step; null without a measured cadence or when it is already 170 or more. From <see cref="CadencePlan"/>, the one rounding.
    /// </summary>
    public int? CadenceTargetSpm { get; init; }
}

/// <summary>A phase and the day the runner entered it.</summary>
public sealed record PhaseStart(Phase Phase, DateOnly Since);
