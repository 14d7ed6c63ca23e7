using CalfCoach.Core.Assessment;
using FsCheck.Xunit;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>Every line of advice fits the concern, the disposition and the day (EVIDENCE.md 7a).</summary>
public sealed class AdviceTests
{
    private static readonly EmergencyServices Uk = EmergencyServices.For("GB");

    private static AssessmentResult Assess(RunnerAnswers answers, EmergencyServices? services = null) =>
        Assessor.Assess(answers, A.Day, [], services);

    private static IEnumerable<string> Ids(AssessmentResult result) =>
        result.DoNow.Select(l => l.Id).Concat(result.SelfCare.Select(i => i.Id));

    private static string AllText(AssessmentResult result) =>
        string.Join('\n', result.DoNow.Select(l => l.Text).Concat(result.SelfCare.SelectMany(i => new[] { i.Title, i.Details, i.When })));

    [Property(MaxTest = 4000)]
    public bool No_result_ever_holds_a_line_the_conflict_table_forbids(uint signs, ushort risks, uint details, byte context, byte day)
    {
        var answers = GeneratedAnswers.VersionTwo(signs, risks, details, context, day);
        var result = Assess(answers);
        var triage = Triage.Evaluate(answers);
        var situation = AdviceSituation.From(result.Disposition, triage, answers);
        var shown = Ids(result).ToHashSet();
        return AdviceConflicts.Table.Where(c => c.Applies(situation)).All(c => !c.Forbidden.Overlaps(shown));
    }

    [Property(MaxTest = 2000)]
    public bool Every_result_names_who_to_call_and_an_emergency_never_suggests_a_lift_when_an_ambulance_is_needed(uint signs, ushort risks, uint details, byte context, byte day)
    {
        var answers = GeneratedAnswers.VersionTwo(signs, risks, details, context, day);
        var result = Assess(answers, Uk);
        var ids = result.DoNow.Select(l => l.Id).ToHashSet();
        var ambulance = answers.HasAny(ShortnessOfBreath, ChestPain, CoughingBlood, FaintingOrCollapse, FeelingVeryUnwell, OverheatedOrConfused);
        return result.Disposition switch
        {
            Disposition.Emergency => ambulance ? ids.Contains("call-ambulance") && !ids.Contains("call-or-go-to-emergency") : ids.Overlaps(["call-ambulance", "call-or-go-to-emergency"]),
            Disposition.Urgent => ids.Contains("get-care-today") && ids.Contains("ambulance-if-breathless"),
            _ => ids.Contains("call-now-signs"),
        } && result.DoNow.Any(l => l.Text.Contains("999", StringComparison.Ordinal));
    }

    [Fact]
    public void Breathlessness_calls_an_ambulance_with_the_countrys_number()
    {
        var uk = Assess(A.With(ShortnessOfBreath), Uk);
        var us = Assess(A.With(ShortnessOfBreath), EmergencyServices.For("US"));
        var unknown = Assess(A.With(ShortnessOfBreath));

        Assert.StartsWith("Call 999 now and ask for an ambulance", uk.DoNow[0].Text);
        Assert.StartsWith("Call 911 now and ask for an ambulance", us.DoNow[0].Text);
        Assert.Contains("112", unknown.DoNow[0].Text);
        Assert.Contains("911", unknown.DoNow[0].Text);
        Assert.DoesNotContain(uk.DoNowText, line => line.Contains("have someone", StringComparison.Ordinal));
    }

    [Fact]
    public void An_emergency_without_an_ambulance_sign_may_go_by_someone_elses_car()
    {
        var result = Assess(A.With(PopOrSnap, CannotBearWeight, NumbnessOrTingling).V2() with { Numbness = NumbnessKind.Persistent }, Uk);

        Assert.Equal(Disposition.Emergency, result.Disposition);
        Assert.Equal("call-or-go-to-emergency", result.DoNow[0].Id);
        Assert.Contains("Do not drive yourself.", result.DoNowText);
    }

    [Fact]
    public void Heat_illness_calls_an_ambulance_and_cools_at_once()
    {
        var result = Assess(A.With(OverheatedOrConfused), Uk);

        Assert.Equal(Disposition.Emergency, result.Disposition);
        Assert.Equal("call-ambulance", result.DoNow[0].Id);
        Assert.Contains("cool-now", result.DoNow.Select(l => l.Id));
        Assert.DoesNotContain("stop-and-rest", result.DoNow.Select(l => l.Id));
        Assert.Contains(Concern.HeatIllness, result.Concerns);
    }

    [Fact]
    public void Suspected_compartment_syndrome_says_to_remove_anything_tight_and_keep_the_leg_at_heart_level()
    {
        var result = Assess(A.With(TenseHardCalf, PainOnMovingToes), Uk);

        var line = Assert.Single(result.DoNow, l => l.Id == "remove-tight-keep-level");
        Assert.Contains("level of your heart", line.Text);
    }

    [Fact]
    public void An_arterial_concern_never_advises_compression_or_raising_the_leg_and_withholds_ice()
    {
        var result = Assess(A.With(RecurringDuringRuns).V2() with { RecurringEases = RecurringEases.StandingStillOnWalks });

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.DoesNotContain(result.SelfCare, i => i.Id is "compression" or "elevation" or "ice");
        Assert.Contains(result.SelfCare, i => i.Id == "keep-leg-level");
        Assert.Contains(result.Withheld, w => w.Id == "compression");
    }

