using static CalfCoach.Core.Assessment.Concern;
using static CalfCoach.Core.Assessment.Disposition;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Assessment;

/// <summary>
/// The triage rule table. The article's rules are the minimum; EVIDENCE.md section 1 adds the
/// conditions the article only hints at. Where they differ, the more urgent disposition is used.
/// </summary>
public static class TriageRules
{
    /// <summary>Days of home care without improvement after which a clinician should look (article: 7 to 10 days; the earlier end is used).</summary>
    public const int HomeCareDaysBeforeReview = 7;

    /// <summary>The latest point of the article's 7–10 day window.</summary>
    public const int HomeCareDaysLatestReview = 10;

    /// <summary>Most strains feel better within two weeks (EVIDENCE.md 1.5, NHS).</summary>
    public const int DaysSinceOnsetBeforeReview = 14;

    /// <summary>Pain this high is more than simple soreness (grade II features, EVIDENCE.md 1.5).</summary>
    public const int HighPainScore = 7;

    public static IReadOnlyList<TriageRule> All { get; } =
    [
        // ---- Emergency -------------------------------------------------------------------
        new("breathing-or-chest-symptoms", Emergency, [BloodClotInLungs],
            "Breathlessness, chest pain, coughing blood or fainting together with calf pain can mean a clot has reached the lungs.",
            "Article: shortness of breath with calf pain; EVIDENCE R1, 1.3",
            a => a.HasAny(ShortnessOfBreath, ChestPain, CoughingBlood, FaintingOrCollapse)),
        new("cold-pale-or-paralysed-foot", Emergency, [BlockedArtery, CompartmentSyndrome],
            "A cold, pale or blue foot, or a foot you cannot move, means the leg may not be getting enough blood.",
            "Article: coldness (urgent); EVIDENCE R2 acute limb ischaemia (emergency)",
            a => a.HasAny(ColdOrPaleFoot, CannotMoveFootOrToes)),
        new("severe-unrelenting-pain", Emergency, [CompartmentSyndrome, BloodClotInLeg, TearOrRupture],
            "Severe pain that does not let up, even at rest, is out of proportion to a simple strain.",
            "Article: severe and unrelenting pain; EVIDENCE R3",
            a => a.Has(SevereUnrelentingPain)),
        new("tense-calf-with-nerve-or-stretch-pain", Emergency, [CompartmentSyndrome],
            "A tight, hard calf that hurts when the toes are moved, or with numbness, is the pattern of pressure building inside the muscle.",
            "EVIDENCE R3, 1.6 (tense calf + pain on moving toes + numbness)",
            a => a.Has(TenseHardCalf) && a.HasAny(PainOnMovingToes, NumbnessOrTingling)),
        new("fever", Emergency, [SpreadingInfection, BloodClotInLeg],
            "A fever together with calf pain can mean a spreading infection, or go with a clot.",
            "Article: fever with calf pain; EVIDENCE R4",
            a => a.Has(Fever)),
        new("feeling-very-unwell", Emergency, [SpreadingInfection, BloodClotInLungs],
            "A racing heart or breathing, confusion, dizziness or cold clammy skin are signs the whole body is affected.",
            "EVIDENCE R4 (sepsis signs), 1.3",
            a => a.Has(FeelingVeryUnwell)),
        new("dark-urine", Emergency, [MuscleBreakdown, CompartmentSyndrome],
            "Cola- or red-coloured urine after hard exercise can mean muscle is breaking down.",
            "EVIDENCE R6",
            a => a.Has(DarkUrine)),
        new("both-legs-or-saddle-numbness", Emergency, [SpinalNerveCompression],
            "Weakness or numbness in both legs, numbness between the legs, or new bladder or bowel trouble point to the nerves at the base of the spine.",
            "EVIDENCE R5, 1.8",
            a => a.HasAny(BothLegsWeakOrNumb, SaddleNumbnessOrBladderBowel)),
        new("cannot-bear-weight-with-numbness-or-discoloration", Emergency, [TearOrRupture, NerveOrCirculationProblem],
            "Not being able to stand on the leg while it is also numb or discoloured needs help straight away.",
            "EVIDENCE R9 (999 if numb, cold or discoloured)",
            a => a.Has(CannotBearWeight) && a.HasAny(NumbnessOrTingling, Discoloration)),

        // ---- Urgent (today) --------------------------------------------------------------
        new("pop-or-snap", Urgent, [TearOrRupture],
            "A pop, a snap or the feeling of being kicked in the calf is the typical story of a tear or an Achilles rupture; delays of more than a day make treatment harder.",
            "Article: sudden sharp pain with a pop or snap; EVIDENCE R8, 1.4",
            a => a.Has(PopOrSnap)),
        new("cannot-bear-weight", Urgent, [TearOrRupture],
            "Not being able to put weight on the leg suggests a serious injury.",
            "Article: inability to bear weight; EVIDENCE R9",
            a => a.Has(CannotBearWeight)),
        new("cannot-rise-on-toes", Urgent, [TearOrRupture],
            "Not being able to rise onto the toes of that leg is a sign of a large tear or a ruptured Achilles tendon.",
            "Article: difficulty rising onto the toes; EVIDENCE R8",
            a => a.Has(CannotRiseOnToes)),
        new("pain-at-rest", Urgent, [NerveOrCirculationProblem, BloodClotInLeg],
            "Pain while you are not moving is not the pattern of a simple overload.",
            "Article: pain without activity needs urgent diagnosis; EVIDENCE R14 (see clinician): the more urgent is used",
            a => a.Has(PainAtRest)),
        new("numbness-or-tingling", Urgent, [NerveOrCirculationProblem, CompartmentSyndrome],
            "Numbness or pins and needles point to the nerves or the blood supply, not the muscle.",
            "Article: numbness or tingling needs urgent diagnosis; EVIDENCE 1.8",
            a => a.Has(NumbnessOrTingling)),
        new("tense-hard-calf", Urgent, [CompartmentSyndrome, BloodClotInLeg],
            "A calf that feels tense and hard needs checking today for pressure or a clot.",
            "EVIDENCE R3 (partial pattern), R7 (hard veins)",
            a => a.Has(TenseHardCalf)),
        new("swelling-warmth-or-discoloration", Urgent, [BloodClotInLeg, SpreadingInfection],
            "Swelling, warmth or red or darkened skin of the calf are the signs of a clot in a leg vein, which cannot be ruled out at home.",
            "Article: swelling or discoloration (see clinician); EVIDENCE R7, 1.2 suspected DVT is never self-care: the more urgent is used",
            a => a.HasAny(Swelling, Warmth, Discoloration)),
        new("knee-lump-with-calf-signs", Urgent, [RupturedKneeCyst, BloodClotInLeg],
            "A lump behind the knee with a swollen, warm or discoloured calf can be a burst cyst, which looks exactly like a clot.",
            "EVIDENCE R10, 1.10",
            a => a.Has(KneeLump) && a.HasAny(Swelling, Warmth, Discoloration)),
        new("cramp-over-10-minutes", Urgent, [UnusualCramp],
            "A cramp that lasts longer than ten minutes is not an ordinary exercise cramp.",
            "EVIDENCE R12, 1.11",
            a => a.Has(CrampOver10Minutes)),
        new("clot-trigger", Urgent, [BloodClotInLeg],
            "Calf pain after a recent trigger for clots (such as an operation, a long journey, a cast, pregnancy or hormone treatment) needs a same-day check.",
            "EVIDENCE 1.2 app rule: risk factors only raise concern",
            a => a.DvtRiskFactors.Any(f => f.IsProvoking())),

        // ---- See a clinician (days) ------------------------------------------------------
        new("not-improving-after-home-care", SeeClinician, [SlowHealingStrain],
            $"No improvement after {HomeCareDaysBeforeReview} or more days of rest and home care means it is time for an examination.",
            "Article: no improvement after 7 to 10 days; EVIDENCE R14",
            a => a.Has(NotImproving) && a.DaysOfHomeCare >= HomeCareDaysBeforeReview),
        new("not-improving-after-two-weeks", SeeClinician, [SlowHealingStrain],
            $"Most strains are clearly better within {DaysSinceOnsetBeforeReview} days; yours is not.",
            "EVIDENCE 1.5 (NHS: most strains better by 2 weeks)",
            a => a.Has(NotImproving) && a.DaysSinceOnset >= DaysSinceOnsetBeforeReview),
        new("bruising", SeeClinician, [TearOrRupture, SlowHealingStrain],
            "Bruising of the calf means bleeding inside the muscle, the sign of a larger strain.",
            "Article: significant bruising; EVIDENCE R13",
            a => a.Has(Bruising)),
        new("recurring-during-runs", SeeClinician, [ExerciseTriggeredPressureOrArtery],
            "Pain that comes at the same point of every run and settles minutes after stopping has causes that need a specialist look.",
            "EVIDENCE R15, 1.6, 1.7",
            a => a.Has(RecurringDuringRuns)),
        new("pain-on-moving-toes", SeeClinician, [TearOrRupture, CompartmentSyndrome],
            "Pain in the calf when the toes or foot are moved deserves an examination.",
            "EVIDENCE 1.4 (painful dorsiflexion), 1.6",
            a => a.Has(PainOnMovingToes)),
        new("knee-lump", SeeClinician, [RupturedKneeCyst],
            "A lump behind the knee should be looked at, especially if it does not go away.",
            "EVIDENCE 1.10",
            a => a.Has(KneeLump)),
        new("clot-background-risk", SeeClinician, [BloodClotInLeg],
            "Being over 60 or smoking makes a clot more likely, so calf pain deserves an examination rather than home care alone.",
            "EVIDENCE 1.2 (risk factors raise concern; never reassure)",
            a => a.DvtRiskFactors.Count > 0),
        new("high-pain-score", SeeClinician, [SlowHealingStrain],
            $"Pain of {HighPainScore}/10 or more is more than ordinary soreness.",
            "EVIDENCE 1.5 (grade II features)",
            a => a.PainScore is { Value: >= HighPainScore }),
    ];
}
