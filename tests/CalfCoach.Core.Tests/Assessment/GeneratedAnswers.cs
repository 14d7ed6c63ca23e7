using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>
/// Complete version-2 answers built from a few random numbers (FsCheck supplies them): every sign, every follow-up of a
/// gateway answered "yes", where it hurts, medicines, risk factors, side, onset and the day.
/// </summary>
internal static class GeneratedAnswers
{
    private static readonly Symptom[] Symptoms = Enum.GetValues<Symptom>();
    private static readonly DvtRiskFactor[] RiskFactors = Enum.GetValues<DvtRiskFactor>();
    private static readonly Medicine[] Medicines = Enum.GetValues<Medicine>();

    public static RunnerAnswers VersionTwo(uint symptoms, ushort risks, uint details, byte context, byte day)
    {
        var present = Pick(Symptoms, symptoms);
        var days = day % 40;
        var answers = new RunnerAnswers(present.ToHashSet(), days, Math.Min(days, (int)(details >> 24) % 12))
        {
            Version = Questionnaire.CurrentVersion,
            DvtRiskFactors = Pick(RiskFactors, risks).ToHashSet(),
            Medicines = Pick(Medicines, (uint)(context >> 4)).ToHashSet(),
            Side = (context & 3) switch { 0 => Side.Left, 1 => Side.Right, 2 => Side.Both, _ => null },
            Onset = ((context >> 2) & 3) switch { 0 => Onset.Sudden, 1 => Onset.Gradual, _ => null },
            CrampDuringRun = (details & 0x100000) != 0,
            AfterInjury = (details & 0x200000) != 0,
            Location = Choose<PainLocation>(details >> 16) is var where && (details & 0x800000) == 0 ? where : null,
        };
        return WithDetails(answers, details);
    }

    /// <summary>The answers with every follow-up of a "yes" gateway chosen from <paramref name="details"/>.</summary>
    public static RunnerAnswers WithDetails(RunnerAnswers answers, uint details) => answers with
    {
        RestPain = answers.Has(Symptom.PainAtRest) ? Choose<RestPainKind>(details) : null,
        Numbness = answers.Has(Symptom.NumbnessOrTingling) ? Choose<NumbnessKind>(details >> 2) : null,
        SwellingExtent = answers.Has(Symptom.Swelling) ? Choose<SwellingExtent>(details >> 4) : null,
        SwellingCause = answers.Has(Symptom.Swelling) ? Choose<SwellingCause>(details >> 6) : null,
        RecurringEases = answers.Has(Symptom.RecurringDuringRuns) ? Choose<RecurringEases>(details >> 8) : null,
        SkinPatch = answers.HasAny(Symptom.Warmth, Symptom.Discoloration) ? Choose<SkinPatch>(details >> 10) : null,
        FootWeakOnset = answers.Has(Symptom.FootWeakOrDropping) ? Choose<FootWeakOnset>(details >> 12) : null,
        WoundAftermath = answers.Has(Symptom.WoundOrBite) ? Choose<WoundAftermath>(details >> 14) : null,
    };

    public static T Choose<T>(uint bits)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[(int)(bits & 3) % values.Length];
    }

    private static T[] Pick<T>(T[] values, uint mask) =>
        values.Where((_, i) => i < 32 && (mask & (1u << i)) != 0).ToArray();
}
