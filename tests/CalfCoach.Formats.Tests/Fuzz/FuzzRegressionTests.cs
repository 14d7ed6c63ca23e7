using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;

namespace CalfCoach.Formats.Tests.Fuzz;

/// <summary>Inputs the fuzz tests found that once made a reader loop for ever, reduced to their essence.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void A_gpx_track_with_two_names_and_two_types_is_read_and_keeps_the_first()
    {
        const string gpx = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><metadata><name>a</name><name>b</name></metadata>
            <trk><name>first</name><type>running</type><name>second</name><type>cycling</type>
            <trkseg><trkpt lat="1" lon="2"><time>2026-01-01T00:00:00Z</time></trkpt><trkpt lat="1.001" lon="2"><time>2026-01-01T00:00:10Z</time></trkpt></trkseg></trk></gpx>
            """;

        var activity = Assert.Single(GpxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(gpx)), new ActivitySource("gpx", "t.gpx", "h")));

        Assert.Equal("first", activity.Name);
        Assert.Equal(Sport.Running, activity.Sport);
    }

    [Fact]
    public void A_tcx_creator_with_two_names_is_read()
    {
        const string tcx = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">
            <Id>2026-01-01T00:00:00Z</Id><Lap StartTime="2026-01-01T00:00:00Z"><TotalTimeSeconds>10</TotalTimeSeconds><Track>
            <Trackpoint><Time>2026-01-01T00:00:00Z</Time></Trackpoint><Trackpoint><Time>2026-01-01T00:00:10Z</Time></Trackpoint></Track></Lap>
            <Creator><Name>Forerunner</Name><Name>again</Name></Creator></Activity></Activities></TrainingCenterDatabase>
            """;

        var activity = Assert.Single(TcxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(tcx)), new ActivitySource("tcx", "t.tcx", "h")));

        Assert.Equal(Sport.Running, activity.Sport);
    }
}
