using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Report;

/// <summary>
/// The report's steps, written once for <c>calfcoach report</c> and the web app's <c>/report</c>: work out the onset, analyse the
/// history up to it, assess the answers (if any) with the findings, render.
/// </summary>
/// <param name="AsOf">The last day analysed.</param>
public sealed record TrainingReport(DateOnly AsOf)
{
    /// <summary>With answers, the report includes their assessment as the current plan.</summary>
    public RunnerAnswers? Answers { get; init; }

    /// <summary>
    /// The recorded recovery programme, when there is one: the report shows it, and without <see cref="Answers"/> its starting
    /// assessment is the current plan (so a check taken on the web is in the report, not "no assessment yet").
    /// </summary>
    public ReportProgramme? Programme { get; init; }

    /// <summary>The day the pain began as the user gave it; it wins over the answers' <c>daysSinceOnset</c>.</summary>
    public DateOnly? Onset { get; init; }

    /// <summary>The onset when neither <see cref="Onset"/> nor answers give one (the web app's known onset); else <see cref="AsOf"/>.</summary>
    public DateOnly? FallbackOnset { get; init; }

    /// <summary>The onset the findings are ordered against: the given one, else the answers', else the fallback, else the as-of date.</summary>
    public DateOnly OnsetDay => Onset ?? (Answers is { } answers ? AsOf.AddDays(-answers.DaysSinceOnset) : FallbackOnset ?? AsOf);

    /// <param name="options">The rendering options (the caller reads the profile and the clock).</param>
    /// <param name="analyze">The history's analysis for (as of, onset), e.g. <c>TrainingHistory.Analyze</c>: the report reads no database itself.</param>
    /// <exception cref="ArgumentException">The onset is after the as-of date.</exception>
    public TrainingReportResult Build(ReportOptions options, Func<DateOnly, DateOnly, AnalysisResult> analyze)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyze);
        var onset = OnsetDay;
        if (onset > AsOf)
        {
            throw new ArgumentException($"The onset ({IsoDate.ToText(onset)}) cannot be after the as-of date ({IsoDate.ToText(AsOf)}).", nameof(analyze));
        }

        var analysis = analyze(AsOf, onset);
        var assessment = Answers is null ? Programme?.Assessment : Assessor.Assess(Answers, AsOf, analysis.Findings);
        return new TrainingReportResult(analysis, assessment, ReportRenderer.Render(analysis, assessment, options, Programme));
    }
}

/// <summary>The recorded programme as the report shows it: the state on the report's date, its start and the assessment that began it.</summary>
public sealed record ReportProgramme(ProgrammeState State, DateOnly StartedOn, AssessmentResult Assessment);

/// <summary>The report's HTML and what it was made from (the CLI prints the counts).</summary>
public sealed record TrainingReportResult(AnalysisResult Analysis, AssessmentResult? Assessment, string Html);
