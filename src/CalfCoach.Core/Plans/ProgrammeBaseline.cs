using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans;

/// <summary>What the programme takes from the runner's own history: the usual weekly distance and easy cadence.</summary>
public static class ProgrammeBaseline
{
    /// <summary>Weeks averaged for the pre-injury distance: the chronic window of the workload ratio (EVIDENCE.md 3.4, 28 days).</summary>
    public const int PreInjuryWeeks = 4;

    /// <summary>
    /// Mean weekly running distance over the <see cref="PreInjuryWeeks"/> whole weeks before the week of the onset
    /// (weeks without runs count as 0 km); null when those weeks hold no running at all.
    /// </summary>
    /// <remarks>
    /// The onset week itself is left out: it is cut short by the pain. The mean includes any spike that led to
    /// the pain, which the return-to-run cap then approaches only gradually (+20 % a week from 30 %).
    /// </remarks>
    public static double? PreInjuryWeeklyKm(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var onsetMonday = TrainingMetrics.WeekOf(analysis.Onset);
        var before = analysis.Weeks
            .Where(w => w.Monday < onsetMonday && w.Monday >= onsetMonday.AddDays(-7 * PreInjuryWeeks))
            .Sum(w => w.DistanceKilometers);
        return before > 0 ? Math.Round(before / PreInjuryWeeks, 1) : null;
    }

    /// <summary>The programme's starting point: the assessment, and from the history (when there is one) distance and cadence.</summary>
    public static ProgrammeStart Start(AssessmentResult assessment, RunnerAnswers answers, AnalysisResult? history) => new(
        assessment,
        history is null ? null : PreInjuryWeeklyKm(history),
        history?.Cadence?.CadenceAtEasySpeed is { } spm ? CadencePlan.StartSpm(spm) : null,
        answers.DaysOfHomeCare);
}
