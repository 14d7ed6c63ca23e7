namespace CalfCoach.Core.Assessment;

public enum Side
{
    Left,
    Right,
    Both,
}

public enum Onset
{
    Sudden,
    Gradual,
}

/// <summary>
/// Everything the runner told us. Built only from a complete set of answers: the yes/no warning
/// signs are held as the set of those answered "yes", so an unanswered sign cannot exist here
/// (it is rejected earlier, by <see cref="Json.AnswersJsonReader"/> or the interactive questionnaire).
/// </summary>
public sealed record RunnerAnswers
{
    public RunnerAnswers(
        IReadOnlySet<Symptom> present,
        int daysSinceOnset,
        int daysOfHomeCare)
    {
        ArgumentNullException.ThrowIfNull(present);
        ArgumentOutOfRangeException.ThrowIfNegative(daysSinceOnset);
        ArgumentOutOfRangeException.ThrowIfNegative(daysOfHomeCare);
        Present = present;
        DaysSinceOnset = daysSinceOnset;
        DaysOfHomeCare = daysOfHomeCare;

        // A sign first asked in version 2 can only have been answered in version 2 or later.
        Version = present.Any(s => Questionnaire.For(s).SinceVersion > Questionnaire.FirstVersion)
            ? Questionnaire.CurrentVersion
            : Questionnaire.FirstVersion;
    }

    /// <summary>The warning signs answered "yes"; every other sign was answered "no".</summary>
    public IReadOnlySet<Symptom> Present { get; }

    /// <summary>Whole days since the pain began (0 = today).</summary>
    public int DaysSinceOnset { get; }

    /// <summary>Whole days of rest and home care so far.</summary>
    public int DaysOfHomeCare { get; }

    public PainScore? PainScore { get; init; }
    public Side? Side { get; init; }
    public Onset? Onset { get; init; }
    public bool? AfterInjury { get; init; }
    public bool? CrampDuringRun { get; init; }
    public bool? DiabetesOrImmunosuppressed { get; init; }
    public IReadOnlySet<DvtRiskFactor> DvtRiskFactors { get; init; } = new HashSet<DvtRiskFactor>();
    public IReadOnlySet<RecentChange> RecentChanges { get; init; } = new HashSet<RecentChange>();

    /// <summary>
    /// The questionnaire version the answers were given in: 1 (no "version" key) or 2. A version-1 set was never asked
    /// the version-2 signs (<see cref="NotAsked"/>) nor the follow-ups, which the rules then read as their most worrying branch.
    /// </summary>
    public int Version { get; init; }

    // Follow-ups of a gateway sign (version 2). Null: not asked, read as the most worrying value.
    public RestPainKind? RestPain { get; init; }
    public NumbnessKind? Numbness { get; init; }
    public SwellingExtent? SwellingExtent { get; init; }
    public SwellingCause? SwellingCause { get; init; }
    public RecurringEases? RecurringEases { get; init; }
    public SkinPatch? SkinPatch { get; init; }
    public FootWeakOnset? FootWeakOnset { get; init; }
    public WoundAftermath? WoundAftermath { get; init; }

    /// <summary>Where the pain is (version 2; null when not asked or not sure).</summary>
    public PainLocation? Location { get; init; }

    public IReadOnlySet<Medicine> Medicines { get; init; } = new HashSet<Medicine>();

    /// <summary>The warning signs these answers were never asked about (those added after their version).</summary>
    public IReadOnlyList<Symptom> NotAsked =>
        Questionnaire.SymptomQuestions.Where(q => q.SinceVersion > Version).Select(q => q.Symptom).ToArray();

    /// <summary>True when the pain at rest is, or may be (not asked), constant rather than a cramp that passes.</summary>
    public bool ConstantPainAtRest => Has(Symptom.PainAtRest) && RestPain is null or RestPainKind.Constant;

    /// <summary>True when the numbness is, or may be (not asked), more than a passing effect of running.</summary>
    public bool PersistentNumbness => Has(Symptom.NumbnessOrTingling) && Numbness is null or NumbnessKind.Persistent;

    /// <summary>
    /// Swelling that fits a clot: unexplained, or marked (whole leg, 3 cm or more, pitting: the Wells items), or not
    /// asked which. Swelling with a bruise after an injury, limited to the calf, is the pattern of a bleed into the muscle.
    /// </summary>
    public bool SwellingFitsClot => Has(Symptom.Swelling)
        && (SwellingCause is null or Assessment.SwellingCause.Unexplained
            || SwellingExtent is null or Assessment.SwellingExtent.WholeLeg or Assessment.SwellingExtent.CalfMuchBigger);

