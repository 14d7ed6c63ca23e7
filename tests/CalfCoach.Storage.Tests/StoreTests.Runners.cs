using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

/// <summary>Runners share one database and never see each other's rows: the stores scope every statement by runner.</summary>
public abstract partial class StoreTests
{
    [Fact]
    public void Two_runners_each_store_the_same_file_and_each_sees_only_their_own_copy()
    {
        var database = OpenDatabase();
        var first = database.ForRunner(RunnerId.Local);
        var second = database.ForRunner(database.AddRunner());
        var run = TestActivities.FullRun("shared", TestActivities.MorningRun, seconds: 600);

        Assert.True(new ActivityStore(first).TryInsert(run, out var firstId));
        Assert.True(new ActivityStore(second).TryInsert(run, out var secondId));

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(1, new ActivityStore(first).Count());
        Assert.Equal(1, new ActivityStore(second).Count());
        Assert.Equal([secondId], new ActivityStore(second).ListActivities().Select(a => a.Id));
        Assert.Null(new ActivityStore(second).LoadActivity(firstId));
        Assert.NotNull(new ActivityStore(first).LoadActivity(firstId));
        Assert.Equal(ImportOutcome.Imported, new ActivityStore(second).GetFileOutcome(run.Source.ContentSha256)!.Outcome);
    }

    [Fact]
    public void A_runner_cannot_find_replace_or_tag_another_runners_activity_by_its_id()
    {
        var database = OpenDatabase();
        var owner = database.ForRunner(RunnerId.Local);
        var other = database.ForRunner(database.AddRunner());
        new ActivityStore(owner).TryInsert(TestActivities.MinimalRun("mine", Now), out var id);
        new ProfileStore(other).AddShoe("Pegasus", new DateOnly(2025, 1, 1), 0);

        Assert.Empty(new ActivityStore(other).FindSameActivity(Sport.Running, Now, TimeSpan.FromMinutes(1)));
        Assert.False(new ProfileStore(other).AssignShoe(id, "Pegasus"));
        Assert.Throws<InvalidOperationException>(() => new ActivityStore(other).ReplaceActivity(id, TestActivities.FullRun("richer", Now, seconds: 60)));
        Assert.Empty(new ProfileStore(owner).ShoeAssignments());
        Assert.Equal("mine", new ActivityStore(owner).LoadActivity(id)!.Source.Path.Split('.')[0]);
    }

    [Fact]
    public void Shoe_names_profiles_and_check_in_client_ids_are_unique_per_runner_not_per_server()
    {
        var database = OpenDatabase();
        var first = database.ForRunner(RunnerId.Local);
        var second = database.ForRunner(database.AddRunner());
        var day = new DateOnly(2026, 11, 2);

        new ProfileStore(first).AddShoe("Pegasus", day, 100_000);
        new ProfileStore(second).AddShoe("Pegasus", day, 0);
        new ProfileStore(first).SaveProfileJson("{\"units\":\"miles\"}");
        var firstPain = new JournalStore(first).AddPain(day, 6, false, true, null, clientId: "c-1");
        var secondPain = new JournalStore(second).AddPain(day, 2, false, true, null, clientId: "c-1");

        Assert.NotEqual(firstPain, secondPain);
        Assert.Equal(0, new ProfileStore(second).ListShoes().Single().StartDistanceMeters);
        Assert.Null(new ProfileStore(second).LoadProfileJson());
        Assert.Equal(2, new JournalStore(second).Pain(day, day).Single().Score);
        Assert.Equal(6, new JournalStore(first).Pain(day, day).Single().Score);
    }

    [Fact]
    public void One_runners_writes_leave_another_runners_analysis_fingerprint_unchanged()
    {
        var database = OpenDatabase();
        var first = database.ForRunner(RunnerId.Local);
        var second = database.ForRunner(database.AddRunner());
        var before = new ProfileStore(second).InputsVersion();

        new ActivityStore(first).TryInsert(TestActivities.MinimalRun("a", Now), out var id);
        new ProfileStore(first).SaveFeatures(id, 1, "{}");
        new ProfileStore(first).AddShoe("Pegasus", new DateOnly(2026, 1, 1), 0);
        new ProfileStore(first).SaveProfileJson("{}");

        Assert.Equal(before, new ProfileStore(second).InputsVersion());
        Assert.Empty(new ProfileStore(second).LoadFeatures());
        Assert.Empty(new ProfileStore(second).ActivitiesMissingFeatures(1));
    }

    [Fact]
    public void Journals_of_two_runners_are_kept_apart()
    {
        var database = OpenDatabase();
        var first = new JournalStore(database.ForRunner(RunnerId.Local));
        var second = new JournalStore(database.ForRunner(database.AddRunner()));
        var day = new DateOnly(2026, 11, 2);

        first.AddAssessment(StoredAssessmentKind.Assessment, day, day.AddDays(-2), "{}");
        first.AddExercise(day, "heel-raises", 3, 15, null, 2);
        first.AddClinicianReview(day, true, "cleared");
        first.AddTaskCheckOff(day, "walk");

        Assert.Empty(second.Assessments(day));
        Assert.Empty(second.Exercises(day, day));
        Assert.Empty(second.ClinicianReviews(day, day));
        Assert.Empty(second.TasksDone(day));
        Assert.Single(first.Assessments(day));
    }

    [Fact]
    public void A_handle_scoped_to_no_runner_refuses_to_read_or_write()
    {
        var unscoped = OpenDatabase().WithoutRunner();

        Assert.Null(unscoped.Runner);
        Assert.Throws<InvalidOperationException>(() => new ActivityStore(unscoped).Count());
        Assert.Throws<InvalidOperationException>(() => new ProfileStore(unscoped).ListShoes());
        Assert.Throws<InvalidOperationException>(() => new JournalStore(unscoped).AddPain(new DateOnly(2026, 1, 1), 1, false, false, null));
    }

    [Fact]
    public void Every_table_is_either_shared_or_owned_by_a_runner_with_the_runner_first_in_its_key()
    {
        using var connection = OpenDatabase().OpenConnection();
        var tables = Tables(connection);

        Assert.Equal(Migrations.RunnerOwned.Concat(Migrations.Shared).Order(), tables.Order());
        foreach (var table in Migrations.RunnerOwned)
        {
            Assert.Contains("runner_id", Columns(connection, table));
        }
    }

    /// <summary>The database's tables, without the engine's own.</summary>
    private protected abstract IReadOnlyList<string> Tables(System.Data.Common.DbConnection connection);

    private protected abstract IReadOnlyList<string> Columns(System.Data.Common.DbConnection connection, string table);
}
