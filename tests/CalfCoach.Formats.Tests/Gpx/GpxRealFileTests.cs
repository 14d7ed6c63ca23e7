using CalfCoach.Core.Activities;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Gpx;

/// <summary>End-to-end checks of <see cref="GpxReader"/> on real files from the shared corpus (see <see cref="RealXmlFiles"/>).</summary>
public sealed class GpxRealFileTests
{
    public static TheoryData<string> TrackFiles =>
    [
        "firefly-cpp_sport-activities-features/broken1.gpx",
        "firefly-cpp_sport-activities-features/broken3.gpx",
        "firefly-cpp_sport-activities-features/broken5.gpx",
        "firefly-cpp_sport-activities-features/riderx3.gpx.gz",
        "placemark_togeojson/Friday-Evening-Run.gpx",
        "placemark_togeojson/bad.gpx",
        "placemark_togeojson/blue_hills.gpx",
        "placemark_togeojson/missing_hr.gpx",
        "placemark_togeojson/multitrackgpx.gpx",
        "placemark_togeojson/run.gpx",
        "tkrajina_gpxpy/Mojstrovka.gpx",
        "tkrajina_gpxpy/around-visnjan-with-car.gpx",
        "tkrajina_gpxpy/cerknicko-jezero.gpx",
        "tkrajina_gpxpy/track-with-empty-segment.gpx",
        "tkrajina_gpxpy/track-with-less-sec-time.gpx",
    ];

    [Theory]
    [MemberData(nameof(TrackFiles))]
    public void Read_RealFile_KeepsEveryTrackPointAndStartsAtTheEarliestTime(string file)
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text(file);

