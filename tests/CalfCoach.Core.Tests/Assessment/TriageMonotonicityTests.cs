using CalfCoach.Core.Assessment;
using FsCheck.Xunit;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>
/// Safety properties: more worrying answers can never produce a less urgent disposition. Checked
/// exhaustively where the combinations are few, and over random answer sets where they are not.
/// </summary>
public sealed class TriageMonotonicityTests
{
    private static readonly Symptom[] Symptoms = Enum.GetValues<Symptom>();
    private static readonly DvtRiskFactor[] RiskFactors = Enum.GetValues<DvtRiskFactor>();

    public static TheoryData<Symptom, Disposition> EverySingleSign => new()
    {
        { Symptom.ShortnessOfBreath, Disposition.Emergency },
        { Symptom.ChestPain, Disposition.Emergency },
        { Symptom.CoughingBlood, Disposition.Emergency },
        { Symptom.FaintingOrCollapse, Disposition.Emergency },
        { Symptom.ColdOrPaleFoot, Disposition.Emergency },
        { Symptom.CannotMoveFootOrToes, Disposition.Emergency },
        { Symptom.Fever, Disposition.Emergency },
        { Symptom.FeelingVeryUnwell, Disposition.Emergency },
        { Symptom.DarkUrine, Disposition.Emergency },
        { Symptom.SevereUnrelentingPain, Disposition.Emergency },
        { Symptom.TenseHardCalf, Disposition.Urgent },
        { Symptom.PainOnMovingToes, Disposition.SeeClinician },
        { Symptom.PainAtRest, Disposition.Urgent },
        { Symptom.RecurringDuringRuns, Disposition.SeeClinician },
        { Symptom.CrampOver10Minutes, Disposition.Urgent },
        { Symptom.PopOrSnap, Disposition.Urgent },
        { Symptom.CannotBearWeight, Disposition.Urgent },
        { Symptom.CannotRiseOnToes, Disposition.Urgent },
        { Symptom.Swelling, Disposition.Urgent },
        { Symptom.Warmth, Disposition.Urgent },
        { Symptom.Discoloration, Disposition.Urgent },
        { Symptom.Bruising, Disposition.SeeClinician },
        { Symptom.KneeLump, Disposition.SeeClinician },
        { Symptom.NumbnessOrTingling, Disposition.Urgent },
        { Symptom.OverheatedOrConfused, Disposition.Emergency },
        { Symptom.FootWeakOrDropping, Disposition.Urgent },
        { Symptom.SuddenlyMuchWorse, Disposition.Urgent },
        { Symptom.HardOrSoreVeins, Disposition.Urgent },
        // Its follow-up (cramps or stiffness since?) not given: read as the worrying branch, a possible tetanus.
        { Symptom.WoundOrBite, Disposition.Urgent },
        { Symptom.BothLegsWeakOrNumb, Disposition.Emergency },
        { Symptom.SaddleNumbnessOrBladderBowel, Disposition.Emergency },
        // "Not improving" alone only counts once enough days of home care have passed.
        { Symptom.NotImproving, Disposition.SelfCare },
    };

    [Theory]
    [MemberData(nameof(EverySingleSign))]
    public void Each_warning_sign_alone_gives_its_disposition(Symptom sign, Disposition expected)
    {
        Assert.Equal(expected, A.With(sign).Disposition());
    }

    [Fact]
    public void Every_sign_has_an_expected_single_sign_disposition()
    {
        var listed = EverySingleSign.Select(row => row.Data.Item1).ToHashSet();
        Assert.Equal(Symptoms.ToHashSet(), listed);
    }

    [Fact]
    public void Exhaustively_every_pair_of_signs_is_at_least_as_urgent_as_either_sign_alone()
    {
        foreach (var first in Symptoms)
        {
            foreach (var second in Symptoms)
            {
                var pair = A.With(first, second).Disposition();
                Assert.True(pair >= A.With(first).Disposition(), $"{first}+{second} is less urgent than {first}");
                Assert.True(pair >= A.With(second).Disposition(), $"{first}+{second} is less urgent than {second}");
            }
        }
    }

