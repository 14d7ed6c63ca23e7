using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Import.History;
using CalfCoach.Report;
using CalfCoach.Storage;

namespace CalfCoach.Web.Services;

/// <summary>
/// One runner's stored history as the pages and the API see it: the same <see cref="TrainingHistory"/> the CLI uses,
/// over a database handle scoped to that runner (<see cref="RunnerDirectory"/> hands these out), with today's date from
/// the app's clock.
/// </summary>
public sealed class RunnerData(CalfCoachWebOptions options, Database database)
{
    private ChartCache? _charts;
    private RecoveryJournal? _journal;

    /// <summary>The database, scoped to this runner: every store made from it reads and writes this runner's rows only.</summary>
    public Database Database { get; } = database;

    public TrainingHistory History { get; } = new(database);

    public ProfileStore Profiles { get; } = new(database);

    public string? DataNote => options.DataNote;

    public DateTimeOffset Now => options.Clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(options.Clock.GetLocalNow().DateTime);

    /// <summary>
    /// The onset findings are ordered against: the demo's known onset, else the day the runner's current pain began (from
    /// their latest assessment), else today.
    /// </summary>
    public DateOnly DefaultOnset => (options.Onset ?? Journal.Onset(Today)) is { } onset && onset <= Today ? onset : Today;

    public AnalysisResult Analyze(DateOnly? asOf = null, DateOnly? onset = null) =>
        History.Analyze(asOf ?? Today, onset ?? DefaultOnset);

    /// <summary>
    /// Reads and analyses the stored history once, so the first page view is as quick as later ones (parsing a
    /// 10-year history's run features is most of a cold dashboard's time; see bench/README.md).
    /// </summary>
    public void WarmUp() => _ = Analyze();

    /// <summary>The recovery journal (assessments, check-ins, the programme) over the same database.</summary>
    public RecoveryJournal Journal => LazyInitializer.EnsureInitialized(ref _journal, () => new(Database, History));

    /// <summary>Who to call where the runner lives, from the profile's country (the common numbers until one is chosen).</summary>
    public EmergencyServices EmergencyServices => EmergencyServices.For(History.LoadProfile().Country);

    /// <summary>
    /// The assessment of <paramref name="answers"/> with the stored history's findings, recorded in the journal (starting or
    /// updating the programme), as <c>calfcoach assess --db</c> does. Stopped early on an emergency, nothing is recorded:
    /// the unasked signs were never answered.
    /// </summary>

    public AssessmentResult Assess(RunnerAnswers answers, DateOnly asOf, bool stoppedEarly = false) =>
        stoppedEarly ? Journal.Assess(answers, asOf) : Journal.RecordAssessment(answers, asOf).Result;

    /// <summary>
    /// The report's charts for an analysis, drawn once per analysis: <see cref="TrainingHistory"/> hands back the same
    /// result object while the data are unchanged, so the dashboard's charts are reused until something is imported or edited.
    /// </summary>
    public IReadOnlyList<ChartFigure> Charts(AnalysisResult analysis, ReportOptions reportOptions, IReadOnlyCollection<string> ids)
    {
        // One reference, read and replaced whole: concurrent requests at worst draw the charts twice.
        if (Volatile.Read(ref _charts) is { } cached && ReferenceEquals(cached.Analysis, analysis) && cached.Options == reportOptions && cached.Ids.SequenceEqual(ids))
        {
            return cached.Charts;
        }

        var charts = ReportRenderer.Charts(analysis, reportOptions, ids);
        Volatile.Write(ref _charts, new ChartCache(analysis, reportOptions, [.. ids], charts));
        return charts;
    }

    public ReportOptions ReportOptions(AthleteProfile profile) =>
        Report.ReportOptions.For(profile, Today) with { DataNote = options.DataNote };

    private sealed record ChartCache(AnalysisResult Analysis, ReportOptions Options, string[] Ids, IReadOnlyList<ChartFigure> Charts);
}
