using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

/// <summary>The scanner against the shared folder of real device recordings (see its README.md and SOURCE.md files).</summary>
public sealed class RealDataTests
{
    [Fact]
    public void Every_activity_file_of_the_real_data_folder_is_found_with_its_format_and_gz_files_decompress()
    {
        var real = RealData.Folder();
        Assert.SkipUnless(real is not null, "The shared real data folder (../shared/data/real next to CalfCoach.slnx) is not present.");

        var expected = Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Format: ExpectedFormat(path)))
            .Where(file => file.Format is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);

        var results = Scanning.ScanAndRead(real);

        Assert.Empty(results.Problems());
        Assert.Equal(expected.Select(file => file.Path), results.Select(result => result.Path));
        Assert.Equal(expected.Select(file => file.Format), results.Select(result => result.Item.Format));
        Assert.All(results, result => Assert.Null(result.Error));

        var gzipped = results.Where(result => result.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(gzipped);
        Assert.All(gzipped, result =>
        {
            Assert.True(result.Content!.Length > result.Item.CompressedLength, $"{result.Path} did not decompress.");
            if (result.Item.Format == "fit")
            {
                Assert.True(result.Content.AsSpan(8, 4).SequenceEqual(".FIT"u8), $"{result.Path} is not a FIT file once gunzipped.");
            }
            else
            {
                Assert.Contains((byte)'<', result.Content.AsSpan(0, 64).ToArray());
            }
        });
    }

    private static string? ExpectedFormat(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        name = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
        return Path.GetExtension(name) switch
        {
            ".fit" => "fit",
            ".gpx" => "gpx",
            ".tcx" => "tcx",
            _ => null,
        };
    }
}
