using System.Globalization;
using System.Text;
using CalfCoach.Core.Activities;

namespace CalfCoach.Testing;

/// <summary>
/// A GPX export of a generated run, as Strava writes one: positions, time and heart rate of every fifth
/// sample, so it is poorer than the FIT file of the same run.
/// </summary>
internal static class GpxExport
{
    public static byte[] Of(Activity activity)
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
