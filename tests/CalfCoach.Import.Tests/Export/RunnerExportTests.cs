using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Import.Export;
using CalfCoach.Import.History;
using CalfCoach.Import.Tests.Importing;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;

namespace CalfCoach.Import.Tests.Export;

/// <summary>
/// A runner's export and its re-import at library level: a runner made as a server makes one (files uploaded, kept and
/// imported; a profile, a shoe, an assessment and check-ins), exported, restored into a fresh database and compared.
/// </summary>
public sealed class RunnerExportTests : IDisposable
{
    /// <summary>The day of the assessment; the runs are in the three weeks before it.</summary>
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    /// <summary>The export's day.</summary>
    private static readonly DateOnly AsOf = Day0.AddDays(5);

    private readonly TempFolder _folder = new();
    private readonly List<Database> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        _folder.Dispose();
    }

    /// <summary>The files as uploaded: FIT runs, a GPX run inside a zip, a run under a folder, and a note that is no activity.</summary>
    private static readonly (string Name, byte[] Content)[] Uploads =
    [
        ("run-a.fit", ImportFixtures.FitRun(0, 8)),
        ("run-b.fit", ImportFixtures.FitRun(3, 10)),
        ("week2/run-c.fit", ImportFixtures.FitRun(8, 12)),
        ("more.zip", Archives.Zip(("inner/run-d.gpx", ImportFixtures.Gpx(ImportFixtures.Run(10, 7, seed: 4))), ("inner/run-e.fit", ImportFixtures.FitRun(12, 9)))),
        ("notes.txt", Encoding.UTF8.GetBytes("not an activity")),
    ];

    private Database NewDatabase(string name)
    {
        var database = Database.OpenSqlite(_folder.PathOf(name));
        _databases.Add(database);
        return database;
    }

    /// <summary>What <c>POST /api/imports</c> does with each upload: kept as sent, then the upload folder imported.</summary>
    private async Task<Database> RunnerAsync()
    {
        var database = NewDatabase("original.db");
        var upload = Path.Combine(_folder.Root, "upload");
        var originals = new OriginalStore(database);
        foreach (var (name, content) in Uploads)
        {
            var path = Path.Combine(upload, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
            using var stream = File.OpenRead(path);
            originals.Keep(name, stream);
        }

        await new ActivityImporter(new ActivityStore(database), new ProfileStore(database)).ImportAsync([upload], cancellationToken: TestContext.Current.CancellationToken);

        var history = new TrainingHistory(database);
        history.SaveProfile(new AthleteProfile(timeZoneId: "Europe/Berlin", heightMeters: 1.8, maxHeartRateBpm: 190, country: "DE"));
        var profiles = new ProfileStore(database);
        profiles.AddShoe("Pegasus", new DateOnly(2026, 1, 1), 120_000);
        profiles.AddShoe("Old trainers", new DateOnly(2025, 1, 1), 0);
        profiles.RetireShoe("Old trainers", new DateOnly(2026, 2, 1));
        foreach (var id in new ActivityStore(database).ListActivities().Select(a => a.Id).Take(3))
        {
            Assert.True(profiles.AssignShoe(id, "Pegasus"));
        }

        var journal = new RecoveryJournal(database);
        journal.RecordAssessment(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 1), Day0);
        journal.LogPain(new PainCheckIn(Day0.AddDays(1), 4, Morning: true), clientId: "0f8fad5b-d9cb-469f-a165-70867728950e");
        journal.LogPain(new PainCheckIn(Day0.AddDays(2), 3));
        journal.LogExercise(new ExerciseCheckIn(Day0.AddDays(2), "heel-drops-straight-knee", 3, 15, Pain: 2), clientId: "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        journal.LogClinicianReview(new ClinicianReview(Day0.AddDays(3), ClearedForRehab: true, "physio: fine to load"));
        var today = journal.Programme(Day0.AddDays(4))!.State.Today;
        Assert.Null(journal.CheckOffTask(Day0.AddDays(4), "task", today[0].Id).Error);
        journal.RecordRedFlagCheck(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 6, daysOfHomeCare: 5), Day0.AddDays(4));
        return database;
    }

    private string Export(Database database, string name)
    {
        var path = _folder.PathOf(name);
        using var file = File.Create(path);
        RunnerExport.Write(database, new RecoveryJournal(database), AsOf, new DateTimeOffset(2026, 3, 25, 18, 0, 0, TimeSpan.Zero), file);
        return path;
    }

    private static Task<ImportSummary> RestoreAsync(Database database, string export, string folder) =>
        ExportRestore.RestoreAsync(database, new ActivityImporter(new ActivityStore(database), new ProfileStore(database)), export, Path.GetFileName(export), folder, cancellationToken: TestContext.Current.CancellationToken);

    private static string Analysis(Database database) => AnalysisJson.Serialize(new TrainingHistory(database).Analyze(AsOf, Day0.AddDays(-2)));

    private static string Plan(Database database)
    {
        var programme = new RecoveryJournal(database).Programme(AsOf)!;
        return ProgrammeJson.Serialize(programme.State, programme.StartedOn);
    }

    [Fact]
    public async Task Restoring_an_export_into_a_fresh_database_gives_the_same_findings_and_plan_on_its_day()
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        var fresh = NewDatabase("fresh.db");

        var summary = await RestoreAsync(fresh, export, _folder.Root);

        Assert.Equal(Analysis(original), Analysis(fresh));
        Assert.Equal(Plan(original), Plan(fresh));
        var restored = Assert.IsType<ImportRestored>(summary.Restored);
        Assert.Equal(Uploads.Length, restored.Originals);
        Assert.True(restored.Profile);
        Assert.True(restored.Journal);
        Assert.Equal((2, 2, 1, 1, 1), (restored.Assessments, restored.PainCheckIns, restored.ExerciseCheckIns, restored.ClinicianVisits, restored.TaskCheckOffs));
        Assert.Equal(2, restored.ShoesAdded);
        Assert.Equal(3, restored.ShoesAssigned);
        Assert.Empty(restored.Notes);
        Assert.Equal(new RunnerRecordsStore(original).Read() with { ShoeByActivityContent = new Dictionary<string, string>() }, new RunnerRecordsStore(fresh).Read() with { ShoeByActivityContent = new Dictionary<string, string>() }, new RecordsComparer());
        Assert.Equal(new RunnerRecordsStore(original).Read().ShoeByActivityContent, new RunnerRecordsStore(fresh).Read().ShoeByActivityContent);
    }

    [Fact]
    public async Task Every_uploaded_file_is_in_the_export_byte_for_byte_under_its_name_and_exporting_again_gives_the_same_files()
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        var fresh = NewDatabase("fresh.db");
        await RestoreAsync(fresh, export, _folder.Root);
        var again = Export(fresh, "again.zip");

        foreach (var path in new[] { export, again })
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var (name, content) in Uploads)
            {
                var entry = zip.GetEntry("originals/" + name) ?? throw new Xunit.Sdk.XunitException($"originals/{name} is not in {Path.GetFileName(path)}");
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Assert.Equal(SHA256.HashData(content), SHA256.HashData(copy.ToArray()));
            }

            var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
            Assert.Equal("calfcoach-export", manifest["format"]!.GetValue<string>());
            Assert.Equal(1, manifest["version"]!.GetValue<int>());
            Assert.Equal("2026-03-25", manifest["asOf"]!.GetValue<string>());
            Assert.Equal(Uploads.Length, manifest["originals"]!.AsArray().Count);
            Assert.Equal(2, JsonNode.Parse(Read(zip, "assessments.json"))!["assessments"]!.AsArray().Count);
            Assert.Equal(Plan(original), Read(zip, "programme.json"));
        }
    }

    [Fact]
    public async Task The_answers_are_exported_verbatim_with_their_version()
    {
        var original = await RunnerAsync();
        using var zip = ZipFile.OpenRead(Export(original, "export.zip"));

        var exported = JsonNode.Parse(Read(zip, "assessments.json"))!["assessments"]!.AsArray();
        var stored = new JournalStore(original).Assessments(DateOnly.MaxValue);
        Assert.Equal(stored.Select(s => s.AnswersJson), exported.Select(a => a!["answersJson"]!.GetValue<string>()));
        Assert.Equal(["assessment", "red-flag-check"], exported.Select(a => a!["kind"]!.GetValue<string>()));
        Assert.All(exported, a => Assert.Equal(JsonNode.Parse(a!["answersJson"]!.GetValue<string>())!["version"]?.GetValue<int>() ?? 1, a["answersVersion"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Restoring_the_same_export_twice_changes_nothing_the_second_time()
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        var fresh = NewDatabase("fresh.db");
        await RestoreAsync(fresh, export, _folder.Root);
        var before = Snapshot(fresh);

        var second = await RestoreAsync(fresh, export, _folder.Root);

        Assert.Equal(before, Snapshot(fresh));
        Assert.Equal(0, second.Imported + second.NotRunning);
        var restored = second.Restored!;
        Assert.False(restored.Profile);
        Assert.False(restored.Journal);
        Assert.Equal(0, restored.ShoesAdded + restored.ShoesAssigned + restored.Assessments + restored.PainCheckIns);
        Assert.Contains(restored.Notes, n => n.Contains("journal", StringComparison.Ordinal) && n.Contains("export.zip", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journal_is_not_restored_into_a_runner_who_has_one_and_the_summary_says_so()
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        var other = NewDatabase("other.db");
        var journal = new RecoveryJournal(other);
        journal.RecordAssessment(new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 1, daysOfHomeCare: 0), Day0);

        var summary = await RestoreAsync(other, export, _folder.Root);

        Assert.False(summary.Restored!.Journal);
        Assert.Single(new JournalStore(other).Assessments(DateOnly.MaxValue));
        Assert.Contains(summary.Restored.Notes, n => n.Contains("not restored", StringComparison.Ordinal));
        Assert.True(summary.Imported > 0);
    }

    [Theory]
    [InlineData("manifest.json", "{ \"format\": \"calfcoach-export\", \"version\": 1, ")]
    [InlineData("assessments.json", "[not json")]
    [InlineData("check-ins.json", "{\"pain\": [{\"day\": \"2026-03-21\", \"score\": 14, \"atRest\": false, \"morning\": false, \"note\": null, \"clientId\": null, \"recordedAt\": \"2026-03-21T08:00:00.000Z\"}], \"exercises\": [], \"clinicianVisits\": [], \"taskCheckOffs\": []}")]
    [InlineData("shoes.json", "{\"shoes\": []}")]
    [InlineData("check-ins.json", "{\"pain\": [], \"exercises\": [{\"day\": \"2026-03-21\", \"name\": \"walk\", \"sets\": 1, \"reps\": 1, \"loadKg\": null, \"pain\": null, \"clientId\": \"a\", \"recordedAt\": \"2026-03-21T08:00:00.000Z\"}, {\"day\": \"2026-03-22\", \"name\": \"walk\", \"sets\": 1, \"reps\": 1, \"loadKg\": null, \"pain\": null, \"clientId\": \"a\", \"recordedAt\": \"2026-03-22T08:00:00.000Z\"}], \"clinicianVisits\": [], \"taskCheckOffs\": []}")]
    public async Task A_damaged_export_is_refused_naming_the_entry_and_writes_nothing(string entry, string content)
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        Replace(export, entry, content);
        var fresh = NewDatabase("fresh.db");

        Assert.True(ExportArchive.IsExport(export));
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => RestoreAsync(fresh, export, _folder.Root));

        Assert.Contains($"export.zip!{entry}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Download it again", error.Message, StringComparison.Ordinal);
        Assert.Equal(Snapshot(NewDatabase("empty.db")), Snapshot(fresh));
    }

    [Fact]
    public async Task An_original_that_is_not_the_file_the_manifest_describes_is_refused_naming_it()
    {
        var original = await RunnerAsync();
        var export = Export(original, "export.zip");
        Replace(export, "originals/run-b.fit", "changed");
        var fresh = NewDatabase("fresh.db");

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => RestoreAsync(fresh, export, _folder.Root));

        Assert.Contains("export.zip!originals/run-b.fit", error.Message, StringComparison.Ordinal);
        Assert.Empty(new OriginalStore(fresh).List());
        Assert.Empty(new ActivityStore(fresh).ListActivities());
    }

    [Fact]
    public void An_ordinary_zip_is_not_an_export()
    {
        var path = _folder.Write("strava.zip", Archives.Zip(("activities/1.fit", ImportFixtures.FitRun(0)), ("manifest.json", Encoding.UTF8.GetBytes("{\"app\": \"other\"}"))));

        Assert.False(ExportArchive.IsExport(path));
        Assert.False(ExportArchive.IsExport(_folder.Write("run.fit", ImportFixtures.FitRun(0))));
    }

    [Fact]
    public async Task Two_originals_uploaded_under_one_name_are_both_exported()
    {
        var database = NewDatabase("names.db");
        var store = new OriginalStore(database);
        using (var first = new MemoryStream(ImportFixtures.FitRun(0)))
        using (var second = new MemoryStream(ImportFixtures.FitRun(1)))
        {
            store.Keep("run.fit", first);
            store.Keep("run.fit", second);
        }

        using var zip = ZipFile.OpenRead(Export(database, "names.zip"));
        Assert.NotNull(zip.GetEntry("originals/run.fit"));
        Assert.NotNull(zip.GetEntry("originals/duplicate-2/run.fit"));

        var fresh = NewDatabase("names-fresh.db");
        var summary = await RestoreAsync(fresh, _folder.PathOf("names.zip"), _folder.Root);
        Assert.Equal(2, summary.Restored!.Originals);
        Assert.Equal(["run.fit", "run.fit"], new OriginalStore(fresh).List().Select(o => o.Name));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Replace(string zipPath, string entry, string content)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(entry)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
        writer.Write(content);
    }

    /// <summary>Everything a restore could write, as text to compare.</summary>
    private static string Snapshot(Database database)
    {
        var records = new RunnerRecordsStore(database).Read();
        var activities = new ActivityStore(database).ListActivities().Select(a => $"{a.Id}@{a.StartUtc:O}");
        var originals = new OriginalStore(database).List().Select(o => $"{o.Name}:{o.ContentSha256}");
        return string.Join(
            "\n",
            records.ProfileJson,
            string.Join(",", records.Shoes),
            string.Join(",", records.ShoeByActivityContent.Select(p => $"{p.Key}={p.Value}")),
            string.Join(",", records.Journal.Assessments),
            string.Join(",", records.Journal.Pain),
            string.Join(",", records.Journal.Exercises),
            string.Join(",", records.Journal.ClinicianVisits),
            string.Join(",", records.Journal.TaskCheckOffs),
            string.Join(",", activities.Order(StringComparer.Ordinal)),
            string.Join(",", originals));
    }

    /// <summary>Records compared by their lists' contents (records compare lists by reference).</summary>
    private sealed class RecordsComparer : IEqualityComparer<RunnerRecords>
    {
        public bool Equals(RunnerRecords? x, RunnerRecords? y) =>
            x is not null && y is not null && x.ProfileJson == y.ProfileJson && x.Shoes.SequenceEqual(y.Shoes)
            && x.Journal.Assessments.SequenceEqual(y.Journal.Assessments) && x.Journal.Pain.SequenceEqual(y.Journal.Pain)
            && x.Journal.Exercises.SequenceEqual(y.Journal.Exercises) && x.Journal.ClinicianVisits.SequenceEqual(y.Journal.ClinicianVisits)
            && x.Journal.TaskCheckOffs.SequenceEqual(y.Journal.TaskCheckOffs);

        public int GetHashCode(RunnerRecords obj) => 0;
    }
}
