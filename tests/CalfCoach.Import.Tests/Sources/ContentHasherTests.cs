using System.Text;
using CalfCoach.Import.Sources;
using CalfCoach.Import.Tests.TestData;

namespace CalfCoach.Import.Tests.Sources;

public sealed class ContentHasherTests
{
    [Fact]
    public void Sha256Hex_is_lower_case_hex_of_the_standard_digest()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHasher.Sha256Hex("abc"u8));
    }

    [Fact]
    public void The_same_recording_hashes_the_same_as_fit_fit_gz_and_zip_entry()
    {
        using var folder = new TempFolder();
        var fit = Archives.Fit(42, payloadBytes: 10_000);
        var plain = folder.Write("a/run.fit", fit);
        var gzipped = folder.Write("b/run.fit.gz", Archives.Gzip(fit));
        var zipped = folder.Write("c/export.zip", Archives.Zip(("activities/run.fit.gz", Archives.Gzip(fit))));

        var hashes = Scanning.ScanAndRead([plain, gzipped, zipped]).Select(result => result.Sha256).ToList();

        Assert.Equal(3, hashes.Count);
        Assert.All(hashes, hash => Assert.Equal(ContentHasher.Sha256Hex(fit), hash));
    }

    [Fact]
    public void Read_all_grows_its_buffer_for_content_much_larger_than_the_stored_size()
    {
        using var folder = new TempFolder();
        var gpx = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<trkpt lat=\"{i}\"/>\n")));
        var path = folder.Write("long.gpx.gz", Archives.Gzip(gpx));
        var item = Assert.IsType<ImportItem>(Assert.Single(ImportSourceScanner.Scan([path])));

        using var content = ContentHasher.ReadAll(item, ImportLimits.Default);

        Assert.True(item.CompressedLength < gpx.Length / 4);
        Assert.Equal(gpx.Length, content.Length);
        Assert.True(content.Span.SequenceEqual(gpx));
        Assert.Equal(ContentHasher.Sha256Hex(gpx), content.Sha256);
    }

    [Fact]
    public void Hashing_while_reading_gives_the_same_hash_as_read_all()
    {
        using var folder = new TempFolder();
        var gpx = Archives.Gpx("streamed");
        var path = folder.Write("run.gpx.gz", Archives.Gzip(gpx));
        var item = Assert.IsType<ImportItem>(Assert.Single(ImportSourceScanner.Scan([path])));

        using var hashing = ContentHasher.HashWhileReading(item.Open());
        using var copy = new MemoryStream();
        hashing.CopyTo(copy);

        Assert.Equal(gpx, copy.ToArray());
        Assert.Equal(ContentHasher.Sha256Hex(gpx), hashing.GetSha256Hex());
    }

    [Fact]
    public void Hashing_while_reading_refuses_to_hash_a_stream_not_read_to_its_end()
    {
        using var hashing = ContentHasher.HashWhileReading(new MemoryStream(new byte[100]));
        hashing.ReadExactly(new byte[10]);

        Assert.Throws<InvalidOperationException>(() => hashing.GetSha256Hex());
    }

    [Fact]
    public void Item_content_cannot_be_used_after_it_is_disposed_and_disposing_twice_is_harmless()
    {
        var item = new ImportItem("memory.fit", "fit", 3, () => new MemoryStream([1, 2, 3]));
        var content = ContentHasher.ReadAll(item, ImportLimits.Default);
        Assert.Equal([1, 2, 3], content.Memory.ToArray());

        content.Dispose();
        content.Dispose();

        Assert.Throws<ObjectDisposedException>(() => content.Memory);
    }

    [Fact]
    public void An_item_format_must_be_fit_gpx_or_tcx()
    {
        Assert.Throws<ArgumentException>(() => new ImportItem("x.kml", "kml", null, () => Stream.Null));
    }
}
