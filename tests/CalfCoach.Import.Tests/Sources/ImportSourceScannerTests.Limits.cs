using System.IO.Compression;
using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

public sealed partial class ImportSourceScannerTests
{
    private static readonly ImportLimits SmallLimits = new()
    {
        MaxEntryBytes = 4 * 1024 * 1024,
        CompressionRatioGraceBytes = 1024 * 1024,
        MaxCompressionRatio = 200,
    };

    [Fact]
    public void A_gzip_bomb_inside_a_zip_fails_on_its_ratio_while_read_and_the_scan_goes_on()
    {
        // The zip header is honest about the .gz entry (a few kB); only the gunzipped bytes reveal the bomb.
        using var folder = new TempFolder();
        var bomb = Archives.Gzip(new byte[8 * 1024 * 1024]);
        var fit = Archives.Fit(1);
        // A .gpx.gz: zeros named .fit.gz are refused by their missing FIT header before any ratio is reached.
        var path = folder.Write("export.zip", Archives.Zip(("activities/1.gpx.gz", bomb), ("activities/2.fit", fit)));

        var results = Scanning.ScanAndRead(path, SmallLimits);

        Assert.Equal(2, results.Count);
        var error = Assert.IsType<ImportLimitExceededException>(results[0].Error);
        Assert.Equal(ImportLimit.CompressionRatio, error.Limit);
        Assert.Equal($"{path}!activities/1.gpx.gz", error.DisplayPath);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
        Assert.Equal(fit, results[1].Content);
    }

    [Fact]
    public void A_gzip_bomb_on_disk_fails_on_its_ratio_while_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bomb.gpx.gz", Archives.Gzip(new byte[8 * 1024 * 1024]));

        var error = Assert.IsType<ImportLimitExceededException>(Assert.Single(Scanning.ScanAndRead(path, SmallLimits)).Error);

        Assert.Equal(ImportLimit.CompressionRatio, error.Limit);
    }

    [Fact]
    public void An_entry_whose_header_admits_a_bomb_is_reported_without_being_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export.zip", Archives.Zip(("a-zeros.fit", new byte[8 * 1024 * 1024]), ("b-ok.fit", Archives.Fit(1))));

        var results = Scanning.ScanAndRead(path, SmallLimits);

        Assert.Equal(2, results.Count);
        var problem = results[0].Problem;
        Assert.Equal(ImportProblemKind.LimitExceeded, problem.Kind);
        Assert.Equal($"{path}!a-zeros.fit", problem.DisplayPath);
        Assert.Equal($"{path}!b-ok.fit", results[1].Path);
    }

    [Fact]
    public void A_file_larger_than_the_entry_limit_fails_when_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge.fit", Archives.Fit(1, payloadBytes: 5 * 1024 * 1024));

        var error = Assert.IsType<ImportLimitExceededException>(Assert.Single(Scanning.ScanAndRead(path, SmallLimits)).Error);

        Assert.Equal(ImportLimit.EntryBytes, error.Limit);
        Assert.Equal(SmallLimits.MaxEntryBytes, error.LimitValue);
    }

    [Fact]
    public void A_file_of_exactly_the_entry_limit_is_read()
    {
        using var folder = new TempFolder();
        var limits = SmallLimits with { MaxEntryBytes = 100_000 };
        var fit = Archives.Fit(1, payloadBytes: 100_000 - 14);
        var path = folder.Write("edge.fit", fit);

        var result = Assert.Single(Scanning.ScanAndRead(path, limits));

        Assert.Equal(fit, result.Content);
    }

    [Fact]
    public void An_archive_that_decompresses_past_its_total_limit_fails_the_entry_that_crosses_it()
    {
        using var folder = new TempFolder();
        var limits = ImportLimits.Default with { MaxArchiveBytes = 150_000 };
        var path = folder.Write("export.zip", Archives.Zip(
            ("a.fit", Archives.Fit(1, payloadBytes: 100_000)),
            ("b.fit", Archives.Fit(2, payloadBytes: 100_000))));

        var results = Scanning.ScanAndRead(path, limits);

        Assert.Null(results[0].Error);
        var error = Assert.IsType<ImportLimitExceededException>(results[1].Error);
        Assert.Equal(ImportLimit.ArchiveBytes, error.Limit);
        Assert.Contains("one at a time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_with_too_many_entries_is_reported_and_not_opened()
    {
        using var folder = new TempFolder();
        var entries = Enumerable.Range(1, 6).Select(i => ($"{i}.fit", Archives.Fit(i))).ToArray();
        var path = folder.Write("many.zip", Archives.Zip(entries));

        var problem = Assert.Single(Scanning.ScanAndRead(path, ImportLimits.Default with { MaxEntriesPerArchive = 5 })).Problem;

        Assert.Equal(ImportProblemKind.LimitExceeded, problem.Kind);
        Assert.Contains("6 entries", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_zip_larger_than_the_memory_limit_is_reported_and_its_siblings_imported()
    {
        using var folder = new TempFolder();
        var inner = Archives.Zip(CompressionLevel.NoCompression, ("big.fit", Archives.Fit(1, payloadBytes: 200_000)));
        var path = folder.Write("outer.zip", Archives.Zip(("big.zip", inner), ("small.fit", Archives.Fit(2))));

        var results = Scanning.ScanAndRead(path, ImportLimits.Default with { MaxNestedArchiveBytes = 100_000 });

        Assert.Equal(ImportProblemKind.LimitExceeded, results[0].Problem.Kind);
        Assert.Contains("too big to open in memory", results[0].Problem.Message, StringComparison.Ordinal);
        Assert.Equal($"{path}!small.fit", results[1].Path);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportLimits.Default with { MaxEntriesPerArchive = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportLimits.Default with { MaxEntryBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportLimits.Default with { MaxNestedArchiveBytes = long.MaxValue });
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportLimits.Default with { CompressionRatioGraceBytes = -1 });
    }

    [Fact]
    public void Default_limits_are_the_documented_ones()
    {
        var limits = ImportLimits.Default;

        Assert.Equal(200_000, limits.MaxEntriesPerArchive);
        Assert.Equal(512L * 1024 * 1024, limits.MaxEntryBytes);
        Assert.Equal(64L * 1024 * 1024 * 1024, limits.MaxArchiveBytes);
        Assert.Equal(200, limits.MaxCompressionRatio);
        Assert.Equal(1024 * 1024, limits.CompressionRatioGraceBytes);
        Assert.Equal(2, limits.MaxNestingDepth);
        Assert.Equal(1024L * 1024 * 1024, limits.MaxNestedArchiveBytes);
    }
}
