namespace CalfCoach.Core.Assessment;

/// <summary>First aid and early recovery: R.I.C.E. with doses, then movement, massage and stretching as the pain allows.</summary>
/// <remarks>Article "Immediate Self-Care"; EVIDENCE.md 2.1–2.5.</remarks>
public static class SelfCarePlan
{
    public const int IceMinutesMin = 15;
    public const int IceMinutesMax = 20;
    public const int IceEveryHoursMin = 2;
    public const int IceEveryHoursMax = 3;
    public const int FirstAidDaysMax = 3;

    public sealed record Plan(IReadOnlyList<PlanItem> Items, IReadOnlyList<WithheldItem> Withheld);

    public static Plan For(RunnerAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var items = new List<PlanItem>
        {
            Item("relative-rest", "Rest the calf",
                "Stop running. Walk only as much as is comfortable, and avoid anything that brings on sharp pain. Short protection is enough: let the pain, not the calendar, tell you when to do more.",
                $"Now, for the first 1–{FirstAidDaysMax} days"),
            Item("ice", "Ice",
                $"Cool the sore area for {IceMinutesMin}–{IceMinutesMax} minutes with an ice pack or frozen peas wrapped in a thin damp towel, never straight on the skin. "
                + $"Repeat every {IceEveryHoursMin}–{IceEveryHoursMax} hours while you are awake. Ice mostly eases pain; it is optional, not what heals the muscle."
                + (answers.DiabetesOrImmunosuppressed == true
                    ? " With diabetes or poor feeling in the skin, keep to the shorter time and check the skin after each session."
                    : string.Empty),
                $"First 2–{FirstAidDaysMax} days (48–72 hours)"),
            Item("compression", "Compression",
                "Wear an elastic bandage or calf sleeve during the day: snug, not tight. Take it off at night. Loosen it at once if the toes tingle or turn pale, blue or cold.",
                $"First 2–{FirstAidDaysMax} days"),
            Item("elevation", "Elevation",
                "When sitting or lying, rest the leg on pillows so the calf is higher than your hip; this helps swelling drain.",
                $"As much as you can in the first 2–{FirstAidDaysMax} days"),
            Item("avoid-early", "Avoid for now",
                "No heat (hot baths, heat packs, sauna), no alcohol, no massage and no running: all of them can increase bleeding and swelling in a fresh injury.",
                $"First 2–{FirstAidDaysMax} days"),
            Item("pain-relief", "Pain relief",
                "Ask a pharmacist which painkiller suits you. Experts disagree about anti-inflammatory medicines in the first days after a muscle injury, so CalfCoach gives no doses.",
                "If you need it"),
            Item("gentle-movement", "Gentle movement",
                "Once the sharp pain has eased, keep the calf moving so it does not stiffen: normal walking, ankle circles and gentle foot pumps, within comfort.",
                "After the sharp pain eases (usually day 2–3)"),
        };
        var withheld = new List<WithheldItem>();

        if (answers.SuggestsTear)
        {
            const string reason =
                "Your answers suggest the muscle may be torn (a sudden onset, an injury, a pop, bruising or weakness). Pressing on a tear can make it bleed and worsen, so this is left out until a clinician has checked it.";
            withheld.Add(new WithheldItem("self-massage", reason));
            withheld.Add(new WithheldItem("foam-rolling", reason));
        }
        else
        {
            items.Add(Item("self-massage", "Self-massage",
                "Light stroking and kneading of the calf with your hands, from the ankle towards the knee, easing off anywhere it hurts sharply.",
                "After the sharp pain eases (not in the first 2 days)"));
            items.Add(Item("foam-rolling", "Foam rolling",
                "Roll the calf slowly on a foam roller for 30–60 seconds per area with moderate pressure. It can ease tightness and soreness; stop if it causes sharp pain.",
                "After the first 2–3 days, if there is no sign of a tear"));
        }

        items.Add(Item("fluids-electrolytes", "Fluids with electrolytes",
            "Drink regularly through the day. After long, hot or very sweaty runs, or if you get cramps, choose drinks with electrolytes (sodium) rather than water alone.",
            "Every day"));
        items.Add(Item("passive-stretching", "Light passive stretching",
            "A few days after the pain has settled, stretch the calf gently with the knee straight and with the knee bent: hold 20–30 seconds, 2–3 times, only to a mild pull and never into sharp pain.",
            "A few days after the pain has subsided"));

        return new Plan(items, withheld);
    }

    private static PlanItem Item(string id, string title, string details, string when) =>
        new(id, title, details, when, []);
}
