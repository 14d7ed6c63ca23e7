using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

public sealed partial class ImportSourceScannerTests
{
    [Fact]
    public void A_single_fit_file_is_one_fit_item_with_its_bytes()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(1);
        var path = folder.Write("run.fit", fit);

        var results = Scanning.ScanAndRead(path);

        var result = Assert.Single(results);
        Assert.Equal(path, result.Path);
        Assert.Equal("fit", result.Item.Format);
        Assert.Equal(fit.Length, result.Item.CompressedLength);
        Assert.Null(result.Item.Hints);
        Assert.Equal(fit, result.Content);
    }

    [Fact]
    public void A_gzipped_gpx_is_a_gpx_item_whose_content_is_decompressed()
    {
        using var folder = new TempFolder();
        var gpx = Archives.Gpx("Morning run");
        var gzipped = Archives.Gzip(gpx);
        var path = folder.Write("run.gpx.gz", gzipped);

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal("gpx", result.Item.Format);
        Assert.Equal(gzipped.Length, result.Item.CompressedLength);
        Assert.Equal(gpx, result.Content);
    }

    [Theory]
    [InlineData("RUN.FIT", "fit")]
    [InlineData("Ride.Gpx", "gpx")]
    [InlineData("walk.TCX.GZ", "tcx")]
    public void Extensions_are_recognised_in_any_case(string name, string format)
    {
        using var folder = new TempFolder();

        // A .fit must start with a FIT header to be read at all; the others are read whatever they hold.
        var content = format == "fit" ? Archives.Fit(1) : Archives.Tcx("x");
        var path = folder.Write(name, name.EndsWith(".GZ", StringComparison.Ordinal) ? Archives.Gzip(content) : content);

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal(format, result.Item.Format);
        Assert.Equal(content, result.Content);
    }

    [Fact]
    public void A_file_named_fit_that_is_gzip_is_decompressed_by_its_magic_bytes()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(2);
        var path = folder.Write("renamed.fit", Archives.Gzip(fit));

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal(fit, result.Content);
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_to_the_end()
    {
        // RFC 1952 §2.2: a gzip file is a series of members; `cat a.gz b.gz` is valid gzip of a + b.
        using var folder = new TempFolder();
        var first = Archives.Gpx("first half");
        var second = Archives.Text("<!-- second member -->");
        var path = folder.Write("joined.gpx.gz", [.. Archives.Gzip(first), .. Archives.Gzip(second)]);

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal<byte[]>([.. first, .. second], result.Content);
    }

    [Fact]
    public void A_gz_file_that_is_not_gzip_fails_with_a_message_that_says_so()
    {
        using var folder = new TempFolder();
        var path = folder.Write("plain.gpx.gz", Archives.Gpx("not compressed"));

        var result = Assert.Single(Scanning.ScanAndRead(path));

        Assert.Equal("gpx", result.Item.Format);
        var error = Assert.IsType<ImportSourceException>(result.Error);
        Assert.Equal(path, error.DisplayPath);
        Assert.Contains("not gzip-compressed", error.Message, StringComparison.Ordinal);
        Assert.Contains("3C3F", error.Message, StringComparison.Ordinal); // "<?"
    }

    [Theory]
    [InlineData(4)] // half the trailer
    [InlineData(8)] // the whole trailer
    [InlineData(9)] // the trailer and the last deflated byte
    [InlineData(2000)] // about half the file
    public void A_truncated_gzip_fails_with_a_message_that_says_to_download_it_again(int bytesCut)
    {
        // GZipStream itself returns the bytes before the cut without complaint.
        using var folder = new TempFolder();
        var gzipped = Archives.Gzip(Archives.Fit(3, payloadBytes: 4096));
        var path = folder.Write("cut.fit.gz", gzipped[..^bytesCut]);

        var result = Assert.Single(Scanning.ScanAndRead(path));

        var error = Assert.IsType<ImportSourceException>(result.Error);
        Assert.Equal(path, error.DisplayPath);
        Assert.Contains("Download it again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_with_corrupted_deflate_data_fails_with_an_import_source_exception()
    {
        using var folder = new TempFolder();
        var gzipped = Archives.Gzip(Archives.Gpx(new string('x', 2000)));
        for (var i = 12; i < gzipped.Length - 8; i += 7)
        {
            gzipped[i] ^= 0x5A;
        }

        var path = folder.Write("garbled.gpx.gz", gzipped);

        var result = Assert.Single(Scanning.ScanAndRead(path));

        var error = Assert.IsType<ImportSourceException>(result.Error);
        Assert.Equal(path, error.DisplayPath);
    }

    [Fact]
    public void A_folder_is_scanned_recursively_in_ordinal_path_order_and_other_files_are_named_as_skipped_with_why()
    {
        using var folder = new TempFolder();
        folder.Write("b/2.fit", Archives.Fit(2));
        folder.Write("a/sub/3.tcx", Archives.Tcx("3"));
        folder.Write("a/1.gpx", Archives.Gpx("1"));
        folder.Write("C.FIT", Archives.Fit(4));
        folder.Write("a/4.gpx.gz", Archives.Gzip(Archives.Gpx("4")));
        folder.Write("notes.txt", Archives.Text("not an activity"));
        folder.Write("a/photo.jpg", [0xFF, 0xD8, 0xFF]);
        folder.Write("a/summary.json", Archives.Text("{}"));
        folder.Write("a/._1.gpx", Archives.Text("macOS metadata"));

        var results = Scanning.ScanAndRead(folder.Root);

        Assert.Empty(results.Problems());
        string[] expected = ["C.FIT", "a/1.gpx", "a/4.gpx.gz", "a/sub/3.tcx", "b/2.fit"];
        Assert.Equal(expected.Select(folder.PathOf), results.Select(result => result.Path));
        Assert.Equal(["fit", "gpx", "gpx", "tcx", "fit"], results.Select(result => result.Item.Format));
        Assert.All(results, result => Assert.Null(result.Error));
        var skipped = Scanning.Skipped(folder.Root).ToDictionary(p => Path.GetFileName(p.DisplayPath), p => p.Message);
        Assert.Equal(["._1.gpx", "notes.txt", "photo.jpg", "summary.json"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("not an activity file: .jpg", skipped["photo.jpg"], StringComparison.Ordinal);
        Assert.StartsWith("not an activity file: .txt", skipped["notes.txt"], StringComparison.Ordinal);
        Assert.Equal("macOS Finder metadata, not a recording", skipped["._1.gpx"]);
    }

    [Fact]
    public void A_file_given_by_name_that_is_not_an_activity_is_reported_as_skipped()
    {
        using var folder = new TempFolder();
        var path = folder.Write("photo.jpg", [0xFF, 0xD8, 0xFF]);

        var problem = Assert.Single(Scanning.ScanAndRead(path)).Problem;

        Assert.Equal(ImportProblemKind.UnsupportedFile, problem.Kind);
        Assert.Equal(path, problem.DisplayPath);
        Assert.Contains(".fit, .gpx or .tcx", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activities_csv_given_by_name_says_to_give_the_export_folder()
    {
        using var folder = new TempFolder();
        var path = folder.Write("export/activities.csv", Archives.Text(StravaCsvHeader));

        var problem = Assert.Single(Scanning.ScanAndRead(path)).Problem;

        Assert.Equal(ImportProblemKind.UnsupportedFile, problem.Kind);
        Assert.Contains("folder or its .zip", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_other_paths_are_still_scanned()
    {
        using var folder = new TempFolder();
        var missing = folder.PathOf("nowhere.fit");
        var present = folder.Write("run.fit", Archives.Fit(1));

        var results = Scanning.ScanAndRead([missing, present]);

        Assert.Equal(2, results.Count);
        Assert.Equal(ImportProblemKind.NotFound, results[0].Problem.Kind);
        Assert.Equal(missing, results[0].Path);
        Assert.Equal(present, results[1].Path);
    }

    [Fact]
    public void A_file_given_twice_or_also_inside_a_folder_given_is_scanned_once()
    {
        using var folder = new TempFolder();
        var path = folder.Write("run.fit", Archives.Fit(1));

        var results = Scanning.ScanAndRead([path, folder.Root, path]);

        Assert.Equal(path, Assert.Single(results).Path);
    }

    [Fact]
    public void Total_bytes_are_known_before_enumeration_and_bytes_scanned_reach_them()
    {
        using var folder = new TempFolder();
        var fit = folder.Write("a/run.fit", Archives.Fit(1, payloadBytes: 1000));
        var zip = folder.Write("b/export.zip", Archives.Zip(("x.fit", Archives.Fit(2)), ("y.gpx", Archives.Gpx("y"))));
        folder.Write("b/ignored.jpg", new byte[5000]);
        var expectedTotal = new FileInfo(fit).Length + new FileInfo(zip).Length;

        var scan = ImportSourceScanner.Scan([folder.Root]);

        Assert.Equal(expectedTotal, scan.TotalBytes);
        var progress = new List<long>();
        foreach (var scanEvent in scan)
        {
            if (scanEvent is not ImportProblem { Kind: ImportProblemKind.NotActivityFile })
            {
                progress.Add(scan.BytesScanned);
            }
        }

        Assert.Equal(3, progress.Count);
        Assert.Equal(progress.Order(), progress);
        Assert.All(progress, bytes => Assert.InRange(bytes, 1, expectedTotal));
        Assert.Equal(expectedTotal, scan.BytesScanned);
    }

    [Fact]
    public void An_item_can_be_read_through_its_stream_as_well_as_with_read_all()
    {
        using var folder = new TempFolder();
        var gpx = Archives.Gpx("streamed");
        var path = folder.Write("run.gpx.gz", Archives.Gzip(gpx));
        var item = Assert.IsType<ImportItem>(Assert.Single(ImportSourceScanner.Scan([path])));

        using var stream = item.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(gpx, copy.ToArray());
    }
}
