using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Import.History;
using CalfCoach.Report;
using CalfCoach.Storage;

namespace CalfCoach.Web.Services;

/// <summary>
/// The runner's stored history as the pages and the API see it: the same <see cref="TrainingHistory"/> the CLI uses,
/// over the one database the app was started with, with today's date from the app's clock.
/// </summary>
public sealed class RunnerData(CalfCoachWebOptions options)
{
    public Database Database { get; } = options.Database;

    public TrainingHistory History { get; } = new(options.Database);

    public ProfileStore Profiles { get; } = new(options.Database);

    public string? DataNote => options.DataNote;

    public DateOnly Today => DateOnly.FromDateTime(options.Clock.GetLocalNow().DateTime);

    /// <summary>The onset findings are ordered against: the known onset, else today.</summary>
    public DateOnly DefaultOnset => options.Onset is { } onset && onset <= Today ? onset : Today;

    public AnalysisResult Analyze(DateOnly? asOf = null, DateOnly? onset = null) =>
        History.Analyze(asOf ?? Today, onset ?? DefaultOnset);

    /// <summary>
    /// The assessment of <paramref name="answers"/> with the findings of the stored history up to <paramref name="asOf"/>,
    /// ordered against the onset the answers give: what <c>calfcoach assess --db</c> does.
    /// </summary>
    public AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var findings = History.Analyze(asOf, asOf.AddDays(-answers.DaysSinceOnset)).Findings;
        return Assessor.Assess(answers, asOf, findings);
    }

    public ReportOptions ReportOptions(AthleteProfile profile) =>
        Report.ReportOptions.For(profile, Today) with { DataNote = options.DataNote };
}
