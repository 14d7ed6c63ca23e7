using System.Globalization;
using System.Text.RegularExpressions;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Tests.Gpx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Tcx;

/// <summary>End-to-end checks of <see cref="TcxReader"/> on real files from the shared corpus (see <see cref="RealXmlFiles"/>).</summary>
public sealed partial class TcxRealFileTests
{
    public static TheoryData<string> ActivityFiles =>
    [
        "firefly-cpp_sport-activities-features/11.tcx",
        "firefly-cpp_tcx-test-files/pool_swim-activity_1.tcx",
        "firefly-cpp_tcx-test-files/running_activity_1.tcx",
        "firefly-cpp_tcx-test-files/sup_activity_1.tcx",
        "firefly-cpp_tcx-test-files/sup_activity_3.tcx.gz",
        "firefly-cpp_tcx-test-files/walking_activity_1.tcx",
        "placemark_togeojson/garmin_connect.tcx",
        "placemark_togeojson/sample.tcx",
        "placemark_togeojson/tour_hr.tcx",
        "vkurup_python-tcxparser/no_hr.tcx",
        "vkurup_python-tcxparser/test.tcx",
    ];

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void Read_RealFile_MatchesATextScanOfTheFile(string file)
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text(file);

        var activity = Assert.Single(Read(file));

