using CalfCoach.Core.Assessment;

namespace CalfCoach.Report.Tests;

/// <summary>The onset the report (CLI and web alike) orders its findings against.</summary>
public sealed class TrainingReportTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static readonly RunnerAnswers FiveDaysAgo = new(new HashSet<Symptom>(), daysSinceOnset: 5, daysOfHomeCare: 2);

    [Fact]
    public void A_given_onset_wins_over_the_answers()
    {
        Assert.Equal(new DateOnly(2026, 11, 1), new TrainingReport(AsOf) { Answers = FiveDaysAgo, Onset = new DateOnly(2026, 11, 1) }.OnsetDay);
    }

    [Fact]
    public void The_answers_onset_wins_over_the_fallback()
    {
        Assert.Equal(AsOf.AddDays(-5), new TrainingReport(AsOf) { Answers = FiveDaysAgo, FallbackOnset = new DateOnly(2026, 11, 1) }.OnsetDay);
    }

    [Fact]
    public void Without_onset_answers_or_fallback_the_onset_is_the_as_of_date()
    {
        Assert.Equal(AsOf, new TrainingReport(AsOf).OnsetDay);
    }

    [Fact]
    public void An_onset_after_the_as_of_date_is_refused_before_anything_is_analysed()
    {
        var analysed = false;

        Assert.Throws<ArgumentException>(() => new TrainingReport(AsOf) { Onset = AsOf.AddDays(1) }
            .Build(new ReportOptions { GeneratedOn = AsOf }, (_, _) => { analysed = true; throw new InvalidOperationException(); }));
        Assert.False(analysed);
    }
}