        var activities = Read(file);

        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "trkpt"), activities.Sum(a => a.Streams.Count));
        Assert.Equal(RealXmlFiles.TrackPointTimes(text).Min(), activities.Min(a => a.StartUtc));
        Assert.All(activities, a => Assert.False(a.IsPartial));
        Assert.All(activities, a => Assert.InRange(a.ElapsedSeconds, 0, 7 * 24 * 3600));
    }

    [Fact]
    public void Read_AppleWatchRun_ReadsThreeSegmentsCadenceAndHeartRate()
    {
        // placemark/togeojson Friday-Evening-Run.gpx: 17 points in 3 <trkseg>, gpxtpx:cad per foot.
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var run = Assert.Single(Read("placemark_togeojson/Friday-Evening-Run.gpx"));

        Assert.Equal(Sport.Running, run.Sport);
        Assert.Equal("Friday Evening Run", run.Name);
        Assert.Equal("Apple Watch", run.Device);
        Assert.Equal(DateTimeOffset.Parse("2025-05-02T15:51:15.692Z", System.Globalization.CultureInfo.InvariantCulture), run.StartUtc);
        Assert.Equal(17, run.Streams.Count);
        Assert.Equal(128f, run.Streams.Cadence[0]); // <gpxtpx:cad>64</gpxtpx:cad>
        Assert.NotNull(run.TimerSeconds);                          // several segments: pauses are known
        Assert.True(run.TimerSeconds < run.ElapsedSeconds);
        Assert.True(run.Streams.Has(StreamKind.HeartRate));
    }

    [Fact]
    public void Read_GpsBabelFile_HasGpxpysCreatorAndLongTimestamps()
    {
        // gpxpy test.py test_creator_field: creator "GPSBabel - http://www.gpsbabel.org";
        // test_long_timestamps (Mojstrovka.gpx): first point elevation 1614.678 and time 1901-12-13T20:45:52.207343
        // (gpxpy truncates to microseconds; the file says .2073437).
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        Assert.All(Read("tkrajina_gpxpy/cerknicko-jezero.gpx"), a => Assert.Equal("GPSBabel - http://www.gpsbabel.org", a.Device));
        var mojstrovka = Assert.Single(Read("tkrajina_gpxpy/Mojstrovka.gpx"));
        Assert.Equal(1614.678f, mojstrovka.Streams.AltitudeMeters[0]);
        var firstPointTime = mojstrovka.StartUtc.AddSeconds(mojstrovka.Streams.ElapsedSeconds[0]);
        Assert.Equal(new DateTime(1901, 12, 13, 20, 45, 52, 207, 343, DateTimeKind.Utc), firstPointTime.UtcDateTime, TimeSpan.FromMicroseconds(1));

        // All of Mojstrovka's times lie within a millisecond (a clockless device): no speed can be derived from them.
        Assert.False(mojstrovka.Streams.Has(StreamKind.Speed));
        Assert.True(mojstrovka.DistanceMeters > 1000);
    }

    [Fact]
    public void Read_TimelessCopyOfATrack_HasTheSameDistanceButNoDuration()
    {
        // gpxpy test_has_times_false: cerknicko-without-times.gpx is cerknicko-jezero.gpx with the times removed
        // (except on its last track, as the file shows).
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var timed = Read("tkrajina_gpxpy/cerknicko-jezero.gpx");
        var timeless = Read("tkrajina_gpxpy/cerknicko-without-times.gpx");

        Assert.Equal(timed.Count, timeless.Count);
        Assert.Equal(timed.Select(a => a.DistanceMeters), timeless.Select(a => a.DistanceMeters));
        Assert.Contains(timeless, a => a.ElapsedSeconds == 0 && a.Problems.Any(p => p.Contains("no track point has a <time>", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_StravaExportWithNumericType_IsARideWithHeartRate()
    {
        // broken5.gpx: StravaGPX, <type>1</type> (Strava's ride), gpxtpx:hr on every point.
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text("firefly-cpp_sport-activities-features/broken5.gpx");

        var ride = Assert.Single(Read("firefly-cpp_sport-activities-features/broken5.gpx"));

        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "gpxtpx:hr"), ride.Streams.CountPresent(StreamKind.HeartRate));
        Assert.Equal(new DateTimeOffset(2021, 3, 23, 13, 1, 57, TimeSpan.Zero), ride.StartUtc); // = its metadata time
    }

    [Fact]
    public void Read_GarminConnectGzip_ReadsNs3HeartRate()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text("firefly-cpp_sport-activities-features/riderx3.gpx.gz");

        var ride = Assert.Single(Read("firefly-cpp_sport-activities-features/riderx3.gpx.gz"));

        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "ns3:hr"), ride.Streams.CountPresent(StreamKind.HeartRate));
        Assert.Equal(931, ride.Streams.Count);
    }

    [Fact]
    public void Read_PartlyMissingHeartRate_KeepsOnlyTheValuesPresent()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text("placemark_togeojson/missing_hr.gpx");

        var activity = Assert.Single(Read("placemark_togeojson/missing_hr.gpx"));

        var withHeartRate = RealXmlFiles.CountOpeningTags(text, "gpxtpx:hr");
        Assert.InRange(withHeartRate, 1, activity.Streams.Count - 1);
        Assert.Equal(withHeartRate, activity.Streams.CountPresent(StreamKind.HeartRate));
    }

    [Fact]
    public void Read_SeveralTracks_GivesOneActivityPerNonEmptyTrack()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        Assert.Equal(["Tag 1", "Tag 2", "Tag 3"], Read("placemark_togeojson/multitrackgpx.gpx").Select(a => a.Name));
        Assert.Equal(3, Read("placemark_togeojson/blue_hills.gpx").Count);
        // cerknicko-jezero.gpx has 8 <trk>, one of them without points.
        Assert.Equal(7, Read("tkrajina_gpxpy/cerknicko-jezero.gpx").Count);
    }

    [Theory]
    [InlineData("tkrajina_gpxpy/route.gpx")]
    [InlineData("placemark_togeojson/empty_trk.gpx")]
    public void Read_FileWithoutTrackPoints_Throws(string file)
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(file));

        Assert.Contains("no track points", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RealFileCutInHalf_KeepsEveryCompletePointAndIsPartial()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var bytes = RealXmlFiles.Bytes("placemark_togeojson/run.gpx");
        var half = bytes.AsSpan(0, bytes.Length / 2).ToArray();
        var completePoints = RealXmlFiles.CountOpeningTags(System.Text.Encoding.UTF8.GetString(half), "/trkpt");

        var activity = Assert.Single(GpxReader.Read(new MemoryStream(half), Source("placemark_togeojson/run.gpx")));

        Assert.True(activity.IsPartial);
        Assert.Equal(completePoints, activity.Streams.Count);
        Assert.Contains(activity.Problems, p => p.StartsWith("line ", StringComparison.Ordinal));
    }

    private static ActivitySource Source(string file) => new("gpx", file, "test");

    private static IReadOnlyList<Activity> Read(string file) =>
        GpxReader.Read(new MemoryStream(RealXmlFiles.Bytes(file)), Source(file));
}
