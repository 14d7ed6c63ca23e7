using System.Globalization;
using System.Text;
using CalfCoach.Import.History;
using CalfCoach.Import.Inspect;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;

namespace CalfCoach.Import.Tests.Importing;

/// <summary>
/// An activity that cannot be one real recording is kept and shown, marked with its reason, and left out of the training
/// analysis (issue 12, item 9: a 5-million-point GPX became a 58-day "run" counted in training).
/// </summary>
public sealed class ImplausibleActivityTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private readonly TempFolder _folder = new();
    private readonly Database _database;

    public ImplausibleActivityTests()
    {
        _database = Database.OpenSqlite(_folder.PathOf("test.db"));
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    /// <summary>
    /// A GPX "run" of <paramref name="points"/> points every <paramref name="secondsApart"/> s, creeping north 1 m per point
    /// (a slow walk's speed, so only its length is wrong). 20,000 points 252 s apart span 58 days, as the 5-million-point file did.
    /// </summary>
    private static byte[] LongGpx(int points, int secondsApart)
    {
        var start = new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero); // not the FIT run's start: that would be a duplicate
        var text = new StringBuilder("""<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>""");
        for (var i = 0; i < points; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"<trkpt lat=\"{47 + (i * 0.000009):F6}\" lon=\"8.5\"><time>{start.AddSeconds((double)i * secondsApart).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</trkseg></trk></gpx>").ToString());
    }

    private Task<ImportSummary> Import(params string[] paths) =>
        new ActivityImporter(new ActivityStore(_database), new ProfileStore(_database)).ImportAsync(paths, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_58_day_gpx_run_is_stored_marked_reported_and_not_counted_in_training()
    {
        var path = _folder.Write("endless.gpx", LongGpx(20_000, 252));
        _folder.Write("real.fit", ImportFixtures.FitRun(0));

        var summary = await Import(_folder.Root);

        Assert.True(summary.Failed.Count == 0, string.Join("; ", summary.Failed));
        Assert.Equal(1, summary.Imported);
        var notCounted = Assert.Single(summary.NotCounted);
        Assert.EndsWith("endless.gpx", notCounted.File, StringComparison.Ordinal);
        Assert.Equal("running", notCounted.Sport);
        Assert.StartsWith("it lasts 58.3 days;", notCounted.Reason, StringComparison.Ordinal);
        Assert.False(summary.NothingImported);

        var stored = new ActivityStore(_database).ListActivities();
        Assert.Equal(2, stored.Count);
        Assert.Equal(notCounted.Reason, Assert.Single(stored, a => a.NotCountedBecause is not null).NotCountedBecause);

        // Only the real 6 km run is in the training weeks.
        var analysis = new TrainingHistory(_database).Analyze(AsOf, AsOf);
        Assert.Equal(1, analysis.Weeks.Sum(w => w.Runs));
        Assert.Equal(6, analysis.Weeks.Sum(w => w.DistanceKilometers), 0);

        // inspect says the same before anything is stored.
        var report = Assert.Single(FileInspector.Inspect([path]));
        Assert.Equal(notCounted.Reason, report.NotCountedBecause);
        Assert.Contains("\"notCountedBecause\":\"it lasts 58.3 days;", System.Text.Json.JsonSerializer.Serialize(report, InspectJsonContext.Default.InspectReport), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plausible_run_is_counted_and_inspect_has_no_reason()
    {
        var path = _folder.Write("run.fit", ImportFixtures.FitRun(0));

        var summary = await Import(path);

        Assert.Equal(1, summary.Imported);
        Assert.Empty(summary.NotCounted);
        Assert.Null(Assert.Single(FileInspector.Inspect([path])).NotCountedBecause);
    }
}
