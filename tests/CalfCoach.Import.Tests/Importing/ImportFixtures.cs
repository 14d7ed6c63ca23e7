using System.Globalization;
using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Import.Tests.Importing;

/// <summary>Generated activity files: real FIT and GPX bytes written from synthetic runs.</summary>
internal static class ImportFixtures
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    public static Activity Run(int day, double km = 6, int seed = 0, string? gear = null) =>
        SyntheticRun.Generate(new SyntheticRunSpec(Monday.AddDays(day), km, 320, 166, Gear: gear), seed == 0 ? day + 1 : seed);

    public static byte[] Fit(Activity activity) => FitActivityWriter.Write(activity);

    public static byte[] FitRun(int day, double km = 6) => Fit(Run(day, km));

    public static byte[] FitRide(int day) => Fit(Run(day, 20) with { Sport = Sport.Cycling });

    /// <summary>A GPX export of the same run: positions, time and heart rate only (poorer than the FIT file).</summary>
    public static byte[] Gpx(Activity activity)
    {
        var s = activity.Streams;
        var text = new StringBuilder();
        text.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="Strava" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
            <trk><name>Morning Run</name><type>running</type><trkseg>
            """);
        for (var i = 0; i < s.Count; i += 5)
        {
            var time = activity.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"<trkpt lat=\"{s.LatitudeDegrees[i]:F7}\" lon=\"{s.LongitudeDegrees[i]:F7}\"><time>{time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{s.HeartRateBpm[i]:F0}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n");
        }

        text.Append("</trkseg></trk></gpx>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
