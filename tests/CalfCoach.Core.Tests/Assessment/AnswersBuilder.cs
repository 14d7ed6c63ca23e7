using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>Concise answers for tests: every sign "no" unless listed.</summary>
internal static class A
{
    public static readonly DateOnly Day = new(2026, 11, 27);

    public static RunnerAnswers With(params Symptom[] yes) => new(yes.ToHashSet(), daysSinceOnset: 2, daysOfHomeCare: 1);

    public static RunnerAnswers Days(this RunnerAnswers a, int sinceOnset, int homeCare) => a.WithDays(sinceOnset, homeCare);

    public static RunnerAnswers Plus(this RunnerAnswers a, Symptom symptom) => a.WithSymptom(symptom);

    public static RunnerAnswers Risk(this RunnerAnswers a, params DvtRiskFactor[] factors) =>
        a with { DvtRiskFactors = a.DvtRiskFactors.Concat(factors).ToHashSet() };

    public static RunnerAnswers Changes(this RunnerAnswers a, params RecentChange[] changes) =>
        a with { RecentChanges = a.RecentChanges.Concat(changes).ToHashSet() };

    /// <summary>The same answers given in version 2 of the questions, with the pain in <paramref name="where"/> and no medicines unless listed.</summary>
    public static RunnerAnswers V2(this RunnerAnswers a, PainLocation? where = PainLocation.MuscleBelly, params Medicine[] medicines) =>
        a with { Version = Questionnaire.CurrentVersion, Location = where, Medicines = medicines.ToHashSet() };

    public static Disposition Disposition(this RunnerAnswers a) => Triage.Evaluate(a).Disposition;

    public static AssessmentResult Assess(this RunnerAnswers a) => Assessor.Assess(a, Day);
}
