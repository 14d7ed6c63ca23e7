using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

public abstract partial class StoreTests
{
    [Fact]
    public void A_marked_activity_keeps_its_reason_in_the_store_and_the_listing()
    {
        var store = OpenStore();
        var marked = TestActivities.FullRun() with { NotCountedBecause = "it lasts 58.2 days" };

        Assert.True(store.TryInsert(marked, out var id));

        Assert.Equal("it lasts 58.2 days", store.LoadActivity(id)!.NotCountedBecause);
        Assert.False(store.LoadActivity(id)!.CountsAsRunningLoad);
        Assert.Equal("it lasts 58.2 days", Assert.Single(store.ListActivities()).NotCountedBecause);
    }

    [Fact]
    public void A_rides_cadence_is_stored_and_read_back_in_rpm()
    {
        var store = OpenStore();
        var ride = TestActivities.FullRun() with { Sport = Sport.Cycling, AvgCadenceStepsPerMinute = null };

        Assert.True(store.TryInsert(ride, out var id));
        var loaded = store.LoadActivity(id)!;

        Assert.Equal(CadenceUnit.RevolutionsPerMinute, loaded.CadenceUnit);
        TestActivities.AssertIdentical(ride.Streams, loaded.Streams);
        Assert.True(loaded.Streams.Has(StreamKind.Cadence));
    }

    [Fact]
    public void Insert_then_load_returns_every_field_laps_and_streams_unchanged()
    {
        var store = OpenStore();
        var activity = TestActivities.FullRun();

        Assert.True(store.TryInsert(activity, out var id));
        var loaded = store.LoadActivity(id);

        Assert.NotNull(loaded);
        Assert.Equal(activity.StartUtc, loaded.StartUtc);
        Assert.Equal(TimeSpan.Zero, loaded.StartUtc.Offset);
        Assert.Equal(activity.UtcOffset, loaded.UtcOffset);
        Assert.Equal(activity.Sport, loaded.Sport);
        Assert.Equal(activity.SubSport, loaded.SubSport);
        Assert.Equal(activity.Name, loaded.Name);
        Assert.Equal(activity.Device, loaded.Device);
        Assert.Equal(activity.Gear, loaded.Gear);
        Assert.Equal(activity.ElapsedSeconds, loaded.ElapsedSeconds);
        Assert.Equal(activity.TimerSeconds, loaded.TimerSeconds);
        Assert.Equal(activity.DistanceMeters, loaded.DistanceMeters);
        Assert.Equal(activity.AscentMeters, loaded.AscentMeters);
        Assert.Equal(activity.AvgHeartRateBpm, loaded.AvgHeartRateBpm);
        Assert.Equal(activity.MaxHeartRateBpm, loaded.MaxHeartRateBpm);
        Assert.Equal(activity.AvgCadenceStepsPerMinute, loaded.AvgCadenceStepsPerMinute);
        Assert.Equal(activity.CadenceUnit, loaded.CadenceUnit);
        Assert.Equal(activity.Laps, loaded.Laps);
        Assert.Equal(activity.Source, loaded.Source);
        Assert.Equal(activity.IsPartial, loaded.IsPartial);
        Assert.Equal(activity.Problems, loaded.Problems);
        Assert.Equal(activity.Richness, loaded.Richness);
        TestActivities.AssertIdentical(activity.Streams, loaded.Streams);
    }

    [Fact]
    public void Minimal_activity_round_trips_with_nulls_no_laps_and_empty_streams()
    {
        var store = OpenStore();
        var activity = TestActivities.MinimalRun("min", Now);

        store.TryInsert(activity, out var id);
        var loaded = store.LoadActivity(id)!;

        Assert.Null(loaded.UtcOffset);
        Assert.Null(loaded.Name);
        Assert.Null(loaded.TimerSeconds);
        Assert.Null(loaded.AvgHeartRateBpm);
        Assert.Equal(SubSport.Generic, loaded.SubSport);
        Assert.Empty(loaded.Laps);
        Assert.Empty(loaded.Problems);
        Assert.False(loaded.IsPartial);
        Assert.Equal(0, loaded.Streams.Count);
    }

    [Theory]
    [InlineData("2024-05-01T06:30:15.123+00:00")]
    [InlineData("2024-05-01T08:30:15.999+02:00")]
    [InlineData("1990-01-01T00:00:00-05:30")]
    [InlineData("2099-12-31T23:59:59.001+14:00")]
    public void Start_instants_round_trip_to_the_millisecond_whatever_offset_they_were_given_in(string start)
    {
        var store = OpenStore();
        var instant = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var activity = TestActivities.MinimalRun("t", instant) with
        {
            Laps = [new ActivityLap(instant.AddMilliseconds(1), 1, null, null, null, null, null)],
        };

        store.TryInsert(activity, out var id);
        var loaded = store.LoadActivity(id)!;

        Assert.Equal(instant.UtcDateTime, loaded.StartUtc.UtcDateTime);
        Assert.Equal(instant.AddMilliseconds(1).UtcDateTime, loaded.Laps[0].StartUtc.UtcDateTime);
        Assert.Equal(instant.UtcDateTime, Assert.Single(store.ListActivities()).StartUtc.UtcDateTime);
    }

