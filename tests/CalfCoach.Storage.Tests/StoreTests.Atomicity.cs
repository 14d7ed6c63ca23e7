using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    [Fact]
    public void A_failure_after_the_activity_row_leaves_nothing_behind_and_a_retry_succeeds()
    {
        var store = OpenStore();
        var activity = TestActivities.FullRun("atomic");
        store.AfterActivityRowWritten = _ => throw new IOException("disk full (injected)");

        Assert.Throws<IOException>(() => store.TryInsert(activity, out _));

        Assert.Equal(0, store.Count());
        Assert.Empty(store.ListActivities());
        Assert.Empty(store.FindSameActivity(Sport.Running, activity.StartUtc, TimeSpan.FromMinutes(1)));
        Assert.Null(store.GetFileOutcome("atomic"));

        store.AfterActivityRowWritten = null;
        Assert.True(store.TryInsert(activity, out var id));
        var loaded = store.LoadActivity(id)!;
        Assert.Equal(activity.Laps, loaded.Laps);
        TestActivities.AssertIdentical(activity.Streams, loaded.Streams);
    }

    [Fact]
    public void An_activity_the_schema_cannot_hold_is_refused_before_anything_is_written()
    {
        var store = OpenStore();
        var broken = TestActivities.FullRun("laps") with { Laps = [new(Now, double.NaN, null, null, null, null, null)] };

        Assert.Throws<ArgumentException>(() => store.TryInsert(broken, out _));

        Assert.Equal(0, store.Count());
        Assert.Null(store.GetFileOutcome("laps"));
        Assert.True(store.TryInsert(broken with { Laps = [] }, out _));
    }

    [Fact]
    public void NaN_in_optional_summary_fields_is_stored_as_not_recorded()
    {
        var store = OpenStore();
        var activity = TestActivities.MinimalRun("nan", Now) with
        {
            AvgHeartRateBpm = double.NaN,
            Laps = [new(Now, 60, double.NaN, null, double.NaN, null, null)],
        };

        store.TryInsert(activity, out var id);

        var loaded = store.LoadActivity(id)!;
        Assert.Null(loaded.AvgHeartRateBpm);
        Assert.Null(loaded.Laps[0].TimerSeconds);
        Assert.Null(loaded.Laps[0].AvgHeartRateBpm);
    }

    [Fact]
    public void A_failure_midway_through_a_replace_keeps_the_old_copy_whole()
    {
        var store = OpenStore();
        var poorer = TestActivities.MinimalRun("gpx", Now) with { Streams = TestActivities.GpxLikeRun(300) };
        store.TryInsert(poorer, out var id);
        store.AfterActivityRowWritten = _ => throw new IOException("power cut (injected)");

        Assert.Throws<IOException>(() => store.ReplaceActivity(id, TestActivities.FullRun("fit", Now)));

        var loaded = store.LoadActivity(id)!;
        Assert.Equal(poorer.Source, loaded.Source);
        TestActivities.AssertIdentical(poorer.Streams, loaded.Streams);
        Assert.Equal(ImportOutcome.Imported, store.GetFileOutcome("gpx")!.Outcome);
        Assert.Null(store.GetFileOutcome("fit"));
    }
}
