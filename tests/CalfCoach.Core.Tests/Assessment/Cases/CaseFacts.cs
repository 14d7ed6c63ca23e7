using System.Globalization;
using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;

namespace CalfCoach.Core.Tests.Assessment.Cases;

/// <summary>
/// The fixed vocabulary the case set is written in. A fact says what is true of the runner, never how
/// any version of the questionnaire asks about it, so the same cases can be run against version 1 today
/// and version 2 later. docs/CASES.md holds the same list with the same definitions.
/// </summary>
internal static class CaseFacts
{
    /// <summary>Facts that carry a whole number: <c>name:N</c>.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max, string Definition)> Numeric =
        new Dictionary<string, (int, int, string)>(StringComparer.Ordinal)
        {
            ["days-since-onset"] = (0, 3650, "whole days since the pain began (0 = today)"),
            ["days-of-home-care"] = (0, 3650, "whole days of rest and home care; when absent, the runner has cared for it since onset (equal to days-since-onset)"),
            ["pain-score"] = (0, 10, "pain now on the 0–10 scale"),
        };

    /// <summary>Every plain fact and its definition.</summary>
    public static readonly IReadOnlyDictionary<string, string> Plain = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Where and how it started
        ["one-leg"] = "symptoms in one leg",
        ["both-legs"] = "symptoms in both legs (ordinary soreness; weakness or numbness of both legs is both-legs-weak-or-numb)",
        ["onset-sudden"] = "it started suddenly, at a moment the runner can name",
        ["onset-gradual"] = "it came on gradually",
        ["after-injury"] = "it followed a knock, fall or kick",
        ["not-improving"] = "no better (the same or worse) since rest and home care began",

        // Breathing, circulation, whole body
        ["breathless"] = "short of breath, or breathing harder than it should be",
        ["chest-pain"] = "chest pain, especially worse on breathing in",
        ["coughing-blood"] = "has coughed up blood",
        ["collapse"] = "fainted or collapsed",
        ["cold-pale-foot"] = "foot or leg cold, pale, white or blue compared with the other",
        ["cannot-move-foot"] = "cannot move the foot or toes at all",
        ["foot-drop"] = "weak at lifting the front of the foot (it catches or slaps) while it can still point down",
        ["fever"] = "temperature of 38 °C or more, or shivers",
        ["feeling-very-unwell"] = "racing heart or breathing, dizziness, or cold clammy skin",
        ["overheating-confusion"] = "confused, muddled or very hot during or after a hot or hard run (heat illness)",
        ["dark-urine"] = "urine dark like cola, or red, since a hard session",

        // Pain
        ["severe-unrelenting-pain"] = "severe constant pain that does not ease with rest (hard to think, talk or sleep)",
        ["tense-hard-calf"] = "the calf feels tense and hard, swollen tight",
        ["pain-on-moving-toes"] = "moving the toes or foot makes the calf pain much worse",
        ["pain-at-rest-constant"] = "the calf or shin hurts while resting or aches through the night (not a cramp that passes)",
        ["night-cramps-that-pass"] = "cramps at night that pass within minutes; the calf is fine between them",
        ["night-cramps-often"] = "the night cramps come most nights or most weeks, or spoil sleep (with night-cramps-that-pass)",
        ["recurring-during-runs"] = "pain at about the same point of every run that settles within minutes of stopping",
        ["walking-pain-relieved-by-standing-still"] = "calf pain on walking or running that goes after a few minutes standing still (claudication)",
        ["cramp-over-10-min"] = "a cramp that lasted longer than 10 minutes",
        ["brief-cramp-gone"] = "a cramp during or after exercise that passed within minutes",
        ["bony-spot-tenderness"] = "a pinpoint sore spot on the bone (shin), painful to press or hop on",
        ["achilles-pain"] = "the pain is in the Achilles tendon above the heel",
        ["back-pain-radiating"] = "back pain with pain shooting from the buttock down the leg",

