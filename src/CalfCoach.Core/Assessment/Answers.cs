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

    public bool Has(Symptom symptom) => Present.Contains(symptom);

    /// <summary>The same answers with one more warning sign answered "yes" (for "what if" views and tests).</summary>
    public RunnerAnswers WithSymptom(Symptom symptom) => Copy(new HashSet<Symptom>(Present) { symptom }, DaysSinceOnset, DaysOfHomeCare);

    /// <summary>The same answers on another day of the course.</summary>
    public RunnerAnswers WithDays(int daysSinceOnset, int daysOfHomeCare) => Copy(Present, daysSinceOnset, daysOfHomeCare);

    // The constructor-validated values cannot be changed with "with", so copies go through the constructor.
    private RunnerAnswers Copy(IReadOnlySet<Symptom> present, int daysSinceOnset, int daysOfHomeCare) =>
        new(present, daysSinceOnset, daysOfHomeCare)
        {
            PainScore = PainScore,
            Side = Side,
            Onset = Onset,
            AfterInjury = AfterInjury,
            CrampDuringRun = CrampDuringRun,
            DiabetesOrImmunosuppressed = DiabetesOrImmunosuppressed,
            DvtRiskFactors = DvtRiskFactors,
            RecentChanges = RecentChanges,
        };

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
    /// tear worse (the article; EVIDENCE.md 2.4), so self-care withholds them.
    /// </summary>
    public bool SuggestsTear =>
        HasAny(Symptom.PopOrSnap, Symptom.CannotRiseOnToes, Symptom.CannotBearWeight, Symptom.Bruising)
        || Onset == Assessment.Onset.Sudden
        || AfterInjury == true;
}
