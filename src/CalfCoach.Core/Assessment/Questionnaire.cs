namespace CalfCoach.Core.Assessment;

/// <summary>A yes/no question about one warning sign; "yes" is always the worrying answer.</summary>
/// <param name="Key">The answers-file key (the public contract).</param>
/// <param name="SinceVersion">The questionnaire version that first asked it: required from that version on, refused before it.</param>
public sealed record SymptomQuestion(Symptom Symptom, string Key, string Text, int SinceVersion = Questionnaire.FirstVersion);

/// <summary>One answer a follow-up question offers.</summary>
/// <param name="Value">The wire value (answers file, API, form).</param>
public sealed record DetailChoice(string Value, string Label);

/// <summary>
/// A follow-up asked only when its gateway sign is answered "yes" (version 2). The choices are ordered from the most
/// worrying, which is the branch the rules take when the follow-up was never asked.
/// </summary>
/// <param name="Gateways">The signs that lead to it: it is asked when any of them is "yes".</param>
public sealed record DetailQuestion(string Key, IReadOnlyList<Symptom> Gateways, string Text, IReadOnlyList<DetailChoice> Choices)
{
    public bool IsAskedFor(IReadOnlySet<Symptom> yes) => Gateways.Any(yes.Contains);
}

/// <summary>Related questions shown together (one screen on the web, one block in the CLI).</summary>
public sealed record QuestionGroup(string Id, string Title, IReadOnlyList<SymptomQuestion> Questions);

/// <summary>
/// The questions, in the order they are asked: the signs that alone mean an emergency come first,
/// so an interactive session can stop and show emergency instructions as early as possible.
/// </summary>
/// <remarks>EVIDENCE.md 1.13 (consumer question set) and the article's warning signs.</remarks>
public static class Questionnaire
{
    /// <summary>Answers without a "version" key.</summary>
    public const int FirstVersion = 1;

    /// <summary>The version the CLI and the web ask today.</summary>
    public const int CurrentVersion = 2;

