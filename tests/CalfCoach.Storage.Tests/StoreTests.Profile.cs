namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    [Fact]
    public void Features_are_saved_replaced_and_loaded_in_start_order()
    {
        using var database = OpenDatabase();
        var store = new ActivityStore(database);
        var profiles = new ProfileStore(database);
        store.TryInsert(TestActivities.MinimalRun("b", Now.AddDays(1)), out var later);
        store.TryInsert(TestActivities.MinimalRun("a", Now), out var earlier);

        profiles.SaveFeatures(later, 1, "{\"x\":2}");
        profiles.SaveFeatures(earlier, 1, "{\"x\":1}");
        profiles.SaveFeatures(earlier, 2, "{\"x\":3}");

        var loaded = profiles.LoadFeatures();
        Assert.Equal([earlier, later], loaded.Select(f => f.ActivityId));
        Assert.Equal("{\"x\":3}", loaded[0].Json);
        Assert.Equal([later], profiles.ActivitiesMissingFeatures(2));
    }

    [Fact]
    public void The_profile_is_one_row_that_saving_replaces()
    {
        using var database = OpenDatabase();
        var profiles = new ProfileStore(database);

        Assert.Null(profiles.LoadProfileJson());
        profiles.SaveProfileJson("{\"heightM\":1.8}");
        profiles.SaveProfileJson("{\"heightM\":1.75}");

        Assert.Equal("{\"heightM\":1.75}", profiles.LoadProfileJson());
    }

    [Fact]
    public void Shoes_are_added_listed_retired_and_assigned()
    {
        using var database = OpenDatabase();
        var store = new ActivityStore(database);
        var profiles = new ProfileStore(database);
        store.TryInsert(TestActivities.MinimalRun("a", Now), out var run);

        profiles.AddShoe("Pegasus 40", new DateOnly(2025, 1, 10), 120_000);
        profiles.AddShoe("Speedgoat", new DateOnly(2024, 6, 1), 0);
        Assert.True(profiles.RetireShoe("Speedgoat", new DateOnly(2025, 2, 1)));
        Assert.True(profiles.AssignShoe(run, "Pegasus 40"));

        var shoes = profiles.ListShoes();
        Assert.Equal(["Speedgoat", "Pegasus 40"], shoes.Select(s => s.Name));
        Assert.Equal(new DateOnly(2025, 2, 1), shoes[0].RetiredOn);
        Assert.Equal(120_000, shoes[1].StartDistanceMeters);
        Assert.Equal("Pegasus 40", profiles.ShoeAssignments()[run]);
    }

    [Fact]
    public void A_second_shoe_of_the_same_name_or_an_unknown_shoe_is_refused()
    {
        using var database = OpenDatabase();
        var profiles = new ProfileStore(database);
        profiles.AddShoe("Pegasus 40", new DateOnly(2025, 1, 10), 0);

        Assert.Throws<InvalidOperationException>(() => profiles.AddShoe("Pegasus 40", new DateOnly(2025, 3, 1), 0));
        Assert.False(profiles.RetireShoe("Nimbus", new DateOnly(2025, 3, 1)));
        Assert.False(profiles.AssignShoe(12345, "Pegasus 40"));
    }

    [Fact]
    public void The_inputs_fingerprint_changes_with_every_write_the_analysis_reads_and_only_then()
    {
        // The web app keeps an analysis until this fingerprint changes: a missed change would show stale advice.
        using var database = OpenDatabase();
        var store = new ActivityStore(database);
        var profiles = new ProfileStore(database);
        var seen = new List<AnalysisInputsVersion> { profiles.InputsVersion() };

        store.TryInsert(TestActivities.MinimalRun("a", Now), out var run);
        seen.Add(profiles.InputsVersion());
        profiles.SaveFeatures(run, 1, "{}");
        seen.Add(profiles.InputsVersion());
        profiles.AddShoe("Pegasus", new DateOnly(2026, 1, 1), 0);
        seen.Add(profiles.InputsVersion());
        profiles.AssignShoe(run, "Pegasus");
        seen.Add(profiles.InputsVersion());
        profiles.RetireShoe("Pegasus", new DateOnly(2026, 6, 1));
        seen.Add(profiles.InputsVersion());
        profiles.SaveProfileJson("{\"units\":\"miles\"}");
        seen.Add(profiles.InputsVersion());

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen[^1], profiles.InputsVersion());
    }
}
