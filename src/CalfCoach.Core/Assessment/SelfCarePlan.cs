namespace CalfCoach.Core.Assessment;

/// <summary>
/// First aid and early recovery, chosen against the concerns, the disposition and the day since the pain began
/// (EVIDENCE.md 7a): R.I.C.E. in the first days only, then loading as the pain allows; massage where no tear, clot or
/// bleed is a concern; no compression or raising the leg with an arterial concern; no ice where feeling or blood
/// supply may be reduced. <see cref="AdviceConflicts"/> is applied last.
/// </summary>
/// <remarks>Article "Immediate Self-Care"; EVIDENCE.md 2.1–2.6 and 7a.</remarks>
public static class SelfCarePlan
{
    public const int IceMinutesMin = 15;
    public const int IceMinutesMax = 20;
    public const int IceEveryHoursMin = 2;
    public const int IceEveryHoursMax = 3;
    public const int FirstAidDaysMax = 3;

    public sealed record Plan(IReadOnlyList<PlanItem> Items, IReadOnlyList<WithheldItem> Withheld);

    /// <summary>The plan for answers on their own (the disposition and concerns from triage).</summary>
    public static Plan For(RunnerAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var triage = Triage.Evaluate(answers);
        return For(AdviceSituation.From(triage.Disposition, triage, answers));
    }

    public static Plan For(AdviceSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var answers = situation.Answers;
        var items = new List<PlanItem>();
        var withheld = new List<WithheldItem>();
        if (situation.FirstAidDays)
        {
            AddFirstAid(situation, items, withheld);
        }
        else
        {
            items.Add(Item("load-as-pain-allows", "Load it as the pain allows",
                "The first-aid days are over: walk normally and keep to the exercises. Some discomfort (up to 5/10) is fine if it has settled by the next morning; if it has not, do a little less the next day.",
                $"From day {FirstAidDaysMax + 1}"));
        }

        items.Add(PainRelief(situation));

        if (situation.Arterial)
        {
            items.Add(Item("keep-leg-level", "Keep the leg level",
                "Sit with the leg level or hanging slightly down, and wear nothing tight on it: with a concern about the blood supply, raising or squeezing the leg makes it worse.",
                "Until you have been seen"));
        }

        if (situation.FirstAidDays)
        {
            items.Add(Item("gentle-movement", "Gentle movement",
                "Once the sharp pain has eased, keep the calf moving so it does not stiffen: normal walking, ankle circles and gentle foot pumps, within comfort.",
                "After the sharp pain eases (usually day 2–3)"));
        }

        AddMassage(situation, items, withheld);

        if (answers.Has(Symptom.PainAtRest) && answers.RestPain is RestPainKind.NightCrampsSometimes or RestPainKind.NightCrampsOften)
        {
            items.Add(Item("night-cramp-stretch", "Night cramps",
                "Stretch the calves gently for a minute before bed. When a cramp comes, pull the toes up towards you with the knee straight, or stand and press the heel down, then rub the muscle until it lets go.",
                "Every evening"));
        }

        items.Add(Item("fluids-electrolytes", "Fluids with electrolytes",
            "Drink regularly through the day. After long, hot or very sweaty runs, or if you get cramps, choose drinks with electrolytes (sodium) rather than water alone.",
            "Every day"));
        if (!situation.Tear || situation.Day > FirstAidDaysMax)
        {
            items.Add(Item("passive-stretching", "Light passive stretching",
                "Once the pain has settled, stretch the calf gently with the knee straight and with the knee bent: hold 20–30 seconds, 2–3 times, only to a mild pull and never into sharp pain.",
                situation.FirstAidDays ? "A few days after the pain has settled" : "Daily, within comfort"));
        }

        return new Plan(AdviceConflicts.Remove(situation, items), withheld);
    }