        // Independent expectations: every <Trackpoint>, the <Id>, and the laps' own totals, found by plain regexes.
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "Trackpoint"), activity.Streams.Count);
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "Lap"), activity.Laps.Count);
        Assert.Equal(Instant(IdRegex().Match(text).Groups[1].Value), activity.StartUtc);
        var lapTotals = LapTotalsRegex().Matches(text);
        Assert.Equal(lapTotals.Sum(m => Number(m.Groups[1].Value)), activity.TimerSeconds!.Value, 6);
        Assert.Equal(lapTotals.Sum(m => Number(m.Groups[2].Value)), activity.DistanceMeters!.Value, 6);
        Assert.False(activity.IsPartial);
        Assert.Empty(activity.Problems);
        Assert.True(activity.ElapsedSeconds >= activity.TimerSeconds - 1);
    }

    [Fact]
    public void Read_PythonTcxparserTestFile_MatchesItsExpectations()
    {
        // Expected values from vkurup/python-tcxparser tests/test_tcxparser.py (TestParseTCX, file tests/files/test.tcx).
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var run = Assert.Single(Read("vkurup_python-tcxparser/test.tcx"));
        var streams = run.Streams;

        Assert.Equal(Sport.Running, run.Sport);                                     // activity_type 'running'
        Assert.Equal(Instant("2012-12-26T21:29:53Z"), run.StartUtc);                 // started_at
        Assert.Equal(Instant("2012-12-26T22:03:05Z"), run.StartUtc.AddSeconds(streams.ElapsedSeconds[^1])); // completed_at
        Assert.Equal(1992.78, run.TimerSeconds!.Value, 6);                           // duration (sum of laps)
        Assert.Equal(189.0, run.MaxHeartRateBpm);                                    // hr_max
        Assert.Equal(62f, streams.HeartRateBpm[0]);                                  // hr_values()[0]
        Assert.Equal(180f, streams.HeartRateBpm.Last(h => !float.IsNaN(h)));         // hr_values()[-1]
        Assert.Equal(60f, streams.HeartRateBpm.Where(h => !float.IsNaN(h)).Min());   // hr_min
        Assert.Equal(156, (int)streams.HeartRateBpm.Where(h => !float.IsNaN(h)).Average(h => (double)h)); // hr_avg (int)
        Assert.Equal(178.942626953f, streams.AltitudeMeters[0]);                     // altitude_points()[0]
        Assert.Equal(166.4453125f, streams.AltitudeMeters.Last(a => !float.IsNaN(a))); // altitude_points()[-1]
        Assert.Equal(35.951880198, streams.LatitudeDegrees[0]);                     // latitude
        Assert.Equal(-79.0931872185, streams.LongitudeDegrees[0]);                   // longitude
        Assert.Equal(35.9519544616, streams.LatitudeDegrees.Last(l => !double.IsNaN(l)));   // position_values()[-1]
        Assert.Equal(-79.0930143837, streams.LongitudeDegrees.Last(l => !double.IsNaN(l)));
        Assert.Equal(4686.31103516f, streams.DistanceMeters.Last(d => !float.IsNaN(d))); // distance (last trackpoint)
        Assert.Equal(0f, streams.DistanceMeters[0]);

        // The device's own total is the laps' sum (1609.34399414 × 2 + 1470.5546875), 3 m more than its last sample.
        Assert.Equal(4689.24267578, run.DistanceMeters!.Value, 6);
        Assert.Equal("Forerunner 410 Software Version 2.20", run.Device);
    }

    [Fact]
    public void Read_SameRunWithoutHeartRate_DiffersOnlyInHeartRate()
    {
        // python-tcxparser's no_hr.tcx is test.tcx with the heart-rate data removed (its SOURCE.md).
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var withHeartRate = Assert.Single(Read("vkurup_python-tcxparser/test.tcx"));
        var without = Assert.Single(Read("vkurup_python-tcxparser/no_hr.tcx"));

        Assert.False(without.Streams.Has(StreamKind.HeartRate));
        Assert.Null(without.AvgHeartRateBpm);
        Assert.Null(without.MaxHeartRateBpm);
        Assert.Equal(withHeartRate.DistanceMeters, without.DistanceMeters);
        Assert.Equal(withHeartRate.Streams.Count, without.Streams.Count);
    }

    [Fact]
    public void Read_LocalTimesWithOffset_NormaliseToUtcAndKeepTheOffset()
    {
        // placemark/togeojson tour_hr.tcx (Fitbit Versa): <Id>2020-12-27T15:43:49.000+01:00</Id>.
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var ride = Assert.Single(Read("placemark_togeojson/tour_hr.tcx"));

        Assert.Equal(new DateTimeOffset(2020, 12, 27, 14, 43, 49, TimeSpan.Zero), ride.StartUtc);
        Assert.Equal(TimeSpan.Zero, ride.StartUtc.Offset);
        Assert.Equal(TimeSpan.FromHours(1), ride.UtcOffset);
        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.Equal("Fitbit Versa", ride.Device);
        // Its trackpoints start 15:59:36 local, 947 s after the lap start.
        Assert.Equal(947f, ride.Streams.ElapsedSeconds[0]);
    }

    [Fact]
    public void Read_PoolSwim_HasDistancesWithoutPositions()
    {
        // firefly-cpp pool_swim-activity_1.tcx: Sport="Other", 32 trackpoints, no positions (SOURCE.md).
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var swim = Assert.Single(Read("firefly-cpp_tcx-test-files/pool_swim-activity_1.tcx"));

        Assert.Equal(Sport.Other, swim.Sport);
        Assert.Equal(32, swim.Streams.Count);
        Assert.False(swim.Streams.Has(StreamKind.Position));
        Assert.Equal(1500f, swim.Streams.DistanceMeters[^1]);
        Assert.Equal("vívoactive HR", swim.Device);
    }

    [Fact]
    public void Read_BikeFileWithCadence_KeepsItAsRpm()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text("firefly-cpp_sport-activities-features/11.tcx");

        var ride = Assert.Single(Read("firefly-cpp_sport-activities-features/11.tcx"));

        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.Equal(CadenceUnit.RevolutionsPerMinute, ride.CadenceUnit);
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "Cadence") - 1, ride.Streams.CountPresent(StreamKind.Cadence)); // less the lap's
        Assert.Null(ride.AvgCadenceStepsPerMinute);
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "ns3:Watts"), ride.Streams.CountPresent(StreamKind.Power));
        Assert.Equal(RealXmlFiles.CountOpeningTags(text, "ns3:Speed"), ride.Streams.CountPresent(StreamKind.Speed));
        Assert.Equal(127.0, ride.AvgHeartRateBpm); // the lap's AverageHeartRateBpm
        Assert.Equal(178.0, ride.MaxHeartRateBpm);
    }

    [Fact]
    public void Read_Forerunner910Run_HasFifteenLapsWithAverageSpeeds()
    {
        // firefly-cpp running_activity_1.tcx: Forerunner 910XT, 15 laps (SOURCE.md), LX AvgSpeed on each.
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var text = RealXmlFiles.Text("firefly-cpp_tcx-test-files/running_activity_1.tcx");

        var run = Assert.Single(Read("firefly-cpp_tcx-test-files/running_activity_1.tcx"));

        Assert.Equal(15, run.Laps.Count);
        Assert.Equal("Garmin Forerunner 910XT", run.Device);
        var lxSpeeds = AvgSpeedRegex().Matches(text).Select(m => Number(m.Groups[1].Value)).ToList();
        Assert.Equal(lxSpeeds, run.Laps.Select(l => l.AvgSpeedMetersPerSecond!.Value));
        Assert.Equal(1000.0, run.Laps[0].DistanceMeters);
        Assert.Equal(201.0, run.Laps[0].TimerSeconds);
    }

    [Fact]
    public void Read_CourseFile_Throws()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);

        var ex = Assert.Throws<XmlActivityFormatException>(() => Read("placemark_togeojson/tcx-courses.tcx"));

        Assert.Contains("course", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RealFileCutInHalf_KeepsEveryCompleteTrackpointAndIsPartial()
    {
        Assert.SkipUnless(RealXmlFiles.Folder is not null, RealXmlFiles.SkipReason);
        var bytes = RealXmlFiles.Bytes("vkurup_python-tcxparser/test.tcx");
        var half = bytes.AsSpan(0, bytes.Length / 2).ToArray();
        var complete = RealXmlFiles.CountOpeningTags(System.Text.Encoding.UTF8.GetString(half), "/Trackpoint");

        var run = Assert.Single(TcxReader.Read(new MemoryStream(half), new ActivitySource("tcx", "half.tcx", "test")));

        Assert.True(run.IsPartial);
        Assert.Equal(complete, run.Streams.Count);
        Assert.Contains(run.Problems, p => p.StartsWith("line ", StringComparison.Ordinal) && p.Contains("partial", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Activity> Read(string file) =>
        TcxReader.Read(new MemoryStream(RealXmlFiles.Bytes(file)), new ActivitySource("tcx", file, "test"));

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<Id>\s*([^<]+?)\s*</Id>")]
    private static partial Regex IdRegex();

    /// <summary>A lap's TotalTimeSeconds followed by its DistanceMeters (trackpoints have no TotalTimeSeconds).</summary>
    [GeneratedRegex(@"<TotalTimeSeconds>([^<]+)</TotalTimeSeconds>\s*<DistanceMeters>([^<]+)</DistanceMeters>")]
    private static partial Regex LapTotalsRegex();

    [GeneratedRegex(@"<ns3:AvgSpeed>([^<]+)</ns3:AvgSpeed>")]
    private static partial Regex AvgSpeedRegex();
}
