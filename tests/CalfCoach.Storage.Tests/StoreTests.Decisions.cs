using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

/// <summary><see cref="ActivityStore.Store"/>: the duplicate decision and the write as one step.</summary>
public abstract partial class StoreTests
{
    private static readonly Func<Activity>[] CopiesOfOneRun =
    [
        () => TestActivities.MinimalRun("gpx-copy", Now, format: "gpx") with { Streams = TestActivities.GpxLikeRun(300) },
        () => TestActivities.MinimalRun("tcx-copy", Now.AddSeconds(20), format: "tcx") with { Streams = TestActivities.GpxLikeRun(300) },
        () => TestActivities.FullRun("fit-copy", Now.AddSeconds(-30)),
    ];

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(0, 2, 1)]
    [InlineData(1, 0, 2)]
    [InlineData(1, 2, 0)]
    [InlineData(2, 0, 1)]
    [InlineData(2, 1, 0)]
    public void Three_copies_of_one_run_in_any_order_leave_one_activity_from_the_richest_file(int first, int second, int third)
    {
        var store = OpenStore();

        var decisions = new[] { first, second, third }.Select(i => store.Store(store.Prepare(CopiesOfOneRun[i]()))).ToList();

        var only = Assert.Single(store.ListActivities());
        Assert.Equal("fit-copy", only.Source.ContentSha256);
        Assert.All(decisions, d => Assert.Equal(only.Id, d.ActivityId));
        Assert.Equal(StoreOutcome.Inserted, decisions[0].Outcome);
        foreach (var sha in new[] { "gpx-copy", "tcx-copy" })
        {
            Assert.Equal(new ImportFileRecord(sha, $"{sha}.{sha[..3]}", ImportOutcome.Duplicate, store.GetFileOutcome(sha)!.Detail, only.Id, Now), store.GetFileOutcome(sha));
        }
    }

    [Theory]
    [InlineData("gpx", "tcx", "tcx")]
    [InlineData("tcx", "gpx", "tcx")]
    [InlineData("tcx", "fit", "fit")]
    public void Copies_with_the_same_points_keep_the_device_format_whichever_came_first(string first, string second, string kept)
    {
        var store = OpenStore();
        var streams = TestActivities.GpxLikeRun(300);

        store.Store(store.Prepare(TestActivities.MinimalRun($"{first}-1", Now, format: first) with { Streams = streams }));
        store.Store(store.Prepare(TestActivities.MinimalRun($"{second}-2", Now, format: second) with { Streams = streams }));

        Assert.Equal(kept, Assert.Single(store.ListActivities()).Source.Format);
    }

    [Theory]
    [InlineData("c1", "c2")]
    [InlineData("c2", "c1")]
    public void Identical_copies_from_two_files_keep_the_same_one_whichever_came_first(string first, string second)
    {
        var store = OpenStore();
        var streams = TestActivities.GpxLikeRun(300);

        store.Store(store.Prepare(TestActivities.MinimalRun(first, Now) with { Streams = streams }));
        store.Store(store.Prepare(TestActivities.MinimalRun(second, Now) with { Streams = streams }));

        Assert.Equal("c1", Assert.Single(store.ListActivities()).Source.ContentSha256);
    }

    [Fact]
    public void Storing_the_same_content_again_changes_nothing_and_names_the_stored_activity()
    {
        var store = OpenStore();
        var first = store.Store(store.Prepare(TestActivities.FullRun("same")));

        var again = store.Store(store.Prepare(TestActivities.FullRun("same")));

        Assert.Equal(new StoreDecision(StoreOutcome.AlreadyStored, first.ActivityId, null), again);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void A_poorer_copy_is_recorded_as_a_duplicate_of_the_stored_run_and_a_richer_one_replaces_it_in_place()
    {
        var store = OpenStore();
        var gpx = TestActivities.MinimalRun("g", Now) with { Streams = TestActivities.GpxLikeRun(300) };
        var fit = TestActivities.FullRun("f", Now.AddSeconds(40));
        var stored = store.Store(store.Prepare(gpx));

        var replaced = store.Store(store.Prepare(fit));
        var kept = store.Store(store.Prepare(gpx with { Source = gpx.Source with { ContentSha256 = "g2", Path = "again.gpx" } }));

        Assert.Equal(new StoreDecision(StoreOutcome.ReplacedPoorerCopy, stored.ActivityId, gpx.Source), replaced);
        Assert.Equal(new StoreDecision(StoreOutcome.KeptRicherCopy, stored.ActivityId, fit.Source), kept);
        Assert.Equal("f", store.LoadActivity(stored.ActivityId)!.Source.ContentSha256);
        Assert.Contains("f.fit", store.GetFileOutcome("g2")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stores_on_one_database_racing_on_many_copies_keep_exactly_one_activity_per_run()
    {
        // Two connections' worth of writers (as two processes would be) interleaving their decisions.
        var left = OpenStore();
        var right = OpenStore();
        const int Runs = 60;
        var gpx = Enumerable.Range(0, Runs).Select(i => left.Prepare(
            TestActivities.MinimalRun($"g{i}", Now.AddHours(i), format: "gpx") with { Streams = TestActivities.GpxLikeRun(120, seed: i + 10) })).ToArray();
        var fit = Enumerable.Range(0, Runs).Select(i => right.Prepare(TestActivities.FullRun($"f{i}", Now.AddHours(i).AddSeconds(5), seconds: 120))).ToArray();

        Parallel.Invoke(
            () => Array.ForEach(gpx, p => left.Store(p)),
            () => Array.ForEach(fit, p => right.Store(p)));

        var stored = left.ListActivities();
        Assert.Equal(Runs, stored.Count);
        Assert.All(stored, a => Assert.Equal("fit", a.Source.Format));
    }
}
