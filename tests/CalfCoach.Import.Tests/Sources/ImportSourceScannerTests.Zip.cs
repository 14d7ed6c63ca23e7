using System.IO.Compression;
using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

public sealed partial class ImportSourceScannerTests
{
    [Fact]
    public void A_zip_yields_its_activity_entries_in_ordinal_order_with_paths_after_a_bang()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(1);
        var gpx = Archives.Gpx("b");
        var path = folder.Write("export.zip", Archives.Zip(
            ("runs/b.gpx.gz", Archives.Gzip(gpx)),
            ("runs/", []),
            ("runs/a.fit", fit),
            ("readme.txt", Archives.Text("ignored")),
            ("__MACOSX/runs/._a.fit", Archives.Text("metadata"))));

        var results = Scanning.ScanAndRead(path);

        Assert.Equal([$"{path}!runs/a.fit", $"{path}!runs/b.gpx.gz"], results.Select(result => result.Path));
        Assert.Equal(fit, results[0].Content);
        Assert.Equal(gpx, results[1].Content);
        Assert.Equal("gpx", results[1].Item.Format);
    }

    [Fact]
    public void Entries_named_with_backslashes_are_shown_with_forward_slashes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("windows.zip", Archives.Zip(("runs\\a.fit", Archives.Fit(1))));

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal($"{path}!runs/a.fit", result.Path);
    }

    [Fact]
    public void A_zip_inside_a_zip_is_opened_in_memory()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(7);
        var inner = Archives.Zip(("inner/7.fit", fit));
        var path = folder.Write("outer.zip", Archives.Zip(("nested.zip", inner), ("1.tcx", Archives.Tcx("1"))));

        var results = Scanning.ScanAndRead(path);

        Assert.Equal([$"{path}!1.tcx", $"{path}!nested.zip!inner/7.fit"], results.Select(result => result.Path));
        Assert.Equal(fit, results[1].Content);
    }

    [Fact]
    public void A_garmin_connect_export_yields_the_fit_files_of_its_uploaded_files_parts()
    {
        // Layout of Garmin's "Export Your Data" archive (pe-st/garmin-connect-export issue #7, 2018:
        // DI_CONNECT/DI-Connect-Fitness/UploadedFiles_*.zip; trevordavies095/tempo issue #224, newer dumps:
        // DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part*.zip), next to JSON summaries.
        using var folder = new TempFolder();
        var part1 = Archives.Zip(
            ("runner@example.com_101.fit", Archives.Fit(101)),
            ("runner@example.com_102.fit", Archives.Fit(102)));
        var part2 = Archives.Zip(
            ("runner@example.com_201.fit", Archives.Fit(201)),
            ("runner@example.com_202.gpx", Archives.Gpx("202")));
        var path = folder.Write("Garmin_Download.zip", Archives.Zip(
            ("DI_CONNECT/DI-Connect-Fitness/runner@example.com_0_summarizedActivities.json", Archives.Text("[]")),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip", part2),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part1),
            ("DI_CONNECT/DI-Connect-User/user_profile.json", Archives.Text("{}"))));

        var results = Scanning.ScanAndRead(path);

        const string Parts = "DI_CONNECT/DI-Connect-Uploaded-Files";
        Assert.Equal(
            [
                $"{path}!{Parts}/UploadedFiles_0-_Part1.zip!runner@example.com_101.fit",
                $"{path}!{Parts}/UploadedFiles_0-_Part1.zip!runner@example.com_102.fit",
                $"{path}!{Parts}/UploadedFiles_0-_Part2.zip!runner@example.com_201.fit",
                $"{path}!{Parts}/UploadedFiles_0-_Part2.zip!runner@example.com_202.gpx",
            ],
            results.Select(result => result.Path));
        Assert.Equal(Archives.Fit(201), results[2].Content);
        Assert.All(results, result => Assert.Null(result.Error));
    }

    [Fact]
    public void A_zip_nested_deeper_than_the_limit_is_reported_and_not_opened()
    {
        using var folder = new TempFolder();
        var third = Archives.Zip(("deep.fit", Archives.Fit(1)));
        var second = Archives.Zip(("third.zip", third), ("ok.fit", Archives.Fit(2)));
        var path = folder.Write("first.zip", Archives.Zip(("second.zip", second)));

        var results = Scanning.ScanAndRead(path);

        Assert.Equal(2, results.Count);
        Assert.Equal($"{path}!second.zip!ok.fit", results[0].Path);
        var problem = results[1].Problem;
        Assert.Equal(ImportProblemKind.LimitExceeded, problem.Kind);
        Assert.Equal($"{path}!second.zip!third.zip", problem.DisplayPath);
        Assert.Contains("Extract it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_reported_clearly_and_the_scan_goes_on()
    {
        using var folder = new TempFolder();
        var corrupt = folder.Write("a-corrupt.zip", Archives.Text("this is not a zip archive at all, just text"));
        var good = folder.Write("b-good.fit", Archives.Fit(1));

        var results = Scanning.ScanAndRead(folder.Root);

        Assert.Equal(2, results.Count);
        var problem = results[0].Problem;
        Assert.Equal(ImportProblemKind.UnreadableArchive, problem.Kind);
        Assert.Equal(corrupt, problem.DisplayPath);
        Assert.Contains("download it again", problem.Message, StringComparison.Ordinal);
        Assert.Equal(good, results[1].Path);
    }

    [Fact]
    public void A_truncated_zip_is_reported_as_unreadable()
    {
        using var folder = new TempFolder();
        var zip = Archives.Zip(("a.fit", Archives.Fit(1, payloadBytes: 5000)), ("b.fit", Archives.Fit(2, payloadBytes: 5000)));
        var path = folder.Write("partial-download.zip", zip[..(zip.Length - 30)]);

        var problem = Assert.Single(Scanning.ScanAndRead(path)).Problem;

        Assert.Equal(ImportProblemKind.UnreadableArchive, problem.Kind);
    }

    [Fact]
    public void A_damaged_nested_zip_is_reported_and_its_siblings_are_imported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("outer.zip", Archives.Zip(
            ("broken.zip", Archives.Text("PK but not really")),
            ("fine.fit", Archives.Fit(1))));

        var results = Scanning.ScanAndRead(path);

        Assert.Equal(ImportProblemKind.UnreadableArchive, results[0].Problem.Kind);
        Assert.Equal($"{path}!broken.zip", results[0].Path);
        Assert.Equal($"{path}!fine.fit", results[1].Path);
    }

    [Theory]
    [InlineData("../escape.fit", "\"..\"")]
    [InlineData("runs/../../escape.fit", "\"..\"")]
    [InlineData("runs\\..\\..\\escape.fit", "\"..\"")]
    [InlineData("/etc/absolute.fit", "absolute path")]
    [InlineData("\\\\server\\share\\unc.fit", "absolute path")]
    [InlineData("C:/Windows/drive.fit", "drive letter")]
    [InlineData("nul\0byte.fit", "NUL")]
    [InlineData("bell\u0007.fit", "control character")]
    [InlineData("escape\u001b[31m.fit", "control character")]
    public void Entries_with_unsafe_names_are_refused_and_the_rest_of_the_archive_is_imported(string name, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("hostile.zip", Archives.Zip((name, Archives.Fit(1)), ("safe.fit", Archives.Fit(2))));

        var results = Scanning.ScanAndRead(path);

        Assert.Equal(2, results.Count);
        var problem = results[0].Problem;
        Assert.Equal(ImportProblemKind.UnsafeEntryName, problem.Kind);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(problem.DisplayPath, char.IsControl);
        Assert.Equal($"{path}!safe.fit", results[1].Path);
    }

    [Fact]
    public void Stored_entries_are_read_as_well_as_deflated_ones()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(5, payloadBytes: 3000);
        var path = folder.Write("stored.zip", Archives.Zip(CompressionLevel.NoCompression, ("5.fit", fit)));

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal(fit, result.Content);
        Assert.True(result.Item.CompressedLength >= fit.Length);
    }

    [Fact]
    public void Progress_through_nested_archives_never_goes_back_and_ends_at_the_total()
    {
        using var folder = new TempFolder();
        var part = Archives.Zip(Enumerable.Range(1, 20).Select(i => ($"{i:00}.fit", Archives.Fit(i, payloadBytes: 2000))).ToArray());
        var path = folder.Write("garmin.zip", Archives.Zip(("a.fit", Archives.Fit(0)), ("parts/1.zip", part), ("parts/2.zip", part), ("z.fit", Archives.Fit(99))));
        var scan = ImportSourceScanner.Scan([path]);

        var progress = new List<long>();
        foreach (var _ in scan)
        {
            progress.Add(scan.BytesScanned);
        }

        Assert.Equal(42, progress.Count);
        Assert.Equal(progress.Order(), progress);
        Assert.True(progress[^2] > scan.TotalBytes / 2, "Progress should advance through the nested parts, not jump at the end.");
        Assert.Equal(scan.TotalBytes, scan.BytesScanned);
    }
}
