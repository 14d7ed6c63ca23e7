namespace CalfCoach.Core.Assessment;

/// <summary>
/// The "do now" lines: who to call and how, and what to do while waiting, chosen against the concerns and the
/// disposition (EVIDENCE.md 7a). The conflict table (<see cref="AdviceConflicts"/>) is applied last, so where a line
/// is forbidden for a concern the prohibition wins.
/// </summary>
public static class DoNowAdvice
{
    public static IReadOnlyList<AdviceLine> For(AdviceSituation situation, EmergencyServices services, FollowUpPlan followUp)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(followUp);
        var lines = situation.Disposition switch
        {
            Disposition.Emergency => Emergency(situation, services),
            Disposition.Urgent => Urgent(situation, services),
            Disposition.SeeClinician => SeeClinician(situation, services, followUp),
            Disposition.SelfCare => SelfCare(services, followUp),
            _ => throw new ArgumentOutOfRangeException(nameof(situation), situation.Disposition, null),
        };
        return AdviceConflicts.Remove(situation, lines);
    }

    /// <summary>The signs that mean calling now, named (not "run the assessment again"), with the country's number.</summary>
    public static AdviceLine SafetyNet(EmergencyServices services) => new("call-now-signs",
        $"Call {services.EmergencyNumberText} at once if you become short of breath, get chest pain, cough blood, faint, or the foot turns cold, pale or numb. "
        + $"Get help the same day ({services.SameDayCare}) if the calf swells, turns red or hot, you get a fever, or the pain becomes severe.");

    private static List<AdviceLine> Emergency(AdviceSituation s, EmergencyServices services)
    {
        var lines = new List<AdviceLine>();
        lines.Add(s.NeedsAmbulance
            ? new("call-ambulance", $"Call {services.EmergencyNumberText} now and ask for an ambulance. Do not wait to see if it passes, and do not go by car.")
            : new("call-or-go-to-emergency", $"Call {services.EmergencyNumberText} now, or have someone drive you to the emergency department straight away."));
        lines.Add(new("do-not-drive", "Do not drive yourself."));
        if (s.Heat)
        {
            lines.Add(new("cool-now",
                "Start cooling at once while help comes: get into cold water up to the neck if you can, or pour cold water over the whole body without stopping and fan it. "
                + "Move into the shade and take off extra clothing. Keep cooling until help arrives."));
        }

        if (s.Compartment)
        {
            lines.Add(new("remove-tight-keep-level",
                "Take off anything tight on the leg (a sleeve, bandage, tape, sock or boot) and keep the leg at the level of your heart: not raised and not hanging down. No ice, no heat."));
        }

        lines.Add(s.Heat
            ? new("lie-down-while-cooling", "Stop all activity and lie down in the coolest place you can while you cool.")
            : new("stop-and-rest", "Stop all activity and sit or lie down while you wait."));
        lines.Add(new("do-not-touch-calf", "Do not rub, massage, stretch or heat the calf."));
        if (s.Infection && s.Answers.HasAny(Symptom.Warmth, Symptom.Discoloration, Symptom.WoundOrBite))
        {
            lines.Add(new("mark-redness",
                "If the skin is red, draw around the edge of the redness with a pen: the doctors will see at once whether it is spreading. Tell the call handler about any wound, bite or blister."));
        }

        lines.Add(new("tell-call-handler", "Tell the call handler which warning signs you have and when they started."));
        AddNumbersAbroad(lines, services);
        return lines;
    }

    private static List<AdviceLine> Urgent(AdviceSituation s, EmergencyServices services)
    {
        var lines = new List<AdviceLine>
        {
            new("get-care-today", $"Get medical help today: {services.SameDayCare}. If you cannot be seen today, go to an emergency department."),
            new("ambulance-if-breathless",
                $"If you become short of breath, get chest pain, cough blood or feel faint, call {services.EmergencyNumberText} for an ambulance at once."),
            new("no-running-until-seen", "Do not run, stretch or test the leg until you have been seen."),
        };
        if (s.Clot || s.Is(Concern.BleedingIntoCalf))
        {
            lines.Add(new("no-massage-clot", "Do not massage or rub the calf: if there is a clot or a bleed, pressure could make it worse."));
        }

        if (s.Tear)
        {
            lines.Add(new("weight-off-rupture-24h",
                "Keep weight off the leg as far as you can. If the Achilles tendon may be ruptured, being seen within 24 hours matters for treatment."));
        }

        if (s.Is(Concern.TendonDamageFromMedicine))
        {
            lines.Add(new("fluoroquinolone-stop-ask",
                "Tell the doctor about the \"-floxacin\" antibiotic: the advice for tendon pain is to stop it and get medical advice the same day about another medicine. Rest the leg meanwhile."));
        }

        if (s.Arterial)
        {
            lines.Add(new("leg-level-no-wrap", "Keep the leg level or hanging slightly down. Do not raise it, and do not wrap or compress it."));
        }

        if (s.Compartment || s.Is(Concern.BleedingIntoCalf))
        {
            lines.Add(new("loosen-anything-tight", "Take off anything tight on the leg (sleeve, bandage, tape) and do not raise the leg above the heart."));
        }

        if (s.Infection)
        {
            lines.Add(new("mark-redness", "Draw around the edge of any redness with a pen, so you and the doctor can see whether it spreads."));
        }

        AddNumbersAbroad(lines, services);
        return lines;
    }

    /// <summary>With one country's number shown, the common ones stay named for a runner who is abroad.</summary>
    private static void AddNumbersAbroad(List<AdviceLine> lines, EmergencyServices services)
    {
        if (services.HasNumber)
        {
            lines.Add(new("numbers-abroad", $"Away from {services.Name}? Call the local number instead: {EmergencyServices.CommonNumbers}."));
        }
    }

    private static List<AdviceLine> SeeClinician(AdviceSituation s, EmergencyServices services, FollowUpPlan followUp)
    {
        var lines = new List<AdviceLine>
        {
            new("book-clinician", $"Book an appointment with a doctor or physiotherapist for the next few days (by {IsoDate.ToText(followUp.ReviewOn)})."),
            new("no-running-until-seen", "Do not run until you have been seen. The self-care below is safe meanwhile."),
        };
        if (s.Is(Concern.MuscleDamageFromMedicine))
        {
            lines.Add(new("statin-keep-taking", "Keep taking your statin until you have spoken to the doctor: stopping it on your own has its own risks."));
        }

        if (s.Is(Concern.StressFracture))
        {
            lines.Add(new("no-impact-bone", "Avoid running and jumping until the bone has been checked; walk only as far as it stays pain-free."));
        }

        lines.Add(SafetyNet(services));
        return lines;
    }

    private static List<AdviceLine> SelfCare(EmergencyServices services, FollowUpPlan followUp) =>
    [
        new("home-care-reasonable", "None of your answers is a warning sign, so home care is reasonable for now."),
        new("pause-running-review", $"Pause running, follow the self-care plan and review how it feels on {IsoDate.ToText(followUp.ReviewOn)}."),
        SafetyNet(services),
    ];
}
