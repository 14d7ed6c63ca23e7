using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Plans;

/// <summary>A runner's check-in log for tests, with days counted from the programme start (day 0).</summary>
internal sealed class ProgrammeLog
{
    public static readonly DateOnly Day0 = new(2026, 11, 2);

    private readonly List<PainCheckIn> _pain = [];
    private readonly List<ExerciseCheckIn> _exercises = [];
    private readonly List<RedFlagCheck> _checks = [];
    private readonly List<ClinicianReview> _reviews = [];

    public ProgrammeLog(Disposition startsAs = Disposition.SelfCare, int daysOfHomeCare = 0, double? preInjuryKm = null, double? cadence = null)
    {
        var answers = startsAs switch
        {
            Disposition.SelfCare => Answers(),
            Disposition.SeeClinician => Answers(Symptom.Bruising),
            Disposition.Urgent => Answers(Symptom.Swelling),
            _ => Answers(Symptom.ChestPain),
        };
        var assessment = Assessor.Assess(answers, Day0);
        Assert.Equal(startsAs, assessment.Disposition);
        Start = new ProgrammeStart(assessment, preInjuryKm, cadence, daysOfHomeCare);
    }

    public ProgrammeStart Start { get; }

    public static DateOnly Day(int n) => Day0.AddDays(n);

    public static RunnerAnswers Answers(params Symptom[] yes) => new(yes.ToHashSet(), daysSinceOnset: 0, daysOfHomeCare: 0);

    public ProgrammeLog AtRest(int day, int score) => Add(new PainCheckIn(Day(day), score, AtRest: true));

    public ProgrammeLog Walking(int day, int score) => Add(new PainCheckIn(Day(day), score));

    public ProgrammeLog Morning(int day, int score) => Add(new PainCheckIn(Day(day), score, Morning: true));

    /// <summary>A quiet day: morning and walking pain both at <paramref name="score"/>.</summary>
    public ProgrammeLog Quiet(int fromDay, int toDay, int score = 1)
    {
        for (var d = fromDay; d <= toDay; d++)
        {
            Morning(d, score).Walking(d, score);
        }

        return this;
    }

    public ProgrammeLog Add(PainCheckIn checkIn)
    {
        _pain.Add(checkIn);
        return this;
    }

    public ProgrammeLog HeelDrops(int day, int? pain) =>
        Exercise(new ExerciseCheckIn(Day(day), "heel-drops-straight-knee", 3, 12, null, pain));

    public ProgrammeLog HeelRaises(int day, int reps) =>
        Exercise(new ExerciseCheckIn(Day(day), ExerciseNames.SingleLegHeelRaise, 1, reps));

    public ProgrammeLog OtherLegHeelRaises(int day, int reps) =>
        Exercise(new ExerciseCheckIn(Day(day), ExerciseNames.SingleLegHeelRaiseOther, 1, reps));

    public ProgrammeLog KneeToWall(int day, int soreCm, int otherCm) =>
        Exercise(new ExerciseCheckIn(Day(day), ExerciseNames.KneeToWall, 1, soreCm))
            .Exercise(new ExerciseCheckIn(Day(day), ExerciseNames.KneeToWallOther, 1, otherCm));

    /// <summary>Both capacity tests passed on <paramref name="day"/>: 30 heel raises on the sore leg (32 on the other), knee-to-wall 10 cm against 11.</summary>
    public ProgrammeLog CapacityPassed(int day) => HeelRaises(day, 30).OtherLegHeelRaises(day, 32).KneeToWall(day, 10, 11);

    public ProgrammeLog WalkRun(int day, int? pain, int repeats = 6) =>
        Exercise(new ExerciseCheckIn(Day(day), ExerciseNames.WalkRun, repeats, 1, null, pain));

    public ProgrammeLog Exercise(ExerciseCheckIn checkIn)
    {
        _exercises.Add(checkIn);
        return this;
    }

    public ProgrammeLog RedFlags(int day, params Symptom[] yes)
    {
        _checks.Add(new RedFlagCheck(Day(day), Answers(yes)));
        return this;
    }

    public ProgrammeLog Clinician(int day, bool cleared)
    {
        _reviews.Add(new ClinicianReview(Day(day), cleared));
        return this;
    }

    public ProgrammeState On(int day) => RecoveryProgramme.Evaluate(Start, _pain, _exercises, _checks, Day(day), _reviews);

    public RunningRoadmap Roadmap(int day) => ReturnToRunForecast.For(Start, _pain, _exercises, _checks, Day(day), _reviews);

    /// <summary>A clear day-0 baseline (pain at rest 6) so later, lower scores count as improvement.</summary>
    public static ProgrammeLog Injured(double? preInjuryKm = null, double? cadence = null) =>
        new ProgrammeLog(preInjuryKm: preInjuryKm, cadence: cadence).AtRest(0, 6);

    /// <summary>Recovery on day 3 and strengthening on day 4 (walking pain 1, mornings 1 from day 3).</summary>
    public static ProgrammeLog Strengthening(double? preInjuryKm = null, double? cadence = null) =>
        Injured(preInjuryKm, cadence).Quiet(3, 4);

    /// <summary>Return to running on day 9: seven quiet days (3–9) and both capacity tests passed on day 8.</summary>
    public static ProgrammeLog Running(double? preInjuryKm = null, double? cadence = null) =>
        Strengthening(preInjuryKm, cadence).Quiet(5, 9).CapacityPassed(8);
}
