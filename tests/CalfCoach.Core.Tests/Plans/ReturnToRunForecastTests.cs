using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Tests.Plans;

public sealed class ReturnToRunForecastTests
{
    [Fact]
    public void OnDayZero_RunningCannotRestartBeforeAWeekPainFree_AndEveryCriterionIsMissing()
    {
        var roadmap = ProgrammeLog.Injured().Roadmap(0);

        Assert.False(roadmap.Running);
        Assert.False(roadmap.WaitsForClinician);

        // Day 0's pain at rest 6 breaks the streak: seven pain-free days from day 1 end on day 7, the earliest restart.
        Assert.Equal(ProgrammeLog.Day(7), roadmap.RunningFrom);
        Assert.Equal([Phase.FirstAid, Phase.Recovery, Phase.Strengthening, Phase.ReturnToRun], roadmap.Steps.Select(s => s.Phase));
        Assert.Equal(ProgrammeLog.Day(0), roadmap.Steps[0].Since);
        Assert.Equal(ProgrammeLog.Day(3), roadmap.Steps[1].EarliestStart);
        Assert.Equal(3, roadmap.Missing.Count);
        Assert.Contains(roadmap.Missing, c => c.Status.Contains("0 of 7 pain-free days", StringComparison.Ordinal));
    }

    [Fact]
    public void APainfulDay_PushesTheEarliestRestartBack()
    {
        var log = ProgrammeLog.Strengthening();
        var before = log.Roadmap(5).RunningFrom;

        log.Walking(5, 4);
        var after = log.Roadmap(5).RunningFrom;

        Assert.NotNull(before);
        Assert.True(after > before, $"{after} should be later than {before}");
        Assert.Equal(ProgrammeLog.Day(12), after);
    }

    [Fact]
    public void TheMissingHeelRaises_SayHowManyMore()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 6).HeelRaises(6, 24).OtherLegHeelRaises(6, 32);

        var roadmap = log.Roadmap(6);

        var raises = Assert.Single(roadmap.Missing, c => c.Id == "heel-raises");
        Assert.Contains("24 of 30", raises.Status, StringComparison.Ordinal);
        Assert.Contains("6 more", raises.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void OnceRunning_TheRoadmapGivesTheDayItRestarted()
    {
        var roadmap = ProgrammeLog.Running().Roadmap(10);

        Assert.True(roadmap.Running);
        Assert.Equal(ProgrammeLog.Day(9), roadmap.RunningFrom);
        Assert.Empty(roadmap.Missing);
    }

    [Fact]
    public void BelowSelfCare_NoDateIsPromised()
    {
        var roadmap = new ProgrammeLog(Disposition.SeeClinician).Roadmap(0);

        Assert.True(roadmap.WaitsForClinician);
        Assert.Null(roadmap.RunningFrom);
    }

    [Fact]
    public void TheForecast_DoesNotChangeTheProgrammeItself()
    {
        var log = ProgrammeLog.Injured();
        var before = log.On(2);

        _ = log.Roadmap(2);

        Assert.Equal(before.Phase, log.On(2).Phase);
        Assert.Equal(before.NextReview, log.On(2).NextReview);
    }
}
