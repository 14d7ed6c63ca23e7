using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Tcx;

public sealed class TcxReaderTests
{
    /// <summary>1e-4° along the equator on the mean sphere: 6 371 008.8 m × π/180 × 1e-4.</summary>
    private const double Step = 11.119508023;

    private static readonly ActivitySource Source = new("tcx", "test.tcx", "0000");

    /// <summary>
    /// A run of two laps with a 20 s pause between them (lap 1 ends 06:01:40, lap 2 starts 06:02:00), written like
    /// Garmin Connect (ns3 ActivityExtension v2), followed by a ride in local time that has positions but no distances.
    /// </summary>
    private const string TwoActivities = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <Activities>
          <Activity Sport="Running">
           <Id>2024-05-01T06:00:00.000Z</Id>
           <Lap StartTime="2024-05-01T06:00:00.000Z">
            <TotalTimeSeconds>100</TotalTimeSeconds>
            <DistanceMeters>300</DistanceMeters>
            <AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
            <MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>
            <Intensity>Active</Intensity>
            <TriggerMethod>Manual</TriggerMethod>
            <Track>
             <Trackpoint>
              <Time>2024-05-01T06:00:00.000Z</Time>
              <Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position>
              <AltitudeMeters>10</AltitudeMeters>
              <DistanceMeters>0</DistanceMeters>
              <HeartRateBpm><Value>130</Value></HeartRateBpm>
              <SensorState>Present</SensorState>
              <Extensions><ns3:TPX><ns3:Speed>2.5</ns3:Speed><ns3:RunCadence>80</ns3:RunCadence></ns3:TPX></Extensions>
             </Trackpoint>
             <Trackpoint>
              <Time>2024-05-01T06:01:40.000Z</Time>
              <AltitudeMeters>20</AltitudeMeters>
              <DistanceMeters>300</DistanceMeters>
              <HeartRateBpm><Value>150</Value></HeartRateBpm>
              <Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed><ns3:RunCadence>90</ns3:RunCadence></ns3:TPX></Extensions>
             </Trackpoint>
            </Track>
            <Extensions><ns3:LX><ns3:AvgSpeed>3.0</ns3:AvgSpeed><ns3:AvgRunCadence>85</ns3:AvgRunCadence></ns3:LX></Extensions>
           </Lap>
           <Lap StartTime="2024-05-01T06:02:00.000Z">
            <TotalTimeSeconds>60</TotalTimeSeconds>
            <DistanceMeters>200</DistanceMeters>
            <AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>
            <MaximumHeartRateBpm><Value>170</Value></MaximumHeartRateBpm>
            <Track>
             <Trackpoint>
              <Time>2024-05-01T06:02:00.000Z</Time>
              <DistanceMeters>300</DistanceMeters>
              <HeartRateBpm><Value>155</Value></HeartRateBpm>
              <Extensions><ns3:TPX><ns3:RunCadence>88</ns3:RunCadence></ns3:TPX></Extensions>
             </Trackpoint>
             <Trackpoint>
              <Time>2024-05-01T06:03:00.000Z</Time>
              <DistanceMeters>500</DistanceMeters>
              <HeartRateBpm><Value>165</Value></HeartRateBpm>
              <Extensions><ns3:TPX><ns3:RunCadence>92</ns3:RunCadence></ns3:TPX></Extensions>
             </Trackpoint>
            </Track>
            <Extensions><ns3:LX><ns3:AvgRunCadence>90</ns3:AvgRunCadence></ns3:LX></Extensions>
           </Lap>
           <Creator xsi:type="Device_t"><Name>Forerunner 965</Name><UnitId>1</UnitId></Creator>
          </Activity>
          <Activity Sport="Biking">
           <Id>2024-05-02T17:00:00+02:00</Id>
           <Lap StartTime="2024-05-02T17:00:00+02:00">
            <TotalTimeSeconds>20</TotalTimeSeconds>
            <Cadence>80</Cadence>
            <Track>
             <Trackpoint><Time>2024-05-02T17:00:00+02:00</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position><Cadence>80</Cadence></Trackpoint>
             <Trackpoint><Time>2024-05-02T17:00:10+02:00</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0.0001</LongitudeDegrees></Position><Cadence>82</Cadence></Trackpoint>
             <Trackpoint><Time>2024-05-02T17:00:20+02:00</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0.0002</LongitudeDegrees></Position><Cadence>84</Cadence></Trackpoint>
            </Track>
           </Lap>
          </Activity>
         </Activities>
         <Author xsi:type="Application_t"><Name>Connect Api</Name></Author>
        </TrainingCenterDatabase>
        """;

    private static IReadOnlyList<Activity> Read(string xml) => TcxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Source);

    [Fact]
    public void Read_SeveralActivities_ReturnsThemAllInOrder()
    {
        var activities = Read(TwoActivities);

        Assert.Equal(2, activities.Count);
        Assert.Equal(Sport.Running, activities[0].Sport);
        Assert.Equal(Sport.Cycling, activities[1].Sport);
        Assert.All(activities, a => Assert.False(a.IsPartial));
        Assert.All(activities, a => Assert.Empty(a.Problems));
    }

    [Fact]
    public void Read_Run_TakesTotalsFromTheLaps()
    {
        var run = Read(TwoActivities)[0];

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 6, 0, 0, TimeSpan.Zero), run.StartUtc);
        Assert.Null(run.UtcOffset);
        Assert.Equal("Forerunner 965", run.Device);
        Assert.Equal(180.0, run.ElapsedSeconds);  // 06:00:00 → 06:03:00, the pause included
        Assert.Equal(160.0, run.TimerSeconds);    // 100 + 60
        Assert.Equal(500.0, run.DistanceMeters);  // 300 + 200
        Assert.Equal(147.5, run.AvgHeartRateBpm); // (140·100 + 160·60) / 160
        Assert.Equal(170.0, run.MaxHeartRateBpm);
        Assert.Equal(173.75, run.AvgCadenceStepsPerMinute); // (2·85·100 + 2·90·60) / 160
        Assert.Equal(10.0, run.AscentMeters);
    }

    [Fact]
    public void Read_Run_BuildsLapsWithStepsPerMinute()
    {
        var laps = Read(TwoActivities)[0].Laps;

        Assert.Equal(2, laps.Count);
        Assert.Equal(
            new ActivityLap(new DateTimeOffset(2024, 5, 1, 6, 0, 0, TimeSpan.Zero), 120, 100, 300, 140, 170, 3.0),
            laps[0]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 6, 2, 0, TimeSpan.Zero), laps[1].StartUtc);
        Assert.Equal(60, laps[1].ElapsedSeconds);
        Assert.Equal(180, laps[1].AvgCadenceStepsPerMinute);
        Assert.Equal(200.0 / 60, laps[1].AvgSpeedMetersPerSecond!.Value, 9); // no LX AvgSpeed: distance / timer
    }

    [Fact]
    public void Read_Run_UsesTheFilesDistanceAndSpeedWhereItHasThem()
    {
        var streams = Read(TwoActivities)[0].Streams;

        Assert.Equal(4, streams.Count);
        Assert.Equal([0f, 100f, 120f, 180f], streams.ElapsedSeconds);
        Assert.Equal([0f, 300f, 300f, 500f], streams.DistanceMeters);
        Assert.Equal(2.5f, streams.SpeedMetersPerSecond[0]);
        Assert.Equal(3.0f, streams.SpeedMetersPerSecond[1]);
        // No ns3:Speed in the second Track: derived within it, 200 m over 60 s.
        Assert.Equal(200f / 60, streams.SpeedMetersPerSecond[2], 5);
        Assert.Equal(200f / 60, streams.SpeedMetersPerSecond[3], 5);
        Assert.Equal([130f, 150f, 155f, 165f], streams.HeartRateBpm);
        Assert.Equal([160f, 180f, 176f, 184f], streams.Cadence); // RunCadence is per foot
        Assert.Equal(1, streams.CountPresent(StreamKind.Position));
    }

    [Fact]
    public void Read_RideWithoutDistances_DerivesThemAndKeepsCadenceAsRpm()
    {
        var ride = Read(TwoActivities)[1];

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 15, 0, 0, TimeSpan.Zero), ride.StartUtc);
        Assert.Equal(TimeSpan.FromHours(2), ride.UtcOffset);
        Assert.Equal(20.0, ride.ElapsedSeconds);
        Assert.Equal(20.0, ride.TimerSeconds);
        Assert.Equal(2 * Step, ride.DistanceMeters!.Value, 5);
        Assert.Equal((float)(2 * Step), ride.Streams.DistanceMeters[2], 3);
        Assert.All(ride.Streams.SpeedMetersPerSecond, s => Assert.Equal(Step / 10, s, 4));
        Assert.Equal(CadenceUnit.RevolutionsPerMinute, ride.CadenceUnit);
        Assert.Equal([80f, 82f, 84f], ride.Streams.Cadence);
        Assert.Null(ride.AvgCadenceStepsPerMinute);
        Assert.Null(ride.Laps[0].AvgCadenceStepsPerMinute);
        Assert.Null(ride.AvgHeartRateBpm);
        Assert.Null(ride.Device);
    }

    [Fact]
    public void Read_TrackpointWithoutPositionOrDistance_IsKept()
    {
        // python-tcxparser issue 11 (tests/test_tcxparser.py test_no_error_if_no_position), with a time added.
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
             <Activities><Activity Sport="Other"><Id>2022-08-26T16:35:13Z</Id><Lap>
              <Track><Trackpoint><Time>2022-08-26T16:35:13Z</Time><DistanceMeters>5</DistanceMeters></Trackpoint></Track>
             </Lap></Activity></Activities>
            </TrainingCenterDatabase>
            """;

