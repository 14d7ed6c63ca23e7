using System.Globalization;
using System.Text;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Gpx;

public sealed partial class GpxReaderTests
{
    [Fact]
    public void Read_FileCutInsideAPoint_KeepsTheCompletePointsAndIsPartial()
    {
        var cut = StravaRun[..StravaRun.IndexOf("<ele>13</ele>", StringComparison.Ordinal)];

        var activity = Assert.Single(Read(cut));

        Assert.True(activity.IsPartial);
        Assert.Equal(2, activity.Streams.Count); // the third point was being read and is dropped
        Assert.Equal([140f, 150f], activity.Streams.HeartRateBpm);
        Assert.Equal(1.0, activity.ElapsedSeconds);
        var problem = Assert.Single(activity.Problems);
        Assert.StartsWith("line ", problem, StringComparison.Ordinal);
        Assert.Contains("damaged", problem, StringComparison.Ordinal);
        Assert.Contains("2 samples", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GarbageAfterValidPoints_KeepsThePointsAndIsPartial()
    {
        var broken = StravaRun.Replace("<trkpt lat=\"0\" lon=\"0.0002\">", "<trkpt lat=\"0\" lon=\"0.0002\"><<<", StringComparison.Ordinal);

        var activity = Assert.Single(Read(broken));

        Assert.True(activity.IsPartial);
        Assert.Equal(2, activity.Streams.Count);
    }

    [Fact]
    public void Read_FileCutInATimelessSecondTrack_KeepsTheFirstTrack()
    {
        const string xml = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
             <trk><trkseg><trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt></trkseg></trk>
             <trk><trkseg><trkpt lat="0" lon="0"/><trkpt lat="0" lon=
            """;

        var activity = Assert.Single(Read(xml));

        Assert.True(activity.IsPartial);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), activity.StartUtc);
    }

    [Fact]
    public void Read_TrailingBytesAfterTheDocument_AreIgnored()
    {
        var activity = Assert.Single(Read(StravaRun + "\n\0\0garbage<gpx>"));

        Assert.False(activity.IsPartial);
        Assert.Equal(3, activity.Streams.Count);
    }

    [Fact]
    public void Read_FileCutBeforeAnyPoint_ThrowsWithLineAndPosition()
    {
        var cut = StravaRun[..StravaRun.IndexOf("<trkseg>", StringComparison.Ordinal)];

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(cut));

        Assert.True(ex.LineNumber > 0);
        Assert.StartsWith($"line {ex.LineNumber}, position {ex.LinePosition}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefusedBeforeAnythingIsResolved()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&secret;</name><trkseg>
            <trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt></trkseg></trk></gpx>
            """;

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(xxe));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Export the activity again", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BillionLaughs_FailsAtTheDoctypeWithoutExpanding()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        laughs.Append("]>\n<gpx><trk><name>&lol9;</name></trk></gpx>");

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(laughs.ToString()));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TcxDocument_ThrowsNamingTheRootElement()
    {
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(
            "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"/>"));

        Assert.Contains("<TrainingCenterDatabase>", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.LineNumber);
    }

    [Fact]
    public void Read_GpxInAForeignNamespace_IsRejected()
    {
        Assert.Throws<XmlActivityFormatException>(() => Read("<gpx xmlns=\"http://example.com/not-gpx\"/>"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, world")]
    [InlineData("{\"type\": \"FeatureCollection\"}")]
    public void Read_NotXml_Throws(string content)
    {
        Assert.Throws<XmlActivityFormatException>(() => Read(content));
    }

    [Fact]
    public void Read_RouteOnly_ThrowsSayingRoutesAreNotActivities()
    {
        // gpxpy's route.gpx: an <rte> and no <trk>.
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("""
            <gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0">
            <rte><rtept lat="45.27" lon="13.72"><name>#001</name></rtept></rte></gpx>
            """));

        Assert.Contains("no track points", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoTimeAnywhere_ThrowsSayingTheActivityCannotBePlaced()
    {
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("""
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="0" lon="0"/></trkseg></trk></gpx>
            """));

        Assert.Contains("<time>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnreadableValues_AreLeftOutAndListedWithTheirLine()
    {
        // placemark/togeojson bad.gpx: lat="undefined", <ele>bad data</ele>.
        const string xml = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="undefined" lon="undefined"><time>2007-05-11T15:22:06Z</time></trkpt>
            <trkpt lat="1" lon="2"><ele>bad data</ele><time>not a time</time></trkpt>
            <trkpt lat="1" lon="2"><ele>NaN</ele><time>2007-05-11T15:22:08Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

        var activity = Assert.Single(Read(xml));

        Assert.False(activity.IsPartial);
        Assert.Equal(3, activity.Streams.Count);
        Assert.True(double.IsNaN(activity.Streams.LatitudeDegrees[0]));
        Assert.Equal(1.0, activity.Streams.LatitudeDegrees[1]);
        Assert.All(activity.Streams.AltitudeMeters, a => Assert.True(float.IsNaN(a)));
        Assert.True(float.IsNaN(activity.Streams.ElapsedSeconds[1]));
        Assert.Equal(2.0, activity.ElapsedSeconds);
        Assert.Contains(activity.Problems, p => p.StartsWith("line 2, ", StringComparison.Ordinal) && p.Contains("lat=\"undefined\"", StringComparison.Ordinal));
        Assert.Contains(activity.Problems, p => p.StartsWith("line 3, ", StringComparison.Ordinal) && p.Contains("bad data", StringComparison.Ordinal));
        Assert.Contains(activity.Problems, p => p.Contains("not a time", StringComparison.Ordinal));
        Assert.Contains(activity.Problems, p => p.StartsWith("line 4, ", StringComparison.Ordinal) && p.Contains("<ele>", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ManyBadValues_ListsTwentyAndCountsTheRest()
    {
        var points = string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"<trkpt lat=\"0\" lon=\"0\"><ele>x</ele><time>2024-01-01T10:00:{i:00}Z</time></trkpt>"));
        var xml = $"<gpx><trk><trkseg>{points}</trkseg></trk></gpx>";

        var activity = Assert.Single(Read(xml));

        Assert.Equal(21, activity.Problems.Count);
        Assert.Equal("10 more problems of the same kinds were not listed.", activity.Problems[^1]);
    }

    [Fact]
    public void Read_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => GpxReader.Read(null!, Source));
        Assert.Throws<ArgumentNullException>(() => GpxReader.Read(new MemoryStream(), null!));
    }
}