    public const string VersionKey = "version";
    public const string RestPainKey = "restPain";
    public const string NumbnessKey = "numbness";
    public const string SwellingExtentKey = "swellingExtent";
    public const string SwellingCauseKey = "swellingCause";
    public const string RecurringEasesKey = "recurringEases";
    public const string SkinPatchKey = "skinPatch";
    public const string FootWeakOnsetKey = "footWeakOnset";
    public const string WoundAftermathKey = "woundAftermath";
    public const string PainLocationKey = "painLocation";
    public const string MedicinesKey = "medicines";
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
            Q2(Symptom.OverheatedOrConfused, "overheatedOrConfused", "During or after a run in warm weather, did you become confused, very hot to the touch, or collapse?"),
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
            Q2(Symptom.FootWeakOrDropping, "footWeakOrDropping", "Is the foot weak: does it slap down or catch its toes when you walk, or can you not lift the front of it?"),
            Q2(Symptom.SuddenlyMuchWorse, "suddenlyMuchWorse", "Has the pain suddenly become much worse than it was, or does it now come much sooner in a walk or a run?"),
        ]),
        new("the-leg", "How the leg looks and feels",
        [
            Q(Symptom.Swelling, "swelling", "Is the sore calf swollen compared with the other leg?"),
            Q(Symptom.Warmth, "warmth", "Does the skin over the painful area feel warm?"),
            Q(Symptom.Discoloration, "discoloration", "Apart from any bruise, is the skin of the calf red, or darker than usual?"),
            Q(Symptom.Bruising, "bruising", "Is there a large bruise on the calf (bigger than a coin or two), or bruising down towards the ankle?"),
            Q(Symptom.KneeLump, "kneeLump", "Do you have a lump behind the knee on that side?"),
            Q2(Symptom.HardOrSoreVeins, "hardOrSoreVeins", "Are the veins of that calf swollen, hard or sore to touch?"),
            Q2(Symptom.WoundOrBite, "woundOrBite", "Is there a cut, graze, blister, insect bite or other wound on that leg?"),
        ]),
        new("course", "How it is going",
        [
            Q(Symptom.NotImproving, "notImproving", "Is it no better since you started resting it and caring for it at home (the same or worse)?"),
        ]),
    ];

    /// <summary>The follow-ups, each asked right after the screen of its gateway sign when that sign is "yes".</summary>
    public static IReadOnlyList<DetailQuestion> Details { get; } =
    [
        D(FootWeakOnsetKey, [Symptom.FootWeakOrDropping], "How did the weak foot come on?", Enum.GetValues<FootWeakOnset>(), SignDetailText.Id, SignDetailText.Label),
        D(RestPainKey, [Symptom.PainAtRest], "What is the pain at rest like?", Enum.GetValues<RestPainKind>(), SignDetailText.Id, SignDetailText.Label),
        D(NumbnessKey, [Symptom.NumbnessOrTingling], "When do the numbness or pins and needles come?", Enum.GetValues<NumbnessKind>(), SignDetailText.Id, SignDetailText.Label),
        D(RecurringEasesKey, [Symptom.RecurringDuringRuns], "What eases that pain?", Enum.GetValues<RecurringEases>(), SignDetailText.Id, SignDetailText.Label),
        D(SwellingExtentKey, [Symptom.Swelling], "How much is swollen?", Enum.GetValues<SwellingExtent>(), SignDetailText.Id, SignDetailText.Label),
        D(SwellingCauseKey, [Symptom.Swelling], "What came with the swelling?", Enum.GetValues<SwellingCause>(), SignDetailText.Id, SignDetailText.Label),
        D(SkinPatchKey, [Symptom.Warmth, Symptom.Discoloration], "How far does the warm or red skin reach?", Enum.GetValues<SkinPatch>(), SignDetailText.Id, SignDetailText.Label),
        D(WoundAftermathKey, [Symptom.WoundOrBite], "Since the wound, have your muscles cramped or stiffened?", Enum.GetValues<WoundAftermath>(), SignDetailText.Id, SignDetailText.Label),
    ];

    /// <summary>Where it hurts (version 2, required; "not sure" is a valid answer).</summary>
    public static IReadOnlyList<DetailChoice> PainLocationChoices { get; } =
        [.. Enum.GetValues<PainLocation>().Select(l => new DetailChoice(l.Id(), l.Label())), new DetailChoice(NotSure, "I am not sure")];

    public const string NotSure = "not-sure";

    public static IReadOnlyList<DetailChoice> MedicineChoices { get; } =
        Enum.GetValues<Medicine>().Select(m => new DetailChoice(m.Id(), m.Label())).ToArray();

    /// <summary>The follow-ups of one gateway sign, in asking order.</summary>
    public static IReadOnlyList<DetailQuestion> DetailsOf(Symptom gateway) => Details.Where(d => d.Gateways.Contains(gateway)).ToArray();

    /// <summary>Every warning-sign question, in asking order.</summary>
    public static IReadOnlyList<SymptomQuestion> SymptomQuestions { get; } =
        Groups.SelectMany(g => g.Questions).ToArray();

    /// <summary>Every key the answers object may hold, required first, in asking order.</summary>
    public static IReadOnlyList<string> AllKeys { get; } =
    [
        .. SymptomQuestions.Select(q => q.Key),
        DaysSinceOnsetKey, DaysOfHomeCareKey, PainScoreKey, SideKey, OnsetKey, AfterInjuryKey,
        CrampDuringRunKey, DiabetesOrImmunosuppressedKey, DvtRiskFactorsKey, RecentChangesKey,
        VersionKey, .. Details.Select(d => d.Key), PainLocationKey, MedicinesKey,
    ];

    /// <summary>The keys a version-1 answers object may not hold: they were first asked in version 2.</summary>
    public static IReadOnlySet<string> VersionTwoKeys { get; } = new HashSet<string>(
        [.. SymptomQuestions.Where(q => q.SinceVersion >= 2).Select(q => q.Key), .. Details.Select(d => d.Key), PainLocationKey, MedicinesKey],
        StringComparer.Ordinal);

    /// <summary>The warning signs an answers object of <paramref name="version"/> answers.</summary>
    public static IReadOnlyList<SymptomQuestion> SymptomQuestionsOf(int version) =>
        SymptomQuestions.Where(q => q.SinceVersion <= version).ToArray();

    public static SymptomQuestion For(Symptom symptom) => SymptomQuestions.Single(q => q.Symptom == symptom);

    private static SymptomQuestion Q(Symptom symptom, string key, string text) => new(symptom, key, text);

    private static SymptomQuestion Q2(Symptom symptom, string key, string text) => new(symptom, key, text, SinceVersion: 2);

    private static DetailQuestion D<T>(string key, Symptom[] gateway, string text, T[] values, Func<T, string> id, Func<T, string> label) =>
        new(key, gateway, text, values.Select(v => new DetailChoice(id(v), label(v))).ToArray());
}