    /// <summary>True when the recurring pain may follow the arterial pattern (asked and said so, or not asked).</summary>
    public bool RecurringMayBeArterial => Has(Symptom.RecurringDuringRuns) && RecurringEases is null or Assessment.RecurringEases.StandingStillOnWalks;

    /// <summary>
    /// The calf shows a sign that fits a clot in a leg vein (NHS DVT symptoms, the Wells items), or the pain is where a
    /// clot's pain usually is (all over the calf, behind the knee) or its place was not given.
    /// </summary>
    public bool CalfFitsClot =>
        SwellingFitsClot || ConstantPainAtRest
        || HasAny(Symptom.Warmth, Symptom.Discoloration, Symptom.TenseHardCalf, Symptom.HardOrSoreVeins)
        || Location is null or PainLocation.WholeCalf or PainLocation.BehindKnee;

    /// <summary>
    /// One-sided pain, or the side not given. A clot in a leg vein rarely makes both calves hurt (NHS DVT), so soreness
    /// of both calves on its own is not read as a clot pattern; swelling, warmth or red skin still are.
    /// </summary>
    public bool OneSidedOrUnknown => Side is not Assessment.Side.Both;

    /// <summary>Warm or red skin over much of the calf, or spreading, or not asked how far: the pattern of a clot or a spreading infection.</summary>
    public bool WarmOrRedSkinSpreading =>
        HasAny(Symptom.Warmth, Symptom.Discoloration) && SkinPatch is null or Assessment.SkinPatch.SpreadingOrLarge;

    public bool Takes(Medicine medicine) => Medicines.Contains(medicine);

    public bool Has(Symptom symptom) => Present.Contains(symptom);

    /// <summary>The same answers with one more warning sign answered "yes" (for "what if" views and tests).</summary>
    public RunnerAnswers WithSymptom(Symptom symptom) => Copy(new HashSet<Symptom>(Present) { symptom }, DaysSinceOnset, DaysOfHomeCare);

    /// <summary>The same answers on another day of the course.</summary>
    public RunnerAnswers WithDays(int daysSinceOnset, int daysOfHomeCare) => Copy(Present, daysSinceOnset, daysOfHomeCare);

    // The constructor-validated values cannot be changed with "with", so copies go through the constructor.
    private RunnerAnswers Copy(IReadOnlySet<Symptom> present, int daysSinceOnset, int daysOfHomeCare)
    {
        var fresh = new RunnerAnswers(present, daysSinceOnset, daysOfHomeCare);
        return fresh with
        {
            PainScore = PainScore,
            Side = Side,
            Onset = Onset,
            AfterInjury = AfterInjury,
            CrampDuringRun = CrampDuringRun,
            DiabetesOrImmunosuppressed = DiabetesOrImmunosuppressed,
            DvtRiskFactors = DvtRiskFactors,
            RecentChanges = RecentChanges,
            Version = Math.Max(Version, fresh.Version),
            RestPain = RestPain,
            Numbness = Numbness,
            SwellingExtent = SwellingExtent,
            SwellingCause = SwellingCause,
            RecurringEases = RecurringEases,
            SkinPatch = SkinPatch,
            FootWeakOnset = FootWeakOnset,
            WoundAftermath = WoundAftermath,
            Location = Location,
            Medicines = Medicines,
        };
    }

    public bool HasAny(params ReadOnlySpan<Symptom> symptoms)
    {
        foreach (var symptom in symptoms)
        {
            if (Present.Contains(symptom))
            {
                return true;
            }
        }

        return false;
    }

    public bool Reported(RecentChange change) => RecentChanges.Contains(change);

    /// <summary>
    /// True when the answers suggest torn muscle fibres: massage and foam rolling could make a
    /// tear worse (the article; EVIDENCE.md 2.4), so self-care withholds them. A sudden start that was a cramp
    /// during a run, with no sign of injury, is a cramp, not a tear (EVIDENCE.md 7a: a cramp that has passed may be
    /// stretched and massaged).
    /// </summary>
    public bool SuggestsTear =>
        HasAny(Symptom.PopOrSnap, Symptom.CannotRiseOnToes, Symptom.CannotBearWeight, Symptom.Bruising)
        || (Onset == Assessment.Onset.Sudden && CrampDuringRun != true)
        || AfterInjury == true;

    /// <summary>A cramp during a run that began suddenly and showed none of the signs of a tear.</summary>
    public bool BriefExerciseCramp => CrampDuringRun == true && !SuggestsTear;
}