    [Fact]
    public void Sub_millisecond_ticks_of_a_start_are_dropped_towards_the_past()
    {
        var store = OpenStore();
        var start = Now.AddTicks(9_999);

        store.TryInsert(TestActivities.MinimalRun("t", start), out var id);

        Assert.Equal(Now, store.LoadActivity(id)!.StartUtc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3600)]
    [InlineData(-34_200)] // −09:30
    [InlineData(7199)] // a FIT offset computed from two timestamps one second apart from the hour
    [InlineData(50_400)] // +14:00
    public void UTC_offsets_round_trip_to_the_second(int seconds)
    {
        var store = OpenStore();
        var activity = TestActivities.MinimalRun("o", Now) with { UtcOffset = TimeSpan.FromSeconds(seconds) };

        store.TryInsert(activity, out var id);

        Assert.Equal(TimeSpan.FromSeconds(seconds), store.LoadActivity(id)!.UtcOffset);
        Assert.Equal(TimeSpan.FromSeconds(seconds), store.ListActivities()[0].UtcOffset);
    }

    [Fact]
    public void An_offset_with_a_fraction_of_a_second_is_refused_rather_than_rounded()
    {
        var store = OpenStore();
        var activity = TestActivities.MinimalRun("o", Now) with { UtcOffset = TimeSpan.FromMilliseconds(3_600_500) };

        Assert.Throws<ArgumentException>(() => store.TryInsert(activity, out _));
        Assert.Equal(0, store.Count());
    }

    [Fact]
    public void Inserting_the_same_content_again_returns_the_stored_id_and_writes_nothing()
    {
        var store = OpenStore();
        var activity = TestActivities.FullRun("same");
        Assert.True(store.TryInsert(activity, out var first));

        var again = store.TryInsert(activity with { Name = "renamed", Source = activity.Source with { Path = "elsewhere.fit" } }, out var second);

        Assert.False(again);
        Assert.Equal(first, second);
        Assert.Equal(1, store.Count());
        Assert.Equal(activity.Name, store.LoadActivity(first)!.Name);
    }

    [Fact]
    public void Loading_an_unknown_id_returns_null()
    {
        Assert.Null(OpenStore().LoadActivity(12345));
    }

    [Fact]
    public void Insert_records_the_file_as_imported_with_its_activity()
    {
        var store = OpenStore();
        var activity = TestActivities.FullRun("f1");

        store.TryInsert(activity, out var id);

        var outcome = store.GetFileOutcome("f1");
        Assert.Equal(new ImportFileRecord("f1", activity.Source.Path, ImportOutcome.Imported, null, id, Now), outcome);
        Assert.True(outcome!.Outcome.IsFinal());
    }

    [Fact]
    public void File_outcomes_are_recorded_replaced_and_unknown_hashes_are_null()
    {
        var store = OpenStore();

        store.RecordFileOutcome("bad", "broken.fit", ImportOutcome.Failed, "byte 12: truncated header");
        store.RecordFileOutcome("bike", "ride.fit", ImportOutcome.NotRunning, "cycling");

        var failed = store.GetFileOutcome("bad")!;
        Assert.Equal(ImportOutcome.Failed, failed.Outcome);
        Assert.False(failed.Outcome.IsFinal());
        Assert.Equal("byte 12: truncated header", failed.Detail);
        Assert.True(store.GetFileOutcome("bike")!.Outcome.IsFinal());
        Assert.Null(store.GetFileOutcome("never-seen"));

        Clock.Now = Now.AddHours(1);
        store.TryInsert(TestActivities.MinimalRun("bad", Now) with { Source = new ActivitySource("fit", "broken.fit", "bad") }, out var id);

        Assert.Equal(new ImportFileRecord("bad", "broken.fit", ImportOutcome.Imported, null, id, Now.AddHours(1)), store.GetFileOutcome("bad"));
    }

    [Fact]
    public void Listing_returns_summaries_that_match_the_stored_activity()
    {
        var store = OpenStore();
        var activity = TestActivities.FullRun();
        store.TryInsert(activity, out var id);

        var summary = Assert.Single(store.ListActivities());

        Assert.Equal(
            new ActivitySummary(
                id, activity.StartUtc, activity.UtcOffset, activity.Sport, activity.SubSport, activity.Name, activity.Device, activity.Gear,
                activity.ElapsedSeconds, activity.TimerSeconds, activity.DistanceMeters, activity.AscentMeters, activity.AvgHeartRateBpm,
                activity.MaxHeartRateBpm, activity.AvgCadenceStepsPerMinute, activity.IsPartial, null, activity.Streams.Count, activity.Richness,
                activity.Source, Now),
            summary);
    }
}