        // Injury
        ["pop-or-snap"] = "a pop, snap or feeling of being kicked at the moment it started",
        ["cannot-bear-weight"] = "cannot stand on the leg or take four steps",
        ["cannot-rise-on-toes"] = "standing on that leg alone, cannot rise onto the toes",

        // How the leg looks and feels
        ["swelling-with-bruising"] = "the calf is swollen together with bruising that followed a knock, twinge or hard effort (an explained swelling)",
        ["swelling-unexplained"] = "one calf swollen with no knock, bruise or other explanation",
        ["whole-leg-swollen"] = "the whole leg is swollen (Wells item)",
        ["calf-3cm-bigger"] = "the sore calf measures at least 3 cm more round than the other (Wells item)",
        ["pitting-oedema"] = "pressing the swollen leg leaves a dent (Wells item)",
        ["tender-along-veins"] = "tender along the line of the deep veins (Wells item)",
        ["warm-skin"] = "the skin over the sore area is warm",
        ["red-or-dark-skin"] = "the skin of the calf is red or darker than usual",
        ["red-warm-spreading-skin"] = "an area of red, hot, painful skin that is spreading",
        ["red-patch-small-not-spreading"] = "the warm or red skin is a patch no bigger than a palm that is not growing (with warm-skin or red-or-dark-skin)",
        ["bruising"] = "marked bruising on the calf or down to the ankle, without swelling (the article's \"significant bruising\")",
        ["small-bruises"] = "a few small (coin-sized) bruises, nothing more",
        ["knee-lump"] = "a lump behind the knee on that side",
        ["wound-or-bite"] = "a wound, blister, scratch or bite on the leg",

        // Nerves and spine
        ["numbness-only-during-runs-settles-in-minutes"] = "numbness or tingling that comes only during runs and clears within minutes of stopping",
        ["numbness-persistent"] = "numbness or tingling that persists, or comes at rest",
        ["both-legs-weak-or-numb"] = "both legs weak or numb",
        ["saddle-numbness"] = "numbness between the legs or around the bottom, or new bladder or bowel trouble",

        // Medicines and health
        ["statin"] = "takes a statin",
        ["fluoroquinolone"] = "taking, or recently took, a fluoroquinolone antibiotic (ciprofloxacin, levofloxacin …)",
        ["blood-thinner"] = "takes an anticoagulant (warfarin, a DOAC)",
        ["diabetes"] = "has diabetes or a weakened immune system",

        // Clot risk factors
        ["contraceptive-pill"] = "takes the combined pill or HRT",
        ["pregnant"] = "pregnant, or had a baby in the last 6 weeks",
        ["age-over-60"] = "older than 60",
        ["recent-long-travel"] = "a journey of more than 3 hours in the last few weeks",
        ["recent-surgery"] = "an operation in the last 12 weeks",
        ["previous-clot"] = "a clot in a vein before",
        ["cancer"] = "cancer, or treatment for it, in the last 6 months",
        ["smoker"] = "smokes",

