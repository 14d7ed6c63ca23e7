using System.IO.Compression;
using CalfCoach.Core;
using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;
using CalfCoach.Storage;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Import.Tests.Importing;

/// <summary>Issue 12, defects 1, 2 and 5: hostile archives and files, generated here, against the whole importer.</summary>
public sealed class HostileImportTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly ActivityStore _store;

    public HostileImportTests()
    {
        _database = Database.OpenSqlite(_folder.PathOf("test.db"));
        _store = new ActivityStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Nested_zips_whose_headers_claim_a_gigabyte_each_are_imported_without_allocating_it()
    {
        var path = _folder.Write("lying.zip", HostileArchives.LyingNestedZip(entries: 20));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var summary = await Import(path);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // The old importer asked for a 1 GB buffer per nested entry; now the copy grows with the bytes (a few KB each).
        Assert.True(allocated < 200L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated importing a 57 KB zip");

        // Each nested zip is either read for what it really holds or reported; nothing crashes the import.
        Assert.Equal(20, summary.Imported + summary.FailedCount);
        Assert.All(summary.Failed, f => Assert.True(f.Error.Length <= ProblemText.MaxChars));
    }

    [Fact]
    public async Task A_nested_zip_above_the_spill_size_is_read_from_a_temporary_file_with_the_same_result()
    {
        var runs = Enumerable.Range(0, 4).Select(day => ($"run{day}.fit", ImportFixtures.FitRun(day))).ToArray();
        var part = Archives.Zip(CompressionLevel.NoCompression, runs);
        var path = _folder.Write("garmin.zip", Archives.Zip(("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part)));
        var limits = ImportLimits.Default with { SpillAboveBytes = 4096 };
        Assert.True(part.Length > limits.SpillAboveBytes);

        var summary = await new ActivityImporter(_store, limits: limits).ImportAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, summary.Imported);
        Assert.Equal(0, summary.FailedCount);
    }

    [Fact]
    public async Task Two_hundred_small_bombs_in_one_archive_trip_the_archive_ratio_and_every_error_is_bounded()
    {
        var path = _folder.Write("bomb.zip", HostileArchives.ErrorBomb(entries: 200, nameLength: 1_000_000));

        var summary = await Import(path);

        // Every entry is under the per-entry grace (1 MiB); the ratio over the archive stops them after the first few.
        Assert.Equal(200, summary.FailedCount);
        Assert.Equal(ActivityImporter.MaxFailuresListed, summary.Failed.Count);
        Assert.Contains(summary.Failed, f => f.Error.Contains("times the stored size of its entries", StringComparison.Ordinal));
        Assert.All(summary.Failed, f => Assert.True(f.Error.Length <= ProblemText.MaxChars, $"{f.Error.Length} characters"));
        Assert.True(StoredErrorChars() <= 200 * ProblemText.MaxChars, $"{StoredErrorChars()} characters of errors stored");
    }

    [Fact]
    public async Task Errors_quoting_megabyte_names_are_stored_and_returned_bounded_with_their_position_first()
    {
        // Stored, not deflated: the archive's ratio is 1, so only the bound on text stands between the names and the database.
        var path = _folder.Write("bomb.zip", HostileArchives.ErrorBomb(entries: 12, nameLength: 300_000, CompressionLevel.NoCompression));

        var summary = await Import(path);

        Assert.Equal(12, summary.FailedCount);
        Assert.All(summary.Failed, f =>
        {
            Assert.True(f.Error.Length <= ProblemText.MaxChars, $"{f.Error.Length} characters");
            Assert.StartsWith("line 1, position ", f.Error, StringComparison.Ordinal);
            Assert.Contains("characters left out", f.Error, StringComparison.Ordinal);
        });
        Assert.True(StoredErrorChars() <= 12 * ProblemText.MaxChars, $"{StoredErrorChars()} characters of errors stored");
    }

    [Fact]
    public async Task A_summary_lists_the_first_hundred_failures_and_counts_them_all()
    {
        for (var i = 0; i < 130; i++)
        {
            _folder.Write($"junk/{i:D3}.gpx", "not xml"u8.ToArray());
        }

        var summary = await Import(_folder.PathOf("junk"));

        Assert.Equal(130, summary.FailedCount);
        Assert.Equal(100, summary.Failed.Count);
        Assert.True(summary.NothingImported);
    }

    [Fact]
    public void A_large_random_fit_is_refused_after_its_header_without_being_read()
    {
        var source = new CountingStream(new RandomStream(seed: 5));
        var item = new ImportItem("random.fit", "fit", null, () => source);

        var error = Assert.Throws<ImportSourceException>(() => ContentHasher.ReadAll(item, ImportLimits.Default));

        Assert.StartsWith("byte 0:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not read", error.Message, StringComparison.Ordinal);
        Assert.True(source.BytesRead <= 1024 * 1024, $"{source.BytesRead} bytes read of an endless random .fit");
    }

    [Fact]
    public async Task A_gpx_above_the_spill_size_is_decoded_from_a_temporary_file_like_one_in_memory()
    {
        var gpx = _folder.PathOf("long.gpx");
        HostileArchives.WriteLargeGpx(gpx, bytes: 2 * 1024 * 1024);
        var limits = ImportLimits.Default with { XmlSpillAboveBytes = 256 * 1024 };
        var item = Assert.IsType<ImportItem>(Assert.Single(ImportSourceScanner.Scan([gpx], limits)));

        var budget = new ImportMemoryBudget(64 * 1024 * 1024);
        using (var content = ContentHasher.ReadAll(item, limits, budget.StartSession(ImportMemoryBudget.BudgetWait.Wait), TestContext.Current.CancellationToken))
        {
            Assert.False(content.IsInMemory);
            Assert.Equal(new FileInfo(gpx).Length, content.Length);
            Assert.Equal(ContentHasher.Sha256Hex(File.ReadAllBytes(gpx)), content.Sha256);

            // Its text is on disk, but decoding it will take memory: it stays charged at its length until released.
            Assert.Equal(content.Length, budget.HeldBytes);
        }

        Assert.Equal(0, budget.HeldBytes);

        var spilled = await new ActivityImporter(_store, limits: limits).ImportAsync([gpx], cancellationToken: TestContext.Current.CancellationToken);
        var stored = Assert.Single(_store.ListActivities());
        using var other = Database.OpenSqlite(_folder.PathOf("other.db"));
        var inMemory = await new ActivityImporter(new ActivityStore(other)).ImportAsync([gpx], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, spilled.Imported);
        Assert.Equal(1, inMemory.Imported);
        Assert.Equal(Assert.Single(new ActivityStore(other).ListActivities()).SampleCount, stored.SampleCount);
    }

    [Fact]
    public async Task Four_large_gpx_files_hold_no_more_than_the_budget_while_read()
    {
        for (var i = 0; i < 4; i++)
        {
            HostileArchives.WriteLargeGpx(_folder.PathOf($"big/{i}.gpx"), bytes: 3 * 1024 * 1024, seed: i);
        }

        var budget = new ImportMemoryBudget(16 * 1024 * 1024);
        var limits = ImportLimits.Default with { XmlSpillAboveBytes = 1024 * 1024 };
        var peak = 0L;
        var importer = new ActivityImporter(_store, limits: limits, memory: budget);
        var progress = new Progress<ImportProgress>(_ => peak = Math.Max(peak, budget.HeldBytes));

        var summary = await importer.ImportAsync([_folder.PathOf("big")], progress, TestContext.Current.CancellationToken);

        Assert.Equal(4, summary.Imported);
        Assert.True(peak <= budget.CapacityBytes);
        Assert.Equal(0, budget.HeldBytes);
    }

    [Fact]
    public async Task A_cancelled_import_gives_its_memory_back_to_the_process()
    {
        for (var i = 0; i < 40; i++)
        {
            _folder.Write($"runs/{i:D2}.fit", ImportFixtures.FitRun(i));
        }

        var budget = new ImportMemoryBudget(16 * 1024 * 1024);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SynchronousProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ActivityImporter(_store, memory: budget).ImportAsync([_folder.PathOf("runs")], progress, cancel.Token));

        Assert.Equal(0, budget.HeldBytes);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private Task<ImportSummary> Import(params string[] paths) =>
        new ActivityImporter(_store).ImportAsync(paths, cancellationToken: TestContext.Current.CancellationToken);

    private long StoredErrorChars()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.PathOf("test.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(LENGTH(detail)), 0) + (SELECT COALESCE(SUM(LENGTH(problems_json)), 0) FROM activities) FROM import_files";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>An endless stream of random bytes: what a .fit of any size looks like before its header is checked.</summary>
    private sealed class RandomStream(int seed) : Stream
    {
        private readonly Random _random = new(seed);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _random.NextBytes(buffer.AsSpan(offset, count));
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
