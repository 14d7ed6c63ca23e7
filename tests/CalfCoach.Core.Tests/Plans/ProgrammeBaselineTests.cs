using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Tests.Analysis;

namespace CalfCoach.Core.Tests.Plans;

public sealed class ProgrammeBaselineTests
{
    /// <summary>The Monday of the onset week in these tests.</summary>
    private static readonly DateOnly OnsetMonday = new(2026, 11, 2);

    private static WeekSummary Week(int weeksBeforeOnsetWeek, double km) =>
        new(OnsetMonday.AddDays(-7 * weeksBeforeOnsetWeek), km, km * 6, km > 0 ? 3 : 0, 0, km / 2, null, km, 0, 0, 0, [0, 0, 0, 0, 0]);

    private static AnalysisResult Analysis(DateOnly onset, IReadOnlyList<WeekSummary> weeks, CadenceRelation? cadence = null) => new()
    {
        AsOf = onset.AddDays(2),
        Onset = onset,
        Findings = [],
        Weeks = weeks,
        Days = [],
        Runs = [],
        Cadence = cadence,
        Shoes = [],
        HeartRate = new HeartRateBasis(190, "default", 60, "default"),
    };

    /// <summary>
    /// Five weeks back: 100 km (outside the window); then 20, 0, 30 and 34 km; the onset week itself 500 km.
    /// The four weeks before the onset week hold 84 km, so 21 km a week.
    /// </summary>
    private static readonly WeekSummary[] History =
    [
        Week(5, 100),
        Week(4, 20),
        Week(3, 0),
        Week(2, 30),
        Week(1, 34),
        Week(0, 500),
    ];

    [Theory]
    [InlineData(2026, 11, 2)] // Monday
    [InlineData(2026, 11, 4)] // Wednesday
    [InlineData(2026, 11, 8)] // Sunday
    public void Pre_injury_distance_is_the_mean_of_the_four_whole_weeks_before_the_onset_week(int year, int month, int day)
    {
        var analysis = Analysis(new DateOnly(year, month, day), History);

        Assert.Equal(21.0, ProgrammeBaseline.PreInjuryWeeklyKm(analysis));
    }

    [Fact]
    public void An_onset_on_the_next_monday_moves_the_window_on_a_week()
    {
        var analysis = Analysis(OnsetMonday.AddDays(7), [.. History, Week(-1, 0)]);

        // 0 + 30 + 34 + 500 over four weeks.
        Assert.Equal(141.0, ProgrammeBaseline.PreInjuryWeeklyKm(analysis));
    }

    [Fact]
    public void Weeks_without_running_count_as_zero_and_are_rounded_to_a_tenth()
    {
        var analysis = Analysis(OnsetMonday.AddDays(2), [Week(4, 0), Week(3, 0), Week(2, 12.5), Week(1, 0), Week(0, 3)]);

        Assert.Equal(3.1, ProgrammeBaseline.PreInjuryWeeklyKm(analysis)); // 12.5 / 4 = 3.125
    }

    [Fact]
    public void A_history_that_starts_inside_the_window_is_still_averaged_over_four_weeks()
    {
        // The analysis lists weeks from the first run only: two weeks of 10 and 14 km.
        var analysis = Analysis(OnsetMonday.AddDays(2), [Week(2, 10), Week(1, 14), Week(0, 0)]);

        Assert.Equal(6.0, ProgrammeBaseline.PreInjuryWeeklyKm(analysis));
    }

    [Fact]
    public void The_analysers_own_weeks_give_the_usual_weekly_distance()
    {
        // Eight steady 42 km weeks, then an 84 km run on the Tuesday of the onset week, which must not count; onset on the Wednesday.
        var runs = Histories.Steady(8);
        runs.Add(Histories.Run(Histories.Week(9).AddDays(1), 84));
        var analysis = Histories.Analyze(runs, Histories.Week(9).AddDays(2));

        Assert.Equal(42.0, ProgrammeBaseline.PreInjuryWeeklyKm(analysis));
    }

    [Fact]
    public void Without_running_in_the_four_weeks_there_is_no_pre_injury_distance()
    {
        Assert.Null(ProgrammeBaseline.PreInjuryWeeklyKm(Analysis(OnsetMonday.AddDays(2), [])));
        Assert.Null(ProgrammeBaseline.PreInjuryWeeklyKm(Analysis(OnsetMonday.AddDays(2), [Week(6, 40), Week(5, 40), Week(4, 0), Week(3, 0), Week(2, 0), Week(1, 0), Week(0, 8)])));
    }

    [Fact]
    public void The_start_takes_distance_and_rounded_easy_cadence_from_the_history_and_home_care_from_the_answers()
    {
        var answers = new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 4, daysOfHomeCare: 3);
        var assessment = Assessor.Assess(answers, OnsetMonday.AddDays(6));
        var cadence = new CadenceRelation(120, 10, true, 2.9, 163.6, 1.2, 12, null);

        var start = ProgrammeBaseline.Start(assessment, answers, Analysis(OnsetMonday.AddDays(2), History, cadence));

        Assert.Same(assessment, start.Assessment);
        Assert.Equal(21.0, start.PreInjuryWeeklyKm);
        Assert.Equal(164, start.EasyCadenceSpm);
        Assert.Equal(3, start.DaysOfHomeCare);
        Assert.Equal(OnsetMonday.AddDays(6), start.Date);
    }

    [Fact]
    public void Without_a_history_the_start_has_no_distance_or_cadence()
    {
        var answers = new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 1);

        var start = ProgrammeBaseline.Start(Assessor.Assess(answers, OnsetMonday), answers, history: null);

        Assert.Null(start.PreInjuryWeeklyKm);
        Assert.Null(start.EasyCadenceSpm);
        Assert.Equal(1, start.DaysOfHomeCare);
    }

    [Fact]
    public void A_history_without_a_cadence_fit_gives_distance_but_no_cadence()
    {
        var answers = new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 1);

        var start = ProgrammeBaseline.Start(Assessor.Assess(answers, OnsetMonday), answers, Analysis(OnsetMonday.AddDays(2), History));

        Assert.Equal(21.0, start.PreInjuryWeeklyKm);
        Assert.Null(start.EasyCadenceSpm);
    }
}