        // Training
        ["training-load-spike"] = "weekly distance rose sharply",
        ["new-speedwork"] = "started intervals, tempo runs or races",
        ["more-hills"] = "ran more hills",
        ["longer-long-run"] = "the long run got longer",
        ["worn-shoes"] = "shoes old or with a lot of distance on them",
        ["minimal-shoes"] = "switched to minimal or low-drop shoes",
        ["long-hot-efforts"] = "long, hard or hot runs",
        ["low-cadence"] = "low cadence or overstriding",
    };

    public static bool IsKnown(string fact, out string reason)
    {
        var colon = fact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            reason = Plain.ContainsKey(fact) ? string.Empty : $"\"{fact}\" is not in the vocabulary";
            return reason.Length == 0;
        }

        var name = fact[..colon];
        if (!Numeric.TryGetValue(name, out var range))
        {
            reason = $"\"{name}\" is not a numeric fact";
            return false;
        }

        if (!int.TryParse(fact[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < range.Min || value > range.Max)
        {
            reason = $"\"{fact}\" needs a whole number from {range.Min} to {range.Max}";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// The minimum the article sets where it is explicit about the situation (issue 10, Precisions): fever,
    /// breathlessness or severe unrelenting pain → emergency; pop or snap, cannot bear weight, cannot rise on
    /// the toes, pain that persists at rest, numbness that persists, coldness → urgent; no improvement after
    /// 7 or more days of home care, significant bruising, swelling or discolouration → see a clinician.
    /// Night cramps that pass and numbness that clears within minutes of a run are not the article's
    /// signs; they take the clinical source's level. Null where the article says nothing explicit.
    /// </summary>
    public static Disposition? ArticleMinimum(IReadOnlyList<string> facts)
    {
        var has = facts.ToHashSet(StringComparer.Ordinal);
        if (has.Overlaps(["fever", "breathless", "severe-unrelenting-pain"]))
        {
            return Disposition.Emergency;
        }

        if (has.Overlaps(["pop-or-snap", "cannot-bear-weight", "cannot-rise-on-toes", "pain-at-rest-constant", "numbness-persistent",
            "cold-pale-foot", "both-legs-weak-or-numb", "saddle-numbness"]))
        {
            return Disposition.Urgent;
        }

        var days = NumberOf(facts, "days-since-onset") ?? 0;
        var homeCare = NumberOf(facts, "days-of-home-care") ?? days;
        if ((has.Contains("not-improving") && homeCare >= 7)
            || has.Overlaps(["swelling-with-bruising", "swelling-unexplained", "whole-leg-swollen", "calf-3cm-bigger", "pitting-oedema",
                "bruising", "red-or-dark-skin", "red-warm-spreading-skin"]))
        {
            return Disposition.SeeClinician;
        }

        return null;
    }

    public static int? NumberOf(IReadOnlyList<string> facts, string name) =>
        facts.Where(f => f.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(f => (int?)int.Parse(f[(name.Length + 1)..], CultureInfo.InvariantCulture))
            .FirstOrDefault();
}

/// <summary>
/// Turns a case's facts into the answers an honest runner would give to today's (version-1)
/// questionnaire, written as a version-1 answers object and read by the real <see cref="AnswersJsonReader"/>.
/// Conservative by construction: a fact today's questions do not ask about changes no answer (foot drop
/// is an honest "no" to "unable to move the foot"; a medicine, a wound or a bony spot has no question),
/// and a fact a question does cover is answered "yes" as the question is worded (a night cramp that
/// passes is still a "yes" to "does the calf … wake you at night?").
/// </summary>
internal static class VersionOneTranslator
{
    /// <summary>Each fact and the version-1 warning-sign keys an honest runner answers "yes".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SignKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["breathless"] = ["shortnessOfBreath"],
        ["chest-pain"] = ["chestPain"],
        ["coughing-blood"] = ["coughingBlood"],
        ["collapse"] = ["faintingOrCollapse"],
        ["cold-pale-foot"] = ["coldOrPaleFoot"],
        ["cannot-move-foot"] = ["cannotMoveFootOrToes"],
        ["fever"] = ["fever"],
        ["feeling-very-unwell"] = ["feelingVeryUnwell"],
        // Version 1 asks "do you feel very unwell: … confusion, dizziness …": a confused runner says yes.
        ["overheating-confusion"] = ["feelingVeryUnwell"],
        ["dark-urine"] = ["darkUrine"],
        ["severe-unrelenting-pain"] = ["severeUnrelentingPain"],
        ["tense-hard-calf"] = ["tenseHardCalf"],
        ["pain-on-moving-toes"] = ["painOnMovingToes"],
        ["pain-at-rest-constant"] = ["painAtRest"],
        // "Does the calf hurt while you are resting, or wake you at night?" has no way to say "only a cramp that passes".
        ["night-cramps-that-pass"] = ["painAtRest"],
        ["night-cramps-often"] = ["painAtRest"],
        ["recurring-during-runs"] = ["recurringDuringRuns"],
        // Claudication is pain at the same point of every walk or run that settles within minutes.
        ["walking-pain-relieved-by-standing-still"] = ["recurringDuringRuns"],
        ["cramp-over-10-min"] = ["crampOver10Minutes"],
        ["pop-or-snap"] = ["popOrSnap"],
        ["cannot-bear-weight"] = ["cannotBearWeight"],
        ["cannot-rise-on-toes"] = ["cannotRiseOnToes"],
        ["swelling-with-bruising"] = ["swelling", "bruising"],
        ["swelling-unexplained"] = ["swelling"],
        ["whole-leg-swollen"] = ["swelling"],
        ["calf-3cm-bigger"] = ["swelling"],
        ["pitting-oedema"] = ["swelling"],
        ["warm-skin"] = ["warmth"],
        ["red-or-dark-skin"] = ["discoloration"],
        ["red-warm-spreading-skin"] = ["warmth", "discoloration"],
        ["bruising"] = ["bruising"],
        // "Is there bruising on the calf?" has no size: small bruises are an honest yes.
        ["small-bruises"] = ["bruising"],
        ["knee-lump"] = ["kneeLump"],
        // "Do you have numbness, pins and needles or tingling?" cannot tell a pattern that clears within minutes.
        ["numbness-only-during-runs-settles-in-minutes"] = ["numbnessOrTingling"],
        ["numbness-persistent"] = ["numbnessOrTingling"],
        ["both-legs-weak-or-numb"] = ["bothLegsWeakOrNumb"],
        ["saddle-numbness"] = ["saddleNumbnessOrBladderBowel"],
        ["not-improving"] = ["notImproving"],
    };

    /// <summary>Facts with no version-1 question: an honest runner's answers do not change.</summary>
    public static readonly IReadOnlySet<string> Unasked = new HashSet<string>(StringComparer.Ordinal)
    {
        "foot-drop", "bony-spot-tenderness", "achilles-pain", "back-pain-radiating", "wound-or-bite",
        "tender-along-veins", "statin", "fluoroquinolone", "blood-thinner", "one-leg", "red-patch-small-not-spreading",
    };

    internal static readonly Dictionary<string, string> RiskFactorIds = new(StringComparer.Ordinal)
    {
        ["contraceptive-pill"] = "estrogen-therapy",
        ["pregnant"] = "pregnancy-or-postpartum",
        ["age-over-60"] = "age-over-60",
        ["recent-long-travel"] = "long-travel",
        ["recent-surgery"] = "recent-surgery",
        ["previous-clot"] = "previous-clot",
        ["cancer"] = "cancer",
        ["smoker"] = "smoking",
    };

    internal static readonly Dictionary<string, string> ChangeIds = new(StringComparer.Ordinal)
    {
        ["training-load-spike"] = "distance-increase",
        ["new-speedwork"] = "new-speedwork",
        ["more-hills"] = "more-hills",
        ["longer-long-run"] = "longer-long-run",
        ["worn-shoes"] = "worn-shoes",
        ["minimal-shoes"] = "minimal-shoes",
        ["long-hot-efforts"] = "long-hot-efforts",
        ["low-cadence"] = "low-cadence",
    };

    /// <summary>True when the translator has a rule (an answer, a key, or a documented "no question") for the fact.</summary>
    public static bool Handles(string fact)
    {
        var name = fact.Split(':')[0];
        return SignKeys.ContainsKey(name) || Unasked.Contains(name) || RiskFactorIds.ContainsKey(name) || ChangeIds.ContainsKey(name)
            || CaseFacts.Numeric.ContainsKey(name)
            || name is "both-legs" or "onset-sudden" or "onset-gradual" or "after-injury" or "brief-cramp-gone" or "diabetes";
    }

    /// <summary>The version-1 answers object (JSON text) for the facts.</summary>
    public static string ToAnswersJson(IReadOnlyList<string> facts)
    {
        var has = facts.ToHashSet(StringComparer.Ordinal);
        var answers = new JsonObject();
        var yes = facts.Where(SignKeys.ContainsKey).SelectMany(f => SignKeys[f]).ToHashSet(StringComparer.Ordinal);
        foreach (var question in Questionnaire.SymptomQuestionsOf(1))
        {
            answers[question.Key] = yes.Contains(question.Key);
        }

        var days = CaseFacts.NumberOf(facts, "days-since-onset") ?? 0;
        answers[Questionnaire.DaysSinceOnsetKey] = days;
        answers[Questionnaire.DaysOfHomeCareKey] = CaseFacts.NumberOf(facts, "days-of-home-care") ?? days;
        if (CaseFacts.NumberOf(facts, "pain-score") is { } pain)
        {
            answers[Questionnaire.PainScoreKey] = pain;
        }

        answers[Questionnaire.SideKey] = has.Contains("both-legs") ? "both" : "left";
        if (has.Contains("onset-sudden") || has.Contains("onset-gradual"))
        {
            answers[Questionnaire.OnsetKey] = has.Contains("onset-sudden") ? "sudden" : "gradual";
        }

        answers[Questionnaire.AfterInjuryKey] = has.Contains("after-injury");
        answers[Questionnaire.CrampDuringRunKey] = has.Contains("brief-cramp-gone");
        answers[Questionnaire.DiabetesOrImmunosuppressedKey] = has.Contains("diabetes");
        answers[Questionnaire.DvtRiskFactorsKey] = new JsonArray([.. facts.Where(RiskFactorIds.ContainsKey).Select(f => (JsonNode?)RiskFactorIds[f])]);
        answers[Questionnaire.RecentChangesKey] = new JsonArray([.. facts.Where(ChangeIds.ContainsKey).Select(f => (JsonNode?)ChangeIds[f])]);
        return answers.ToJsonString();
    }

    /// <summary>The facts as read by the real answers reader; throws with the reader's errors if it refuses them.</summary>
    public static RunnerAnswers ToAnswers(IReadOnlyList<string> facts)
    {
        var read = AnswersJsonReader.Read(ToAnswersJson(facts));
        return read.Answers ?? throw new InvalidOperationException(
            "The version-1 answers object was refused: " + string.Join("; ", read.Errors.Select(e => e.ToString())));
    }
}

/// <summary>
/// Turns a case's facts into the answers an honest runner gives to version 2 of the questionnaire: the version-1
/// answers, plus the signs version 2 added, the follow-ups of every gateway answered "yes", where it hurts (not sure
/// when the case does not say) and the medicines. Read by the real <see cref="AnswersJsonReader"/>.
/// </summary>
internal static class VersionTwoTranslator
{
    /// <summary>Facts that answer a sign first asked in version 2.</summary>
    private static readonly Dictionary<string, string[]> NewSignKeys = new(StringComparer.Ordinal)
    {
        ["overheating-confusion"] = ["overheatedOrConfused", "feelingVeryUnwell"],
        ["foot-drop"] = ["footWeakOrDropping"],
        ["wound-or-bite"] = ["woundOrBite"],
        ["tender-along-veins"] = ["hardOrSoreVeins"],
    };

    private static readonly Dictionary<string, string> MedicineIds = new(StringComparer.Ordinal)
    {
        ["statin"] = "statin",
        ["fluoroquinolone"] = "fluoroquinolone",
        ["blood-thinner"] = "blood-thinner",
    };

    public static string ToAnswersJson(IReadOnlyList<string> facts)
    {
        var has = facts.ToHashSet(StringComparer.Ordinal);
        var answers = System.Text.Json.Nodes.JsonNode.Parse(VersionOneTranslator.ToAnswersJson(facts))!.AsObject();
        answers[Questionnaire.VersionKey] = Questionnaire.CurrentVersion;
        var yes = facts.Where(NewSignKeys.ContainsKey).SelectMany(f => NewSignKeys[f]).ToHashSet(StringComparer.Ordinal);
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            if (question.SinceVersion > 1 || yes.Contains(question.Key))
            {
                answers[question.Key] = yes.Contains(question.Key) || (answers[question.Key]?.GetValue<bool>() ?? false);
            }
        }

        // Version 2 asks for significant bruising: a few coin-sized bruises are an honest "no".
        if (has.Contains("small-bruises") && !has.Overlaps(["bruising", "swelling-with-bruising"]))
        {
            answers["bruising"] = false;
        }

        if (Yes(answers, "painAtRest"))
        {
            answers[Questionnaire.RestPainKey] = has.Contains("pain-at-rest-constant") ? "constant"
                : has.Contains("night-cramps-often") ? "night-cramps-often" : "night-cramps-sometimes";
        }

        if (Yes(answers, "footWeakOrDropping"))
        {
            answers[Questionnaire.FootWeakOnsetKey] = has.Contains("onset-gradual") ? "gradual" : "sudden";
        }

        if (Yes(answers, "warmth") || Yes(answers, "discoloration"))
        {
            answers[Questionnaire.SkinPatchKey] = has.Contains("red-patch-small-not-spreading") && !has.Contains("red-warm-spreading-skin")
                ? "small-not-spreading" : "spreading-or-large";
        }

        if (Yes(answers, "woundOrBite"))
        {
            answers[Questionnaire.WoundAftermathKey] = has.Overlaps(["brief-cramp-gone", "cramp-over-10-min", "tense-hard-calf"]) ? "cramps-or-stiffness" : "neither";
        }

        if (Yes(answers, "numbnessOrTingling"))
        {
            answers[Questionnaire.NumbnessKey] = has.Contains("numbness-persistent") ? "persistent" : "only-while-running";
        }

        if (Yes(answers, "swelling"))
        {
            answers[Questionnaire.SwellingExtentKey] = has.Contains("whole-leg-swollen") ? "whole-leg"
                : has.Overlaps(["calf-3cm-bigger", "pitting-oedema"]) ? "calf-much-bigger" : "calf-slightly";
            answers[Questionnaire.SwellingCauseKey] = has.Contains("swelling-with-bruising") && !has.Contains("swelling-unexplained")
                ? "bruise-after-knock-or-run" : "unexplained";
        }

        if (Yes(answers, "recurringDuringRuns"))
        {
            answers[Questionnaire.RecurringEasesKey] = has.Contains("walking-pain-relieved-by-standing-still") ? "standing-still-on-walks" : "stopping-the-run";
        }

        answers[Questionnaire.PainLocationKey] = has.Contains("bony-spot-tenderness") ? "bone-spot"
            : has.Contains("achilles-pain") ? "achilles"
            : "not-sure";
        answers[Questionnaire.MedicinesKey] = new System.Text.Json.Nodes.JsonArray([.. facts.Where(MedicineIds.ContainsKey).Select(f => (System.Text.Json.Nodes.JsonNode?)MedicineIds[f])]);
        return answers.ToJsonString();
    }

    public static RunnerAnswers ToAnswers(IReadOnlyList<string> facts)
    {
        var read = AnswersJsonReader.Read(ToAnswersJson(facts));
        return read.Answers ?? throw new InvalidOperationException(
            "The version-2 answers object was refused: " + string.Join("; ", read.Errors.Select(e => e.ToString())));
    }

    private static bool Yes(System.Text.Json.Nodes.JsonObject answers, string key) => answers[key]?.GetValue<bool>() == true;
}
