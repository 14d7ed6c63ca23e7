using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Demo;

namespace CalfCoach.Report.Tests;

/// <summary>Realistic input: the generated demo runner (a build-up with spikes, intervals, worn shoes and low cadence).</summary>
internal static class ReportFixtures
{
    public static DateOnly Onset { get; } = new(2026, 3, 16);

    public static DateOnly AsOf { get; } = new(2026, 3, 18);

    public static ReportOptions Options { get; } = new()
    {
        GeneratedOn = new DateOnly(2026, 3, 19),
        DataNote = "Demo data: a generated runner, not a real person.",
    };

    public static AnalysisResult DemoAnalysis { get; } = Analyze(DemoHistory.Generate(Onset).Select(RunFeatureExtractor.Extract).ToList());

    public static AssessmentResult DemoAssessment { get; } =
        Assessor.Assess(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 1), AsOf, DemoAnalysis.Findings);

    public static AnalysisResult EmptyAnalysis { get; } = Analyze([]);

    private static AnalysisResult Analyze(IReadOnlyList<RunFeatures> runs) =>
        Analyzer.Analyze(runs, AthleteProfile.Default,
            [new Shoe(DemoHistory.ShoeName, DemoHistory.FirstDay(Onset).AddDays(-7), DemoHistory.ShoeStartKm)],
            AsOf, Onset, AnalysisSettings.Default);
}
