using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    private static (long Run1, long Ride2, long Run3, long Walk3) StoreFourDays(ActivityStore store)
    {
        // Inserted out of order: listing orders by start, not by id.
        store.TryInsert(TestActivities.MinimalRun("run3", Now.AddDays(3)), out var run3);
        store.TryInsert(TestActivities.MinimalRun("run1", Now.AddDays(1)), out var run1);
        store.TryInsert(TestActivities.MinimalRun("walk3", Now.AddDays(3).AddHours(2), Sport.Walking), out var walk3);
        store.TryInsert(TestActivities.MinimalRun("ride2", Now.AddDays(2), Sport.Cycling), out var ride2);
        return (run1, ride2, run3, walk3);
    }

    [Fact]
    public void Listing_without_filters_returns_everything_by_start_time()
    {
        var store = OpenStore();
        var (run1, ride2, run3, walk3) = StoreFourDays(store);

        Assert.Equal([run1, ride2, run3, walk3], store.ListActivities().Select(a => a.Id));
    }

    [Fact]
    public void Listing_by_range_includes_the_start_and_excludes_the_end()
    {
        var store = OpenStore();
        var (_, ride2, run3, _) = StoreFourDays(store);

        Assert.Equal([ride2, run3], store.ListActivities(Now.AddDays(2), Now.AddDays(3).AddHours(2)).Select(a => a.Id));
    }

    [Fact]
    public void Listing_with_one_open_end_and_a_sport()
    {
        var store = OpenStore();
        var (run1, _, run3, _) = StoreFourDays(store);

        Assert.Equal([run3], store.ListActivities(fromUtc: Now.AddDays(2), sport: Sport.Running).Select(a => a.Id));
        Assert.Equal([run1], store.ListActivities(toUtc: Now.AddDays(2), sport: Sport.Running).Select(a => a.Id));
        Assert.Equal([run1, run3], store.ListActivities(sport: Sport.Running).Select(a => a.Id));
        Assert.Empty(store.ListActivities(sport: Sport.Swimming));
    }

    [Fact]
    public void Count_counts_stored_activities()
    {
        var store = OpenStore();
        StoreFourDays(store);

        Assert.Equal(4, store.Count());
    }
}
