using CalfCoach.Core.Analysis;
using CalfCoach.Import.History;
using CalfCoach.Import.Tests.Importing;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;

namespace CalfCoach.Import.Tests.History;

/// <summary>One long-lived <see cref="TrainingHistory"/> (as the web app holds) never answers from data that have changed.</summary>
public sealed class TrainingHistoryCacheTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly TrainingHistory _history;

    public TrainingHistoryCacheTests()
    {
        _database = Database.OpenSqlite(_folder.PathOf("test.db"));
        _history = new TrainingHistory(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_same_analysis_is_reused_while_nothing_changes_and_redone_after_an_import()
    {
        await Import("a.fit", ImportFixtures.FitRun(0));
        var first = _history.Analyze(AsOf, AsOf);

        Assert.Same(first, _history.Analyze(AsOf, AsOf));

        await Import("b.fit", ImportFixtures.FitRun(2));
        var second = _history.Analyze(AsOf, AsOf);
        Assert.Equal(2, second.Runs.Count);
        Assert.Equal(2, _history.LoadRuns().Count);
    }

    [Fact]
    public async Task Two_analyses_asked_in_turn_are_both_reused_and_both_redone_after_an_import()
    {
        // The home page asks for today's analysis and the programme for its start day's, on every view.
        var start = AsOf.AddDays(-3);
        await Import("a.fit", ImportFixtures.FitRun(0));
        var today = _history.Analyze(AsOf, start);
        var startDay = _history.Analyze(start, start);

        Assert.Same(today, _history.Analyze(AsOf, start));
        Assert.Same(startDay, _history.Analyze(start, start));

        await Import("b.fit", ImportFixtures.FitRun(2));
        Assert.NotSame(today, _history.Analyze(AsOf, start));
        Assert.NotSame(startDay, _history.Analyze(start, start));
    }

    [Fact]
    public async Task A_run_after_the_programme_start_leaves_the_start_days_analysis_as_it_was()
    {
        // An upload of today's run cannot change what the history looked like when the programme began.
        var start = AsOf.AddDays(-3);
        await Import("a.fit", ImportFixtures.FitRun(0));
        var today = _history.Analyze(AsOf, start);
        var startDay = _history.Analyze(start, start);

        await Import("late.fit", ImportFixtures.FitRun((AsOf.DayNumber - DateOnly.FromDateTime(ImportFixtures.Monday.Date).DayNumber) - 1));

        Assert.Same(startDay, _history.Analyze(start, start));
        var todayAfter = _history.Analyze(AsOf, start);
        Assert.NotSame(today, todayAfter);
        Assert.Equal(2, todayAfter.Runs.Count);
    }

    [Fact]
    public async Task An_older_run_uploaded_late_changes_the_start_days_analysis()
    {
        var start = AsOf.AddDays(-3);
        await Import("a.fit", ImportFixtures.FitRun(7));
        var startDay = _history.Analyze(start, start);

        await Import("older.fit", ImportFixtures.FitRun(0));

        var after = _history.Analyze(start, start);
        Assert.NotSame(startDay, after);
        Assert.Equal(2, after.Runs.Count);
    }

    [Fact]
    public async Task The_same_file_imported_again_keeps_every_analysis()
    {
        var start = AsOf.AddDays(-3);
        var run = ImportFixtures.FitRun(0);
        await Import("a.fit", run);
        var today = _history.Analyze(AsOf, start);
        var startDay = _history.Analyze(start, start);

        await Import("copy.fit", run);

        Assert.Same(today, _history.Analyze(AsOf, start));
        Assert.Same(startDay, _history.Analyze(start, start));
    }

    [Fact]
    public async Task A_profile_change_redoes_the_start_days_analysis_too()
    {
        var start = AsOf.AddDays(-3);
        await Import("a.fit", ImportFixtures.FitRun(0));
        var startDay = _history.Analyze(start, start);

        _history.SaveProfile(new AthleteProfile(DistanceUnit.Miles));

        Assert.NotSame(startDay, _history.Analyze(start, start));
    }

    [Fact]
    public async Task A_change_made_through_another_connection_is_seen()
    {
        await Import("a.fit", ImportFixtures.FitRun(0));
        _ = _history.Analyze(AsOf, AsOf);

        using (var other = Database.OpenSqlite(_folder.PathOf("test.db")))
        {
            new ProfileStore(other).AddShoe("Pegasus", new DateOnly(2026, 1, 1), 0);
            new TrainingHistory(other).SaveProfile(new AthleteProfile(DistanceUnit.Miles));
        }

        var after = _history.Analyze(AsOf, AsOf);
        Assert.Contains(after.Shoes, s => s.Name == "Pegasus");
        Assert.Equal(DistanceUnit.Miles, _history.LoadProfile().Units);
    }

    [Fact]
    public async Task Retiring_a_shoe_or_assigning_one_by_hand_is_seen()
    {
        await Import("a.fit", ImportFixtures.FitRun(0));
        var profiles = new ProfileStore(_database);
        profiles.AddShoe("Old", new DateOnly(2025, 1, 1), 0);
        profiles.AddShoe("New", new DateOnly(2026, 1, 1), 0);
        Assert.DoesNotContain(_history.Analyze(AsOf, AsOf).Shoes, s => s.Retired);

        profiles.RetireShoe("Old", new DateOnly(2026, 3, 1));
        Assert.Contains(_history.Analyze(AsOf, AsOf).Shoes, s => s.Name == "Old" && s.Retired);

        var activity = new ActivityStore(_database).ListActivities().Single();
        profiles.AssignShoe(activity.Id, "Old");
        Assert.Equal("Old", _history.LoadRuns().Single().Gear);
    }

    private Task<ImportSummary> Import(string name, byte[] content)
    {
        _folder.Write(name, content);
        return new ActivityImporter(new ActivityStore(_database), new ProfileStore(_database))
            .ImportAsync([_folder.PathOf(name)], cancellationToken: TestContext.Current.CancellationToken);
    }
}
