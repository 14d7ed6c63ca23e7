using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    [Theory]
    [InlineData(59, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(-59, true)]
    [InlineData(-60, true)]
    [InlineData(-61, false)]
    public void Same_activity_lookup_includes_starts_up_to_the_tolerance_away_and_no_further(int secondsApart, bool found)
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("gpx1", Now), out var id);

        var candidates = store.FindSameActivity(Sport.Running, Now.AddSeconds(secondsApart), Activity.SameActivityTolerance);

        Assert.Equal(found ? [id] : [], candidates.Select(c => c.Id));
    }

    [Fact]
    public void Same_activity_lookup_ignores_other_sports_and_lists_the_nearest_start_first()
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("far", Now.AddSeconds(-50)), out var far);
        store.TryInsert(TestActivities.MinimalRun("near", Now.AddSeconds(10)), out var near);
        store.TryInsert(TestActivities.MinimalRun("bike", Now, Sport.Cycling), out _);

        var candidates = store.FindSameActivity(Sport.Running, Now, Activity.SameActivityTolerance);

        Assert.Equal([near, far], candidates.Select(c => c.Id));
    }

    [Fact]
    public void Candidates_carry_the_stored_richness_and_source_so_no_streams_need_loading()
    {
        var store = OpenStore();
        var fit = TestActivities.FullRun("fit1", Now);
        store.TryInsert(fit, out var id);

        var candidate = Assert.Single(store.FindSameActivity(Sport.Running, Now.AddSeconds(30), TimeSpan.FromMinutes(1)));

        Assert.Equal(new StoredActivityCandidate(id, Now, fit.Richness, fit.Source), candidate);
        Assert.True(candidate.Richness > 0);
    }

    [Fact]
    public void Replacing_keeps_the_id_stores_the_richer_copy_and_remembers_the_poorer_file_as_a_duplicate()
    {
        var store = OpenStore();
        var poorer = TestActivities.MinimalRun("gpx", Now) with { Streams = TestActivities.GpxLikeRun(600), Laps = [new(Now, 1800, null, null, null, null, null)] };
        var richer = TestActivities.FullRun("fit", Now.AddSeconds(2));
        store.TryInsert(poorer, out var id);
        Clock.Now = Now.AddMinutes(5);

        store.ReplaceActivity(id, richer);

        Assert.Equal(1, store.Count());
        var loaded = store.LoadActivity(id)!;
        Assert.Equal(richer.Source, loaded.Source);
        Assert.Equal(richer.StartUtc, loaded.StartUtc);
        Assert.Equal(richer.Laps, loaded.Laps);
        TestActivities.AssertIdentical(richer.Streams, loaded.Streams);
        Assert.Equal(richer.Richness, Assert.Single(store.FindSameActivity(Sport.Running, Now, TimeSpan.FromMinutes(1))).Richness);

        var poorerFile = store.GetFileOutcome("gpx")!;
        Assert.Equal(ImportOutcome.Duplicate, poorerFile.Outcome);
        Assert.Equal(id, poorerFile.ActivityId);
        Assert.True(poorerFile.Outcome.IsFinal());
        Assert.Equal(new ImportFileRecord("fit", richer.Source.Path, ImportOutcome.Imported, null, id, Now.AddMinutes(5)), store.GetFileOutcome("fit"));

        Assert.False(store.TryInsert(richer, out var again));
        Assert.Equal(id, again);
    }

    [Fact]
    public void Replacing_with_streams_removed_leaves_no_stale_blob()
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.FullRun("fit"), out var id);

        store.ReplaceActivity(id, TestActivities.MinimalRun("csv", TestActivities.MorningRun));

        Assert.Equal(0, store.LoadActivity(id)!.Streams.Count);
        Assert.Empty(store.LoadActivity(id)!.Laps);
    }

    [Fact]
    public void Replacing_an_unknown_activity_or_with_content_stored_elsewhere_is_refused()
    {
        var store = OpenStore();
        store.TryInsert(TestActivities.MinimalRun("one", Now), out var one);
        store.TryInsert(TestActivities.MinimalRun("two", Now.AddDays(1)), out _);

        Assert.Throws<InvalidOperationException>(() => store.ReplaceActivity(999, TestActivities.FullRun("x")));
        Assert.Throws<InvalidOperationException>(() => store.ReplaceActivity(one, TestActivities.MinimalRun("two", Now)));
        Assert.Equal("one", store.LoadActivity(one)!.Source.ContentSha256);
    }
}
