namespace CalfCoach.Core.Assessment;

/// <summary>
/// A yes/no warning sign the runner is asked about. Every one is required in the answers, and
/// "yes" is always the worrying answer, so adding one can only make the picture more serious.
/// </summary>
/// <remarks>
/// Sources: the article's warning signs and EVIDENCE.md section 1.1 (R1–R15) and 1.13. The signs first asked in
/// version 2 of the questionnaire (see <see cref="SymptomQuestion.SinceVersion"/>) are in docs/EVIDENCE-NOTES.md.
/// </remarks>
public enum Symptom
{
    // Breathing and circulation
    ShortnessOfBreath,
    ChestPain,
    CoughingBlood,
    FaintingOrCollapse,
    ColdOrPaleFoot,
    CannotMoveFootOrToes,
    OverheatedOrConfused,

    // Infection and general state
    Fever,
    FeelingVeryUnwell,
    DarkUrine,

    // Pain
    SevereUnrelentingPain,
    TenseHardCalf,
    PainOnMovingToes,
    PainAtRest,
    RecurringDuringRuns,
    CrampOver10Minutes,
    SuddenlyMuchWorse,

    // Injury
    PopOrSnap,
    CannotBearWeight,
    CannotRiseOnToes,

    // The leg
    Swelling,
    Warmth,
    Discoloration,
    Bruising,
    KneeLump,
    HardOrSoreVeins,
    WoundOrBite,

    // Nerves and spine
    NumbnessOrTingling,
    FootWeakOrDropping,
    BothLegsWeakOrNumb,
    SaddleNumbnessOrBladderBowel,

    // Course
    NotImproving,
}
