namespace CalfCoach.Core.Assessment;

/// <summary>A yes/no question about one warning sign; "yes" is always the worrying answer.</summary>
/// <param name="Key">The answers-file key (the public contract).</param>
public sealed record SymptomQuestion(Symptom Symptom, string Key, string Text);

/// <summary>Related questions shown together (one screen on the web, one block in the CLI).</summary>
public sealed record QuestionGroup(string Id, string Title, IReadOnlyList<SymptomQuestion> Questions);

/// <summary>
/// The questions, in the order they are asked: the signs that alone mean an emergency come first,
/// so an interactive session can stop and show emergency instructions as early as possible.
/// </summary>
/// <remarks>EVIDENCE.md 1.13 (consumer question set) and the article's warning signs.</remarks>
public static class Questionnaire
{
    public const string DaysSinceOnsetKey = "daysSinceOnset";
    public const string DaysOfHomeCareKey = "daysOfHomeCare";
    public const string PainScoreKey = "painScore";
    public const string SideKey = "side";
    public const string OnsetKey = "onset";
    public const string AfterInjuryKey = "afterInjury";
    public const string CrampDuringRunKey = "crampDuringRun";
    public const string DiabetesOrImmunosuppressedKey = "diabetesOrImmunosuppressed";
    public const string DvtRiskFactorsKey = "dvtRiskFactors";
    public const string RecentChangesKey = "recentChanges";

    public static IReadOnlyList<QuestionGroup> Groups { get; } =
    [
        new("breathing-circulation", "Emergency signs: breathing and circulation",
        [
            Q(Symptom.ShortnessOfBreath, "shortnessOfBreath", "Are you short of breath, or is breathing harder than it should be?"),
            Q(Symptom.ChestPain, "chestPain", "Do you have chest pain, especially pain that is worse when you breathe in?"),
            Q(Symptom.CoughingBlood, "coughingBlood", "Have you coughed up blood?"),
            Q(Symptom.FaintingOrCollapse, "faintingOrCollapse", "Have you fainted, collapsed or nearly passed out?"),
            Q(Symptom.ColdOrPaleFoot, "coldOrPaleFoot", "Is the foot or leg cold, pale, white or blue compared with the other one?"),
            Q(Symptom.CannotMoveFootOrToes, "cannotMoveFootOrToes", "Are you unable to move the foot or the toes?"),
        ]),
        new("whole-body-spine", "Emergency signs: fever, feeling unwell, severe pain, the spine",
        [
            Q(Symptom.Fever, "fever", "Do you have a fever (38 °C / 100.4 °F or more) or shivers?"),
            Q(Symptom.FeelingVeryUnwell, "feelingVeryUnwell", "Do you feel very unwell: a racing heart or fast breathing, confusion, dizziness, or cold and clammy skin?"),
            Q(Symptom.DarkUrine, "darkUrine", "Since a hard session, has your urine been dark like cola, or red?"),
            Q(Symptom.SevereUnrelentingPain, "severeUnrelentingPain", "Is the pain severe and constant, so bad it is hard to think, talk or sleep, and does not ease with rest?"),
            Q(Symptom.BothLegsWeakOrNumb, "bothLegsWeakOrNumb", "Are both of your legs weak or numb?"),
            Q(Symptom.SaddleNumbnessOrBladderBowel, "saddleNumbnessOrBladderBowel", "Is there numbness between your legs or around your bottom, or a new problem controlling your bladder or bowels?"),
        ]),
        new("injury", "How it started",
        [
            Q(Symptom.PopOrSnap, "popOrSnap", "Did it start with a sudden sharp pain and a pop or snap, or a feeling of being kicked in the calf?"),
            Q(Symptom.CannotBearWeight, "cannotBearWeight", "Are you unable to stand on the leg or to take four steps?"),
            Q(Symptom.CannotRiseOnToes, "cannotRiseOnToes", "Standing on the sore leg alone, are you unable to rise onto your toes?"),
        ]),
        new("pain", "The pain",
        [
            Q(Symptom.TenseHardCalf, "tenseHardCalf", "Does the calf feel tense and hard, as if it were swollen tight?"),
            Q(Symptom.PainOnMovingToes, "painOnMovingToes", "Does moving your toes or foot (or someone gently moving them) make the calf pain much worse?"),
            Q(Symptom.PainAtRest, "painAtRest", "Does the calf hurt while you are resting, or wake you at night?"),
            Q(Symptom.NumbnessOrTingling, "numbnessOrTingling", "Do you have numbness, pins and needles or tingling in the calf or foot?"),
            Q(Symptom.RecurringDuringRuns, "recurringDuringRuns", "Does the pain come on at about the same point of every run and settle within minutes of stopping?"),
            Q(Symptom.CrampOver10Minutes, "crampOver10Minutes", "Have you had a calf cramp that lasted longer than 10 minutes?"),
        ]),
        new("the-leg", "How the leg looks and feels",
        [
            Q(Symptom.Swelling, "swelling", "Is the sore calf swollen compared with the other leg?"),
            Q(Symptom.Warmth, "warmth", "Does the skin over the painful area feel warm?"),
            Q(Symptom.Discoloration, "discoloration", "Is the skin of the calf red, or darker than usual?"),
            Q(Symptom.Bruising, "bruising", "Is there bruising on the calf or down towards the ankle?"),
            Q(Symptom.KneeLump, "kneeLump", "Do you have a lump behind the knee on that side?"),
        ]),
        new("course", "How it is going",
        [
            Q(Symptom.NotImproving, "notImproving", "Is it no better since you started resting it and caring for it at home (the same or worse)?"),
        ]),
    ];

    /// <summary>Every warning-sign question, in asking order.</summary>
    public static IReadOnlyList<SymptomQuestion> SymptomQuestions { get; } =
        Groups.SelectMany(g => g.Questions).ToArray();

    /// <summary>Every key the answers object may hold, required first, in asking order.</summary>
    public static IReadOnlyList<string> AllKeys { get; } =
    [
        .. SymptomQuestions.Select(q => q.Key),
        DaysSinceOnsetKey, DaysOfHomeCareKey, PainScoreKey, SideKey, OnsetKey, AfterInjuryKey,
        CrampDuringRunKey, DiabetesOrImmunosuppressedKey, DvtRiskFactorsKey, RecentChangesKey,
    ];

    public static SymptomQuestion For(Symptom symptom) => SymptomQuestions.Single(q => q.Symptom == symptom);

    private static SymptomQuestion Q(Symptom symptom, string key, string text) => new(symptom, key, text);
}