        var activity = Assert.Single(Read(xml));

        Assert.Equal(Sport.Other, activity.Sport);
        Assert.Equal(5.0, activity.DistanceMeters);
        Assert.False(activity.Streams.Has(StreamKind.Position));
        Assert.Equal(new DateTimeOffset(2022, 8, 26, 16, 35, 13, TimeSpan.Zero), activity.Laps[0].StartUtc); // from its trackpoint
    }

    [Fact]
    public void Read_NoIdAndNoLapStart_StartsAtTheFirstTrackpoint()
    {
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
             <Activities><Activity Sport="Running"><Lap><Track>
              <Trackpoint><Time>2020-01-01T08:00:05Z</Time></Trackpoint>
              <Trackpoint><Time>2020-01-01T08:00:15Z</Time></Trackpoint>
             </Track></Lap></Activity></Activities>
            </TrainingCenterDatabase>
            """;

        var activity = Assert.Single(Read(xml));

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 8, 0, 5, TimeSpan.Zero), activity.StartUtc);
        Assert.Equal(10.0, activity.ElapsedSeconds);
        Assert.Null(activity.TimerSeconds);
    }

    [Fact]
    public void Read_FileCutInsideATrackpoint_KeepsTheLapsAndPointsBeforeAndIsPartial()
    {
        var cut = TwoActivities[..TwoActivities.IndexOf("<Time>2024-05-01T06:03:00.000Z</Time>", StringComparison.Ordinal)];

        var activity = Assert.Single(Read(cut));

        Assert.True(activity.IsPartial);
        Assert.Equal(3, activity.Streams.Count);
        Assert.Equal(2, activity.Laps.Count);
        Assert.Equal(500.0, activity.DistanceMeters); // lap totals came before the cut
        var problem = Assert.Single(activity.Problems);
        Assert.StartsWith("line ", problem, StringComparison.Ordinal);
        Assert.Contains("3 samples", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileCutBetweenActivities_KeepsTheFirstActivityAndMarksItPartial()
    {
        var cut = TwoActivities[..(TwoActivities.IndexOf("<Activity Sport=\"Biking\">", StringComparison.Ordinal) + 10)];

        var activity = Assert.Single(Read(cut));

        Assert.True(activity.IsPartial);
        Assert.Equal(4, activity.Streams.Count);
    }

    [Fact]
    public void Read_FileCutInsideTheSecondActivitysId_KeepsTheFirstActivity()
    {
        var cut = TwoActivities[..(TwoActivities.IndexOf("<Id>2024-05-02", StringComparison.Ordinal) + 8)];

        var activity = Assert.Single(Read(cut));

        Assert.True(activity.IsPartial);
        Assert.Equal(Sport.Running, activity.Sport);
    }

    [Fact]
    public void Read_CourseFile_ThrowsSayingItIsNotAnActivity()
    {
        // placemark/togeojson tcx-courses.tcx holds <Courses> only.
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("""
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
             <Courses><Course><Name>Loop</Name><Track><Trackpoint><Time>2020-01-01T00:00:00Z</Time></Trackpoint></Track></Course></Courses>
            </TrainingCenterDatabase>
            """));

        Assert.Contains("no <Activity>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ActivityWithoutAnyTime_ThrowsNamingItsLine()
    {
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("""
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
             <Activities>
              <Activity Sport="Running"><Id>not-a-time</Id><Lap><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint></Track></Lap></Activity>
             </Activities>
            </TrainingCenterDatabase>
            """));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("no start time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Dtd_IsRefused()
    {
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("""
            <?xml version="1.0"?>
            <!DOCTYPE TrainingCenterDatabase [<!ENTITY x SYSTEM "http://example.com/x">]>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities/></TrainingCenterDatabase>
            """));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GpxDocument_ThrowsNamingTheRootElement()
    {
        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>"));

        Assert.Contains("<gpx>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CutBeforeTheFirstTrackpoint_Throws()
    {
        var cut = TwoActivities[..TwoActivities.IndexOf("<Track>", StringComparison.Ordinal)];

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read(cut));

        Assert.True(ex.LineNumber > 0);
    }

    [Theory]
    [InlineData("Running", Sport.Running)]
    [InlineData("Biking", Sport.Cycling)]
    [InlineData("Other", Sport.Other)]
    [InlineData("Walking", Sport.Walking)]
    public void Read_SportAttribute_MapsToSport(string sport, Sport expected)
    {
        var xml = $"""
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
             <Activities><Activity Sport="{sport}"><Id>2020-01-01T08:00:00Z</Id></Activity></Activities>
            </TrainingCenterDatabase>
            """;

        var activity = Assert.Single(Read(xml));

        Assert.Equal(expected, activity.Sport);
        Assert.Equal(0, activity.Streams.Count);
        Assert.Equal(0.0, activity.ElapsedSeconds);
    }
}