    [Fact]
    public void A_clot_concern_withholds_massage_at_every_level()
    {
        var result = Assess(A.With().V2(PainLocation.MuscleBelly).Risk(DvtRiskFactor.LongTravel));

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.DoesNotContain(result.SelfCare, i => i.Id is "self-massage" or "foam-rolling");
        Assert.Contains(result.Withheld, w => w.Id == "self-massage" && w.Reason.Contains("clot", StringComparison.Ordinal));
    }

    [Fact]
    public void A_brief_exercise_cramp_that_has_passed_may_be_stretched_and_massaged()
    {
        var result = Assess(A.With().V2() with { Onset = Onset.Sudden, CrampDuringRun = true });

        Assert.Equal(Disposition.SelfCare, result.Disposition);
        Assert.Empty(result.Withheld);
        Assert.Contains(result.SelfCare, i => i.Id == "cramp-stretch-massage");
        Assert.Contains(result.SelfCare, i => i.Id == "self-massage");
        Assert.DoesNotContain("clinician has checked", AllText(result));
    }

    [Fact]
    public void An_occasional_night_cramp_is_self_care_with_stretching_advice()
    {
        var result = Assess(A.With(PainAtRest).V2() with { RestPain = RestPainKind.NightCrampsSometimes });

        Assert.Equal(Disposition.SelfCare, result.Disposition);
        Assert.Contains(result.SelfCare, i => i.Id == "night-cramp-stretch");
    }

    [Theory]
    [InlineData(9)]
    [InlineData(90)]
    public void Day_9_self_care_has_no_first_aid_wording(int day)
    {
        var result = Assess(A.With().Days(day, day).V2());
        var text = AllText(result);

        Assert.Equal(Disposition.SelfCare, result.Disposition);
        Assert.DoesNotContain(result.SelfCare, i => i.Id is "relative-rest" or "ice" or "compression" or "elevation" or "avoid-early");
        Assert.Contains(result.SelfCare, i => i.Id == "load-as-pain-allows");
        Assert.All(new[] { "first 1–3 days", "First 2–3 days", "48–72 hours", "first 48 hours" }, words => Assert.DoesNotContain(words, text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Day_1_self_care_gives_the_first_aid()
    {
        var result = Assess(A.With().Days(1, 1).V2());

        Assert.Contains(result.SelfCare, i => i.Id == "relative-rest");
        Assert.Contains(result.SelfCare, i => i.Id == "ice");
    }

    [Fact]
    public void Pain_relief_is_paracetamol_first_with_the_cautions()
    {
        var early = Assert.Single(Assess(A.With().Days(1, 1).V2()).SelfCare, i => i.Id == "pain-relief");
        var later = Assert.Single(Assess(A.With().Days(5, 5).V2()).SelfCare, i => i.Id == "pain-relief");
        var thinner = Assert.Single(Assess(A.With().Days(5, 5).V2(PainLocation.MuscleBelly, Medicine.Statin)).SelfCare, i => i.Id == "pain-relief");

        Assert.StartsWith("Paracetamol is the first choice", early.Details);
        Assert.Contains("first 48 hours", early.Details);
        Assert.Contains("pregnant", early.Details);
        Assert.Contains("blood thinner", early.Details);
        Assert.Contains("kidney", early.Details);
        Assert.Contains("dark urine", early.Details);
        Assert.Contains("may now be added", later.Details);
        Assert.Contains("Paracetamol", thinner.Details);
    }

    [Fact]
    public void Self_care_names_the_signs_that_mean_calling_now_instead_of_running_the_assessment_again()
    {
        var result = Assess(A.With(), Uk);

        var line = Assert.Single(result.DoNow, l => l.Id == "call-now-signs");
        Assert.Contains("999", line.Text);
        Assert.Contains("short of breath", line.Text);
        Assert.Contains("NHS 111", line.Text);
        Assert.DoesNotContain(result.DoNowText, l => l.Contains("assessment again", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fluoroquinolone_says_to_tell_the_doctor_today()
    {
        var result = Assess(A.With().V2(PainLocation.Achilles, Medicine.Fluoroquinolone), Uk);

        Assert.Equal(Disposition.Urgent, result.Disposition);
        Assert.Contains("fluoroquinolone-stop-ask", result.DoNow.Select(l => l.Id));
    }

    [Fact]
    public void A_statin_says_to_keep_taking_it_until_the_doctor_has_been_seen()
    {
        var result = Assess(A.With().V2(PainLocation.MuscleBelly, Medicine.Statin));

        Assert.Equal(Disposition.SeeClinician, result.Disposition);
        Assert.Contains("statin-keep-taking", result.DoNow.Select(l => l.Id));
    }

    [Fact]
    public void Spreading_redness_with_fever_keeps_the_emergency_and_names_infection_and_marking_the_edge()
    {
        var result = Assess(A.With(Fever, Warmth, Discoloration, WoundOrBite).V2() with { SkinPatch = SkinPatch.SpreadingOrLarge, WoundAftermath = WoundAftermath.Neither }, Uk);

        Assert.Equal(Disposition.Emergency, result.Disposition);
        Assert.Contains(Concern.SpreadingInfection, result.Concerns);
        Assert.Contains("mark-redness", result.DoNow.Select(l => l.Id));
    }
}