    private static void AddFirstAid(AdviceSituation situation, List<PlanItem> items, List<WithheldItem> withheld)
    {
        var answers = situation.Answers;
        // Shown only in the first-aid days (day 0 to 3), where "the first 2–3 days" is still true.
        items.Add(Item("relative-rest", "Rest the calf",
            "Stop running. Walk only as much as is comfortable, and avoid anything that brings on sharp pain. Short protection is enough: let the pain, not the calendar, tell you when to do more.",
            $"Now, for the first 1–{FirstAidDaysMax} days"));
        if (situation.IceUnsafe)
        {
            withheld.Add(new WithheldItem("ice",
                "Ice is left out: with numbness, a cold foot or a concern about the blood supply, the skin may not feel the cold and could be harmed."));
        }
        else
        {
            items.Add(Item("ice", "Ice",
                $"Cool the sore area for {IceMinutesMin}–{IceMinutesMax} minutes with an ice pack or frozen peas wrapped in a thin damp towel, never straight on the skin. "
                + $"Repeat every {IceEveryHoursMin}–{IceEveryHoursMax} hours while you are awake. Ice mostly eases pain; it is optional, not what heals the muscle."
                + (answers.DiabetesOrImmunosuppressed == true
                    ? " With diabetes or poor feeling in the skin, keep to the shorter time and check the skin after each session."
                    : string.Empty),
                $"First 2–{FirstAidDaysMax} days (48–72 hours)"));
        }

        if (situation.Arterial)
        {
            withheld.Add(new WithheldItem("compression",
                "No sleeve or bandage: with a concern about the blood supply, squeezing the leg can reduce it further."));
            withheld.Add(new WithheldItem("elevation",
                "No raising the leg: with a concern about the blood supply, a raised leg gets less blood."));
        }
        else
        {
            items.Add(Item("compression", "Compression",
                "Wear an elastic bandage or calf sleeve during the day: snug, not tight. Take it off at night. Loosen it at once if the toes tingle or turn pale, blue or cold.",
                $"First 2–{FirstAidDaysMax} days"));
            items.Add(Item("elevation", "Elevation",
                "When sitting or lying, rest the leg on pillows so the calf is higher than your hip; this helps swelling drain.",
                $"As much as you can in the first 2–{FirstAidDaysMax} days"));
        }

        items.Add(Item("avoid-early", "Avoid for now",
            situation.CrampPassed
                ? "No heat (hot baths, heat packs, sauna), no alcohol and no running for now: rest the muscle that cramped."
                : "No heat (hot baths, heat packs, sauna), no alcohol, no massage and no running: all of them can increase bleeding and swelling in a fresh injury.",
            $"First 2–{FirstAidDaysMax} days"));
    }

    /// <summary>NHS sprains and strains: paracetamol first, no ibuprofen in the first 48 hours, with its cautions (EVIDENCE.md 7a).</summary>
    private static PlanItem PainRelief(AdviceSituation situation)
    {
        var answers = situation.Answers;
        var text = situation.Day <= AdviceSituation.NoIbuprofenLastDay
            ? "Paracetamol is the first choice if you need a painkiller. Leave out ibuprofen and other anti-inflammatory tablets or gels for the first 48 hours: they may slow the early healing."
            : "Paracetamol is the first choice if you need a painkiller; an anti-inflammatory such as ibuprofen may now be added if paracetamol is not enough.";
        if (answers.Takes(Medicine.BloodThinner))
        {
            text += " You take a blood thinner: do not take ibuprofen, aspirin or other anti-inflammatories with it; ask the pharmacist which painkiller is safe.";
        }
        else
        {
            text += " Ask a pharmacist before an anti-inflammatory if you are pregnant, take a blood thinner, have kidney, stomach or heart problems, or after a long race or with dark urine (they can harm the kidneys then).";
        }

        return Item("pain-relief", "Pain relief", text + " Follow the dose on the pack.", "If you need it");
    }

    private static void AddMassage(AdviceSituation situation, List<PlanItem> items, List<WithheldItem> withheld)
    {
        if (situation.Clot || situation.Is(Concern.BleedingIntoCalf))
        {
            const string reason = "Massage and rolling are left out: with a clot or a bleed possible, pressing on the calf could make it worse.";
            withheld.Add(new WithheldItem("self-massage", reason));
            withheld.Add(new WithheldItem("foam-rolling", reason));
            return;
        }

        if (situation.Tear)
        {
            var reason = situation.Disposition >= Disposition.SeeClinician
                ? "Your answers suggest the muscle may be torn (a sudden onset, an injury, a pop, bruising or weakness). Pressing on a tear can make it bleed and worsen, so this is left out until a clinician has checked it."
                : "Your answers suggest the muscle may be torn (a sudden onset or an injury). Pressing on a tear can make it bleed and worsen, so this is left out for the first two weeks, while it heals.";
            withheld.Add(new WithheldItem("self-massage", reason));
            withheld.Add(new WithheldItem("foam-rolling", reason));
            return;
        }

        if (situation.CrampPassed)
        {
            items.Add(Item("cramp-stretch-massage", "If the cramp comes back",
                "Stop, then stretch the calf gently (pull the toes up towards you with the knee straight) and rub the muscle until it lets go. A cramp that has passed is not a tear: both are safe.",
                "Whenever a cramp starts"));
        }

        items.Add(Item("self-massage", "Self-massage",
            "Light stroking and kneading of the calf with your hands, from the ankle towards the knee, easing off anywhere it hurts sharply.",
            situation.CrampPassed ? "Any time it feels tight" : situation.FirstAidDays ? "After the sharp pain eases (not in the first 2 days)" : "Once a day"));
        items.Add(Item("foam-rolling", "Foam rolling",
            "Roll the calf slowly on a foam roller for 30–60 seconds per area with moderate pressure. It can ease tightness and soreness; stop if it causes sharp pain.",
            situation.CrampPassed ? "Any time it feels tight" : situation.FirstAidDays ? "After the first 2–3 days, if there is no sign of a tear" : "Once a day"));
    }

    private static PlanItem Item(string id, string title, string details, string when) =>
        new(id, title, details, when, []);
}
