using CalfCoach.Core.Assessment;
using static CalfCoach.Core.Assessment.Disposition;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>Every rule of the triage table, each triggered by the smallest set of answers that should fire it.</summary>
public sealed class TriageRulesTests
{
    public static TheoryData<string, RunnerAnswers, Disposition> RuleCases => new()
    {
        { "breathing-or-chest-symptoms", A.With(ShortnessOfBreath), Emergency },
        { "breathing-or-chest-symptoms", A.With(ChestPain), Emergency },
        { "breathing-or-chest-symptoms", A.With(CoughingBlood), Emergency },
        { "breathing-or-chest-symptoms", A.With(FaintingOrCollapse), Emergency },
        { "cold-pale-or-paralysed-foot", A.With(ColdOrPaleFoot), Emergency },
        { "cold-pale-or-paralysed-foot", A.With(CannotMoveFootOrToes), Emergency },
        { "severe-unrelenting-pain", A.With(SevereUnrelentingPain), Emergency },
        { "tense-calf-with-nerve-or-stretch-pain", A.With(TenseHardCalf, PainOnMovingToes), Emergency },
        { "tense-calf-with-nerve-or-stretch-pain", A.With(TenseHardCalf, NumbnessOrTingling), Emergency },
        { "fever", A.With(Fever), Emergency },
        { "feeling-very-unwell", A.With(FeelingVeryUnwell), Emergency },
        { "dark-urine", A.With(DarkUrine), Emergency },
        { "both-legs-or-saddle-numbness", A.With(BothLegsWeakOrNumb), Emergency },
        { "both-legs-or-saddle-numbness", A.With(SaddleNumbnessOrBladderBowel), Emergency },
        { "cannot-bear-weight-with-numbness-or-discoloration", A.With(CannotBearWeight, NumbnessOrTingling), Emergency },
        { "cannot-bear-weight-with-numbness-or-discoloration", A.With(CannotBearWeight, Discoloration), Emergency },
        { "pop-or-snap", A.With(PopOrSnap), Urgent },
        { "cannot-bear-weight", A.With(CannotBearWeight), Urgent },
        { "cannot-rise-on-toes", A.With(CannotRiseOnToes), Urgent },
        { "pain-at-rest", A.With(PainAtRest), Urgent },
        { "numbness-or-tingling", A.With(NumbnessOrTingling), Urgent },
        { "tense-hard-calf", A.With(TenseHardCalf), Urgent },
        { "swelling-that-fits-a-clot", A.With(Swelling), Urgent },
        { "swelling-that-fits-a-clot", A.With(Swelling).V2() with { SwellingCause = SwellingCause.Unexplained, SwellingExtent = SwellingExtent.CalfSlightly }, Urgent },
        { "swelling-that-fits-a-clot", A.With(Swelling).V2() with { SwellingCause = SwellingCause.BruiseAfterKnockOrRun, SwellingExtent = SwellingExtent.WholeLeg }, Urgent },
        { "swelling", A.With(Swelling).V2() with { SwellingCause = SwellingCause.BruiseAfterKnockOrRun, SwellingExtent = SwellingExtent.CalfSlightly }, SeeClinician },
        { "warmth-or-discoloration", A.With(Warmth), Urgent },
        { "warmth-or-discoloration", A.With(Discoloration), Urgent },
        { "heat-illness", A.With(OverheatedOrConfused), Emergency },
        { "tense-calf-with-nerve-or-stretch-pain", A.With(TenseHardCalf, FootWeakOrDropping), Emergency },
        { "foot-weak-or-dropping", A.With(FootWeakOrDropping), Urgent },
        { "foot-weak-gradual", A.With(FootWeakOrDropping) with { FootWeakOnset = FootWeakOnset.Gradual }, SeeClinician },
        { "warm-or-red-patch", A.With(Warmth).V2() with { SkinPatch = SkinPatch.SmallNotSpreading }, SeeClinician },
        { "wound-with-stiff-or-cramping-calf", A.With(WoundOrBite), Urgent },
        { "suddenly-much-worse", A.With(SuddenlyMuchWorse), Urgent },
        { "hard-or-sore-veins", A.With(HardOrSoreVeins), Urgent },
        { "wound-with-skin-signs", A.With(WoundOrBite, Warmth), Urgent },
        { "wound-with-stiff-or-cramping-calf", A.With(WoundOrBite, CrampOver10Minutes), Urgent },
        { "blood-thinner-with-bleeding-signs", A.With(Bruising).V2(PainLocation.MuscleBelly, Medicine.BloodThinner), Urgent },
        { "fluoroquinolone-antibiotic", A.With().V2(PainLocation.Achilles, Medicine.Fluoroquinolone), Urgent },
        { "pain-at-rest", A.With(PainAtRest).V2() with { RestPain = RestPainKind.Constant }, Urgent },
        { "frequent-night-cramps", A.With(PainAtRest).V2() with { RestPain = RestPainKind.NightCrampsOften }, SeeClinician },
        { "numbness-or-tingling", A.With(NumbnessOrTingling).V2() with { Numbness = NumbnessKind.Persistent }, Urgent },
        { "numbness-during-runs", A.With(NumbnessOrTingling).V2() with { Numbness = NumbnessKind.OnlyWhileRunning }, SeeClinician },
        { "walking-pain-eases-standing-still", A.With(RecurringDuringRuns).V2() with { RecurringEases = RecurringEases.StandingStillOnWalks }, SeeClinician },
        { "pain-eases-raising-leg", A.With(RecurringDuringRuns).V2() with { RecurringEases = RecurringEases.RaisingTheLeg }, SeeClinician },
        { "bone-spot", A.With().V2(PainLocation.BoneSpot), SeeClinician },
        { "statin", A.With().V2(PainLocation.MuscleBelly, Medicine.Statin), SeeClinician },
        { "diuretic-with-cramps", A.With(PainAtRest).V2(PainLocation.MuscleBelly, Medicine.Diuretic) with { RestPain = RestPainKind.NightCrampsSometimes }, SeeClinician },
        { "clot-trigger-without-clot-signs", A.With().V2(PainLocation.MuscleBelly).Risk(DvtRiskFactor.EstrogenTherapy), SeeClinician },
        { "clot-trigger", A.With().V2(PainLocation.WholeCalf).Risk(DvtRiskFactor.LongTravel), Urgent },
        { "clot-trigger", A.With().V2(PainLocation.Achilles).Risk(DvtRiskFactor.PreviousClot), Urgent },
        { "knee-lump-with-calf-signs", A.With(KneeLump, Swelling), Urgent },
        { "cramp-over-10-minutes", A.With(CrampOver10Minutes), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.LongTravel), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.RecentSurgery), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.HospitalOrBedrest), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.PlasterCast), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.Cancer), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.PregnancyOrPostpartum), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.EstrogenTherapy), Urgent },
        { "clot-trigger", A.With().Risk(DvtRiskFactor.PreviousClot), Urgent },
        { "not-improving-after-home-care", A.With(NotImproving).Days(7, 7), SeeClinician },
        { "not-improving-after-two-weeks", A.With(NotImproving).Days(14, 0), SeeClinician },
        { "bruising", A.With(Bruising), SeeClinician },
        { "recurring-during-runs", A.With(RecurringDuringRuns), SeeClinician },
        { "pain-on-moving-toes", A.With(PainOnMovingToes), SeeClinician },
        { "knee-lump", A.With(KneeLump), SeeClinician },
        { "clot-background-risk", A.With().Risk(DvtRiskFactor.AgeOver60), SeeClinician },
        { "clot-background-risk", A.With().Risk(DvtRiskFactor.Smoking), SeeClinician },
        { "high-pain-score", A.With() with { PainScore = new PainScore(7) }, SeeClinician },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Rule_fires_with_its_disposition_and_names_itself(string ruleId, RunnerAnswers answers, Disposition expected)
    {
        var outcome = Triage.Evaluate(answers);

        Assert.Equal(expected, outcome.Disposition);
        var flag = Assert.Single(outcome.RedFlags, f => f.Id == ruleId);
        Assert.Equal(expected, flag.Disposition);
        Assert.NotEmpty(flag.Because);
        Assert.NotEmpty(flag.Concerns);
    }

    [Fact]
    public void Every_rule_in_the_table_is_exercised_by_a_case()
    {
        var covered = RuleCases.Select(row => row.Data.Item1).ToHashSet();
        var uncovered = TriageRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = TriageRules.All.Select(r => r.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void No_warning_signs_means_self_care_with_no_red_flags()
    {
        var outcome = Triage.Evaluate(A.With());

        Assert.Equal(SelfCare, outcome.Disposition);
        Assert.Empty(outcome.RedFlags);
    }

    [Fact]
    public void Red_flags_are_listed_most_urgent_first()
    {
        var outcome = Triage.Evaluate(A.With(Bruising, PopOrSnap, Fever));

        Assert.Equal([Emergency, Urgent, SeeClinician], outcome.RedFlags.Select(f => f.Disposition).Distinct());
        Assert.Equal("fever", outcome.RedFlags[0].Id);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(10, true)]
    public void Not_improving_escalates_from_day_7_of_home_care(int homeCareDays, bool escalates)
    {
        var disposition = A.With(NotImproving).Days(homeCareDays, homeCareDays).Disposition();

        Assert.Equal(escalates ? SeeClinician : Disposition.SelfCare, disposition);
    }

    [Fact]
    public void Seven_days_of_home_care_while_improving_stays_self_care()
    {
        Assert.Equal(Disposition.SelfCare, A.With().Days(9, 9).Disposition());
    }

    [Theory]
    [InlineData(6, Disposition.SelfCare)]
    [InlineData(7, SeeClinician)]
    public void Pain_score_of_7_or_more_needs_a_clinician(int score, Disposition expected)
    {
        Assert.Equal(expected, (A.With() with { PainScore = new PainScore(score) }).Disposition());
    }
}
