namespace CalfCoach.Core.Assessment;

/// <summary>One line of advice: a stable id (the same in the CLI, the pages, the report and the API) and its words.</summary>
public sealed record AdviceLine(string Id, string Text);

/// <summary>
/// What every line of advice is chosen against: the concerns the warning signs raised, the disposition, and the day
/// since the pain began (EVIDENCE.md 7a). Computed once per result, so the "do now" lines, the self-care plan and the
/// conflict table all read the same facts.
/// </summary>
public sealed record AdviceSituation(
    Disposition Disposition,
    IReadOnlySet<Concern> Concerns,
    int Day,
    RunnerAnswers Answers)
{
    /// <summary>The first-aid days (protect, ice, compress, raise): the first three days after the pain began.</summary>
    public const int FirstAidLastDay = SelfCarePlan.FirstAidDaysMax;

    /// <summary>Anti-inflammatory medicines are avoided for the first 48 hours (NHS sprains and strains).</summary>
    public const int NoIbuprofenLastDay = 1;

    public static AdviceSituation From(Disposition disposition, TriageOutcome triage, RunnerAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(answers);
        return new AdviceSituation(disposition, triage.Concerns.ToHashSet(), answers.DaysSinceOnset, answers);
    }

    public bool Is(Concern concern) => Concerns.Contains(concern);

    /// <summary>Breathlessness, chest pain, coughing blood, collapse, sepsis signs or heat illness: an ambulance, not a lift.</summary>
    public bool NeedsAmbulance =>
        Disposition == Disposition.Emergency
        && (Answers.HasAny(Symptom.ShortnessOfBreath, Symptom.ChestPain, Symptom.CoughingBlood, Symptom.FaintingOrCollapse,
                Symptom.FeelingVeryUnwell, Symptom.OverheatedOrConfused, Symptom.ColdOrPaleFoot, Symptom.BothLegsWeakOrNumb,
                Symptom.SaddleNumbnessOrBladderBowel)
            || Is(Concern.HeatIllness));

    /// <summary>A concern about the blood supply of the leg: no compression, no raising the leg (EVIDENCE.md 7a, NICE CG147).</summary>
    public bool Arterial =>
        Is(Concern.BlockedArtery) || Is(Concern.NarrowedArtery) || Is(Concern.ExerciseTriggeredPressureOrArtery)
        || Answers.Has(Symptom.ColdOrPaleFoot);

    public bool Compartment => Is(Concern.CompartmentSyndrome);

    public bool Clot => Is(Concern.BloodClotInLeg) || Is(Concern.BloodClotInLungs);

    public bool Heat => Is(Concern.HeatIllness);

    public bool Infection => Is(Concern.SpreadingInfection);

    public bool Tear => Answers.SuggestsTear || Is(Concern.TearOrRupture);

    /// <summary>Ice is not advised where skin feeling or blood supply may be reduced (EVIDENCE.md 2.1).</summary>
    public bool IceUnsafe => Arterial || Answers.HasAny(Symptom.NumbnessOrTingling, Symptom.ColdOrPaleFoot);

    /// <summary>A cramp during a run that has passed with no sign of a tear: stretch and massage it (EVIDENCE.md 7a).</summary>
    public bool CrampPassed => Answers.BriefExerciseCramp;

    public bool FirstAidDays => Day <= FirstAidLastDay;
}
