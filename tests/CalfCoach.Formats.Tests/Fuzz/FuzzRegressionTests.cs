using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Fit.Profile;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Tests.Fit;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CalfCoach.Formats.Tests.Fuzz;

/// <summary>
/// Inputs of past crash classes, reduced to their essence: ones the fuzz found that made a reader loop for ever, and the
/// FIT inputs of issue 12 (a file of 20,000 sessions, hostile hr messages). All are also seeds of the decoder fuzz
/// (<see cref="DecoderFuzzTests"/>), so their mutations are explored on every run.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly ActivitySource Source = new("fit", "crash.fit", "h");

    private const string GpxWithTwoNamesAndTypes = """
        <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><metadata><name>a</name><name>b</name></metadata>
        <trk><name>first</name><type>running</type><name>second</name><type>cycling</type>
        <trkseg><trkpt lat="1" lon="2"><time>2026-01-01T00:00:00Z</time></trkpt><trkpt lat="1.001" lon="2"><time>2026-01-01T00:00:10Z</time></trkpt></trkseg></trk></gpx>
        """;

    private const string TcxWithTwoCreatorNames = """
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">
        <Id>2026-01-01T00:00:00Z</Id><Lap StartTime="2026-01-01T00:00:00Z"><TotalTimeSeconds>10</TotalTimeSeconds><Track>
        <Trackpoint><Time>2026-01-01T00:00:00Z</Time></Trackpoint><Trackpoint><Time>2026-01-01T00:00:10Z</Time></Trackpoint></Track></Lap>
        <Creator><Name>Forerunner</Name><Name>again</Name></Creator></Activity></Activities></TrainingCenterDatabase>
        """;

    /// <summary>The GPX or TCX crash classes (endless loops the first fuzz found), named, as fuzz seeds.</summary>
    internal static IEnumerable<(string Name, byte[] Bytes)> XmlCrashClasses(string format) => format == "gpx"
        ? [("two names and types.gpx", Encoding.UTF8.GetBytes(GpxWithTwoNamesAndTypes))]
        : [("two creator names.tcx", Encoding.UTF8.GetBytes(TcxWithTwoCreatorNames))];

    /// <summary>The FIT crash classes, named, as fuzz seeds.</summary>
    internal static IEnumerable<(string Name, byte[] Bytes)> FitCrashClasses()
    {
        yield return ("20,000 sessions.fit", ManySessions(20_000));
        yield return ("hostile hr messages.fit", HostileHrMessages());
    }

    /// <summary>Issue 12: a FIT file of 20,000 one-record sessions became 20,000 runs.</summary>
    private static byte[] ManySessions(int sessions)
    {
        const uint start = 1_000_000_000;
        var builder = new FitFileBuilder()
            .Definition(0, FitProfile.MessageNumber.Record, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(3, FitBaseType.UInt8))
            .Definition(1, FitProfile.MessageNumber.Session, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(2, FitBaseType.UInt32), new FieldSpec(5, FitBaseType.Enum));
        for (var i = 0; i < sessions; i++)
        {
            builder.Data(0, start + (uint)(i * 2), 140);
        }

        for (var i = 0; i < sessions; i++)
        {
            builder.Data(1, start + (uint)(i * 2) + 1, start + (uint)(i * 2), 1);
        }

        return builder.Build();
    }

    /// <summary>
    /// hr messages as a hostile file writes them: deltas before any anchor, more times than values, an anchor with two
    /// times, a counter running backwards, arrays of 255 values and packed times that are all invalid.
    /// </summary>
    private static byte[] HostileHrMessages()
    {
        var builder = new FitFileBuilder()
            .Definition(0, FitProfile.MessageNumber.Record, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(3, FitBaseType.UInt8))
            .Definition(1, FitProfile.MessageNumber.Hr, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(9, FitBaseType.UInt32, 8), new FieldSpec(6, FitBaseType.UInt8, 2))
            .Definition(2, FitProfile.MessageNumber.Hr, new FieldSpec(6, FitBaseType.UInt8, 255), new FieldSpec(10, FitBaseType.Byte, 255))
            .Definition(3, FitProfile.MessageNumber.Hr, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(1, FitBaseType.UInt8), new FieldSpec(9, FitBaseType.UInt32), new FieldSpec(6, FitBaseType.UInt8));
        for (uint t = 0; t < 60; t++)
        {
            builder.Data(0, 1000 + t, 120);
        }

        var packed = new byte[255];
        new Random(12).NextBytes(packed); // fixed: a regression input must be the same every run
        builder.Data(2, Enumerable.Repeat((byte)150, 255).ToArray(), packed);                 // before any anchor
        builder.Data(1, 1000u, 5000u, new byte[] { 100, 101 });                               // an anchor with two times
        builder.Data(3, 1000u, 128, 4096u, 100);                                              // a good anchor (time256 = 0.5 s)
        builder.Data(2, Enumerable.Repeat((byte)150, 255).ToArray(), packed);                 // 255 values, 170 times
        builder.Data(2, Enumerable.Repeat((byte)0xFF, 255).ToArray(), Enumerable.Repeat((byte)0xFF, 255).ToArray());
        builder.Data(3, 1030u, 0, 10u, 90);                                                   // the counter runs backwards
        builder.Data(3, 1040u, 0, uint.MaxValue - 5, 95);                                     // near the counter's wrap
        builder.Data(3, 1041u, 0, 4096u, 96);                                                 // past it
        return builder.Build();
    }

    [Fact]
    public void A_fit_file_of_20000_sessions_is_one_activity_decoded_quickly_and_not_counted()
    {
        var bytes = ManySessions(20_000);
        var clock = Stopwatch.StartNew();

        var activity = Assert.Single(FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(bytes), Source));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.StartsWith("the file has 20000 sessions;", activity.NotCountedBecause, StringComparison.Ordinal);
        Assert.Equal(20_000, activity.Streams.Count);
    }

    [Fact]
    public void Hostile_hr_messages_are_skipped_with_one_problem_and_never_throw()
    {
        var fit = new FitActivityDecoder().Decode(HostileHrMessages());

        Assert.False(fit.IsPartial);
        var problem = Assert.Single(fit.Problems);
        Assert.Contains("hr message", problem.Message, StringComparison.Ordinal);
        Assert.Equal(60, fit.Records.Count);
        Assert.Single(FitActivityConverter.ToActivities(fit, Source));
    }

    [Fact]
    public void A_gpx_track_with_two_names_and_two_types_is_read_and_keeps_the_first()
    {


        var activity = Assert.Single(GpxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(GpxWithTwoNamesAndTypes)), new ActivitySource("gpx", "t.gpx", "h")));

        Assert.Equal("first", activity.Name);
        Assert.Equal(Sport.Running, activity.Sport);
    }

    [Fact]
    public void A_tcx_creator_with_two_names_is_read()
    {


        var activity = Assert.Single(TcxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(TcxWithTwoCreatorNames)), new ActivitySource("tcx", "t.tcx", "h")));

        Assert.Equal(Sport.Running, activity.Sport);
    }
}
