using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Gpx;

namespace CalfCoach.Formats.Tests.Gpx;

public sealed partial class GpxReaderTests
{
    /// <summary>1e-4° along the equator (or a meridian) on the mean sphere: 6 371 008.8 m × π/180 × 1e-4.</summary>
    private const double Step = 11.119508023;

    private static readonly ActivitySource Source = new("gpx", "test.gpx", "0000");

    /// <summary>A Strava-style GPX 1.1 run with TrackPointExtension v2 and Strava's bare &lt;power&gt;.</summary>
    private const string StravaRun = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
             xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
         <metadata><name>Metadata name</name><time>2024-03-01T06:59:00Z</time></metadata>
         <trk>
          <name>Morning Run</name>
          <type>running</type>
          <trkseg>
           <trkpt lat="0" lon="0"><ele>10</ele><time>2024-03-01T07:00:00Z</time>
            <extensions><power>250</power><gpxtpx:TrackPointExtension><gpxtpx:atemp>12.5</gpxtpx:atemp><gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
           </trkpt>
           <trkpt lat="0" lon="0.0001"><ele>14</ele><time>2024-03-01T07:00:01Z</time>
            <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr><gpxtpx:cad>86</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
           </trkpt>
           <trkpt lat="0" lon="0.0002"><ele>13</ele><time>2024-03-01T07:00:02Z</time>
            <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>160</gpxtpx:hr><gpxtpx:cad>87</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
           </trkpt>
          </trkseg>
         </trk>
        </gpx>
        """;

    internal static IReadOnlyList<Activity> Read(string xml) => GpxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Source);

    private static Activity ReadSingle(string xml) => Assert.Single(Read(xml));

    [Fact]
    public void Read_Gpx11RunWithExtensions_ReadsEveryChannel()
    {
        var activity = ReadSingle(StravaRun);

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero), activity.StartUtc);
        Assert.Null(activity.UtcOffset);
        Assert.Equal(Sport.Running, activity.Sport);
        Assert.Equal("Morning Run", activity.Name);
        Assert.Equal("StravaGPX", activity.Device);
        Assert.Same(Source, activity.Source);
        Assert.Equal(2.0, activity.ElapsedSeconds);
        Assert.Null(activity.TimerSeconds);
        Assert.Empty(activity.Laps);
        Assert.False(activity.IsPartial);
        Assert.Empty(activity.Problems);

        var streams = activity.Streams;
        Assert.Equal(3, streams.Count);
        Assert.Equal([0f, 1f, 2f], streams.ElapsedSeconds);
        Assert.Equal([140f, 150f, 160f], streams.HeartRateBpm);
        Assert.Equal([10f, 14f, 13f], streams.AltitudeMeters);
        Assert.Equal(0.0002, streams.LongitudeDegrees[2]);
        Assert.Equal(250f, streams.PowerWatts[0]);
        Assert.True(float.IsNaN(streams.PowerWatts[1]));
        Assert.Equal(12.5f, streams.TemperatureCelsius[0]);
        Assert.Equal(150.0, activity.AvgHeartRateBpm);
        Assert.Equal(160.0, activity.MaxHeartRateBpm);
    }

    [Fact]
    public void Read_RunningCadence_IsDoubledFromPerFootToStepsPerMinute()
    {
        var activity = ReadSingle(StravaRun);

        Assert.Equal([170f, 172f, 174f], activity.Streams.Cadence);
        Assert.Equal(172.0, activity.AvgCadenceStepsPerMinute);
    }

    [Fact]
    public void Read_PositionsOnly_DerivesDistanceSpeedAndAscent()
    {
        var activity = ReadSingle(StravaRun);

        // Two 1e-4° steps along the equator. Speed windows (≥ 2 s): every sample spans [0 s, 2 s] → 2·Step / 2 s.
        Assert.Equal(2 * Step, activity.DistanceMeters!.Value, 5);
        Assert.Equal([0f, (float)Step, (float)(2 * Step)], activity.Streams.DistanceMeters);
        Assert.All(activity.Streams.SpeedMetersPerSecond, s => Assert.Equal(Step, s, 4));

        // 10 → 14 is a 4 m climb (over the 3 m threshold); 14 → 13 is noise.
        Assert.Equal(4.0, activity.AscentMeters);
    }

    [Fact]
    public void Read_Gpx10WithTopLevelTimeAndSpeed_ReadsTrack()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.0" creator="GPSBabel - http://www.gpsbabel.org" xmlns="http://www.topografix.com/GPX/1/0">
            <time>2010-08-06T10:36:35Z</time>
            <trk><name>ACTIVE LOG</name><trkseg>
            <trkpt lat="45.0" lon="14.0"><ele>500</ele><time>2010-08-05T14:00:00Z</time><speed>1.5</speed></trkpt>
            <trkpt lat="45.001" lon="14.0"><ele>501</ele><time>2010-08-05T14:01:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(new DateTimeOffset(2010, 8, 5, 14, 0, 0, TimeSpan.Zero), activity.StartUtc);
        Assert.Equal(Sport.Other, activity.Sport);
        Assert.Equal("ACTIVE LOG", activity.Name);
        Assert.Equal(60.0, activity.ElapsedSeconds);
        Assert.Equal(10 * Step, activity.DistanceMeters!.Value, 4); // 0.001° of latitude
        Assert.Equal(1.5f, activity.Streams.SpeedMetersPerSecond[0]);                 // the file's own
        Assert.Equal((float)(10 * Step / 60), activity.Streams.SpeedMetersPerSecond[1], 4); // derived
    }

    [Fact]
    public void Read_NoNamespaceAndUnprefixedExtensions_StillReadsHeartRateAndCadence()
    {
        // broken1.gpx (firefly-cpp) has no xmlns at all; Strava writes numeric types (9 = run).
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <gpx version="1.1">
             <trk><type>9</type><trkseg>
              <trkpt lat="46.2" lon="15.2"><time>2018-06-26T09:06:55Z</time>
               <extensions><TrackPointExtension><hr>120</hr><cad>80</cad></TrackPointExtension></extensions></trkpt>
             </trkseg></trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(Sport.Running, activity.Sport);
        Assert.Equal(120f, activity.Streams.HeartRateBpm[0]);
        Assert.Equal(160f, activity.Streams.Cadence[0]);
    }

    [Fact]
    public void Read_TrackPointExtensionV1UnderAnotherPrefix_IsRead()
    {
        // Garmin Connect's GPX (riderx3.gpx) binds TrackPointExtension v1 to ns3.
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" creator="Garmin Connect" version="1.1">
             <trk><type>cycling</type><trkseg>
              <trkpt lat="46.0" lon="14.7"><time>2016-04-02T17:26:09.000Z</time>
               <extensions><ns3:TrackPointExtension><ns3:hr>107</ns3:hr><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>
             </trkseg></trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(Sport.Cycling, activity.Sport);
        Assert.Equal(107f, activity.Streams.HeartRateBpm[0]);
    }

    [Fact]
    public void Read_CyclingCadence_IsKeptAsRpmAndNotAsSteps()
    {
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" version="1.1">
             <trk><type>cycling</type><trkseg>
              <trkpt lat="46.0" lon="14.7"><time>2016-04-02T17:26:09Z</time>
               <extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
             </trkseg></trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(CadenceUnit.RevolutionsPerMinute, activity.CadenceUnit);
        Assert.Equal(90f, activity.Streams.Cadence[0]); // not doubled: pedal revolutions, not one foot's steps
        Assert.Null(activity.AvgCadenceStepsPerMinute);
    }

    [Fact]
    public void Read_ApplePowerExtensionAndRepeatedExtensions_ReadsBoth()
    {
        // Friday-Evening-Run.gpx (Apple Watch) writes two <extensions> per point, the second with PowerInWatts.
        const string xml = """
            <gpx version="1.1" creator="Apple Watch" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
            <trk><type>running</type><trkseg><trkpt lat="51.9" lon="4.06"><ele>6</ele><time>2025-05-02T15:51:15.692Z</time>
            <extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>64</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
            <extensions><gpxtpx:PowerExtension><gpxtpx:PowerInWatts>210</gpxtpx:PowerInWatts></gpxtpx:PowerExtension></extensions>
            </trkpt></trkseg></trk></gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(128f, activity.Streams.Cadence[0]);
        Assert.Equal(210f, activity.Streams.PowerWatts[0]);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 15, 51, 15, 692, TimeSpan.Zero), activity.StartUtc);
    }

    [Fact]
    public void Read_SeveralSegments_ConcatenatesThemAndCountsPausesInElapsedOnly()
    {
        const string xml = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
             <trk><type>running</type>
              <trkseg>
               <trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt>
               <trkpt lat="0" lon="0.0001"><time>2024-01-01T10:00:10Z</time></trkpt>
              </trkseg>
              <trkseg/>
              <trkseg>
               <trkpt lat="0" lon="0.0101"><time>2024-01-01T10:01:10Z</time></trkpt>
               <trkpt lat="0" lon="0.0102"><time>2024-01-01T10:01:20Z</time></trkpt>
              </trkseg>
             </trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(4, activity.Streams.Count);
        Assert.Equal([0f, 10f, 70f, 80f], activity.Streams.ElapsedSeconds);
        Assert.Equal(80.0, activity.ElapsedSeconds);     // pause included
        Assert.Equal(20.0, activity.TimerSeconds);       // two 10 s segments
        Assert.Equal(2 * Step, activity.DistanceMeters!.Value, 5); // the 1.1 km jump across the pause is not run
        Assert.Equal((float)(Step / 10), activity.Streams.SpeedMetersPerSecond[1], 5);
        Assert.Equal((float)(Step / 10), activity.Streams.SpeedMetersPerSecond[2], 5);
    }

    [Fact]
    public void Read_NoElevation_LeavesAltitudeAndAscentOut()
    {
        const string xml = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
             <trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt>
             <trkpt lat="0" lon="0.0001"><time>2024-01-01T10:00:01Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.False(activity.Streams.Has(StreamKind.Altitude));
        Assert.Null(activity.AscentMeters);
        Assert.Null(activity.AvgHeartRateBpm);
        Assert.False(activity.Streams.Has(StreamKind.HeartRate));
    }

    [Fact]
    public void Read_NoPointTimes_StartsAtMetadataTimeWithoutDurationAndSaysSo()
    {
        // Like gpxpy's cerknicko-without-times.gpx: positions only, the file's own time in the metadata.
        const string xml = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
             <metadata><time>2010-08-06T10:36:35Z</time></metadata>
             <trk><trkseg>
              <trkpt lat="0" lon="0"/>
              <trkpt lat="0" lon="0.0001"/>
             </trkseg></trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(new DateTimeOffset(2010, 8, 6, 10, 36, 35, TimeSpan.Zero), activity.StartUtc);
        Assert.Equal(0.0, activity.ElapsedSeconds);
        Assert.Equal(Step, activity.DistanceMeters!.Value, 5);
        Assert.All(activity.Streams.ElapsedSeconds, e => Assert.True(float.IsNaN(e)));
        Assert.False(activity.Streams.Has(StreamKind.Speed));
        Assert.Contains(activity.Problems, p => p.Contains("no track point has a <time>", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TimesWithOffsetsAndFractions_NormaliseToUtcAndKeepTheOffset()
    {
        // track-with-less-sec-time.gpx (gpxpy): NikePlus writes local time with an offset and milliseconds.
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="NikePlus GPX Bridge">
             <trk><type>run</type><trkseg>
              <trkpt lon="9.992872" lat="57.011456"><time>2015-12-11T15:43:13.000+01:00</time></trkpt>
              <trkpt lon="9.992874" lat="57.01147"><time>2015-12-11T15:43:13.994+01:00</time></trkpt>
             </trkseg></trk>
            </gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(new DateTimeOffset(2015, 12, 11, 14, 43, 13, TimeSpan.Zero), activity.StartUtc);
        Assert.Equal(TimeSpan.Zero, activity.StartUtc.Offset);
        Assert.Equal(TimeSpan.FromHours(1), activity.UtcOffset);
        Assert.Equal(0.994, activity.ElapsedSeconds, 9);
        Assert.Equal(Sport.Running, activity.Sport);
    }

    [Fact]
    public void Read_TimeWithoutZone_IsTakenAsUtc()
    {
        const string xml = """
            <gpx><trk><trkseg><trkpt lat="35.794159" lon="-5.832745"><time>2014-02-02T10:23:18</time></trkpt></trkseg></trk></gpx>
            """;

        Assert.Equal(new DateTimeOffset(2014, 2, 2, 10, 23, 18, TimeSpan.Zero), ReadSingle(xml).StartUtc);
    }

    [Fact]
    public void Read_SeveralTracks_ReturnsOneActivityPerNonEmptyTrack()
    {
        const string xml = """
            <gpx version="1.1" creator="MapSource 6.13.7" xmlns="http://www.topografix.com/GPX/1/1">
             <metadata><name>Holiday</name></metadata>
             <trk><name>Tag 1</name><trkseg><trkpt lat="48.28" lon="8.17"><time>2008-07-12T09:58:23Z</time></trkpt></trkseg></trk>
             <trk><name>Empty</name><trkseg></trkseg></trk>
             <trk><trkseg><trkpt lat="48.29" lon="8.18"><time>2008-07-13T07:57:31Z</time></trkpt></trkseg></trk>
            </gpx>
            """;

        var activities = Read(xml);

        Assert.Equal(2, activities.Count);
        Assert.Equal("Tag 1", activities[0].Name);
        Assert.Equal("Holiday", activities[1].Name); // a nameless track takes the file's name
        Assert.Equal(new DateTimeOffset(2008, 7, 13, 7, 57, 31, TimeSpan.Zero), activities[1].StartUtc);
        Assert.All(activities, a => Assert.Equal("MapSource 6.13.7", a.Device));
    }

    [Fact]
    public void Read_Utf8BomAndCdataName_AreHandled()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name><![CDATA[Čez Sweatino]]></name><trkseg>
            <trkpt lat="46.2" lon="15.2"><time>2021-03-27T11:59:16Z</time></trkpt></trkseg></trk></gpx>
            """;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(xml)).ToArray();

        var activity = Assert.Single(GpxReader.Read(new MemoryStream(bytes), Source));

        Assert.Equal("Čez Sweatino", activity.Name);
    }

    [Theory]
    [InlineData("running", Sport.Running, SubSport.Generic)]
    [InlineData("Running", Sport.Running, SubSport.Generic)]
    [InlineData("run", Sport.Running, SubSport.Generic)]
    [InlineData("9", Sport.Running, SubSport.Generic)]
    [InlineData(" trail_running ", Sport.Running, SubSport.Trail)]
    [InlineData("treadmill_running", Sport.Running, SubSport.Treadmill)]
    [InlineData("VirtualRun", Sport.Running, SubSport.Virtual)]
    [InlineData("cycling", Sport.Cycling, SubSport.Generic)]
    [InlineData("1", Sport.Cycling, SubSport.Generic)]
    [InlineData("Ride", Sport.Cycling, SubSport.Generic)]
    [InlineData("walking", Sport.Walking, SubSport.Generic)]
    [InlineData("10", Sport.Walking, SubSport.Generic)]
    [InlineData("hiking", Sport.Hiking, SubSport.Generic)]
    [InlineData("4", Sport.Hiking, SubSport.Generic)]
    [InlineData("swimming", Sport.Swimming, SubSport.Generic)]
    [InlineData("kayaking", Sport.Other, SubSport.Generic)]
    [InlineData("42", Sport.Other, SubSport.Generic)]
    [InlineData("", Sport.Other, SubSport.Generic)]
    public void Read_TrackType_MapsToSport(string type, Sport sport, SubSport subSport)
    {
        var xml = $"""
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>{type}</type><trkseg>
            <trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt></trkseg></trk></gpx>
            """;

        var activity = ReadSingle(xml);

        Assert.Equal(sport, activity.Sport);
        Assert.Equal(subSport, activity.SubSport);
    }

    [Fact]
    public void Read_NoTrackType_IsOtherAndDoesNotCountAsRunningLoad()
    {
        var activity = ReadSingle("""
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="0" lon="0"><time>2024-01-01T10:00:00Z</time></trkpt></trkseg></trk></gpx>
            """);

        Assert.Equal(Sport.Other, activity.Sport);
        Assert.False(activity.CountsAsRunningLoad);
    }
}