    [Fact]
    public void Exhaustively_every_combination_of_risk_factors_is_monotone()
    {
        // 2^10 subsets of DVT risk factors, with and without a leg sign: adding one never lowers urgency.
        foreach (var baseSigns in new[] { A.With(), A.With(Symptom.Bruising), A.With(Symptom.NotImproving).Days(8, 8) })
        {
            for (var mask = 0; mask < 1 << RiskFactors.Length; mask++)
            {
                var before = baseSigns.Risk(FromMask(RiskFactors, (uint)mask)).Disposition();
                foreach (var added in RiskFactors)
                {
                    var after = baseSigns.Risk(FromMask(RiskFactors, (uint)mask)).Risk(added).Disposition();
                    Assert.True(after >= before, $"adding {added} to mask {mask} lowered {before} to {after}");
                }
            }
        }
    }

    [Property(MaxTest = 3000)]
    public bool Adding_any_warning_sign_never_lowers_urgency(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays, byte signIndex)
    {
        var answers = Random(symptomMask, riskMask, onsetDays, careDays);
        var added = answers.Plus(Symptoms[signIndex % Symptoms.Length]);
        return added.Disposition() >= answers.Disposition();
    }

    [Property(MaxTest = 3000)]
    public bool Adding_a_dvt_risk_factor_never_lowers_urgency(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays, byte riskIndex)
    {
        var answers = Random(symptomMask, riskMask, onsetDays, careDays);
        var added = answers.Risk(RiskFactors[riskIndex % RiskFactors.Length]);
        return added.Disposition() >= answers.Disposition();
    }

    [Property(MaxTest = 3000)]
    public bool More_days_without_improvement_never_lower_urgency(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays, byte moreDays)
    {
        var answers = Random(symptomMask, riskMask, onsetDays, careDays).Plus(Symptom.NotImproving);
        var later = answers.Days(answers.DaysSinceOnset + moreDays, answers.DaysOfHomeCare + moreDays);
        return later.Disposition() >= answers.Disposition();
    }

    [Property(MaxTest = 2000)]
    public bool Urgent_or_emergency_results_carry_no_coaching(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays)
    {
        var result = Random(symptomMask, riskMask, onsetDays, careDays).Assess();
        return result.Disposition < Disposition.Urgent
            || (result.SelfCare.Count == 0 && result.Prevention.Count == 0 && result.Withheld.Count == 0);
    }

    [Property(MaxTest = 2000)]
    public bool The_disposition_is_the_most_urgent_red_flag(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays)
    {
        var outcome = Triage.Evaluate(Random(symptomMask, riskMask, onsetDays, careDays));
        var highest = outcome.RedFlags.Count == 0 ? Disposition.SelfCare : outcome.RedFlags.Max(f => f.Disposition);
        return outcome.Disposition == highest;
    }

    [Property(MaxTest = 2000)]
    public bool Early_stop_is_sound_whatever_is_answered_afterwards(uint earlyMask, uint laterMask, ushort riskMask, byte onsetDays, byte careDays)
    {
        // If the signs answered so far already mean an emergency, no further answers can change that.
        var early = FromMask(Symptoms, earlyMask).ToHashSet();
        if (!Triage.IsEmergencyAlready(early))
        {
            return true;
        }

        var full = Random(earlyMask | laterMask, riskMask, onsetDays, careDays);
        return full.Disposition() == Disposition.Emergency;
    }

    private static RunnerAnswers Random(uint symptomMask, ushort riskMask, byte onsetDays, byte careDays)
    {
        var care = Math.Min(careDays, onsetDays);
        return A.With(FromMask(Symptoms, symptomMask)).Days(onsetDays, care).Risk(FromMask(RiskFactors, riskMask));
    }

    private static T[] FromMask<T>(T[] values, uint mask) =>
        values.Where((_, i) => i < 32 && (mask & (1u << i)) != 0).ToArray();
}
