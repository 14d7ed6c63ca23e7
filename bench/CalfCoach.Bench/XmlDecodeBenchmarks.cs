using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;

namespace CalfCoach.Bench;

/// <summary>
/// GPX and TCX reading over a generated one-hour run at 1 Hz, written the way Garmin Connect and Strava
/// export them (position, elevation, time, heart rate and cadence in Garmin's extensions).
/// MB/s = file size ÷ mean time (the sizes are printed by <see cref="Setup"/>).
/// </summary>
[MemoryDiagnoser]
public class XmlDecodeBenchmarks
{
    private static readonly ActivitySource Source = new("gpx", "bench", "h");
    private byte[] _gpx = [];
    private byte[] _tcx = [];

    [GlobalSetup]
    public void Setup()
    {
        var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), 12, 300, 168), seed: 1);
        _gpx = Gpx(run);
        _tcx = Tcx(run);
        Console.WriteLine($"// GPX {_gpx.Length} bytes, TCX {_tcx.Length} bytes, {run.Streams.Count} points");
    }

    [Benchmark(Description = "GpxReader.Read")]
    public int ReadGpx() => GpxReader.Read(new MemoryStream(_gpx, writable: false), Source)[0].Streams.Count;

    [Benchmark(Description = "TcxReader.Read")]
    public int ReadTcx() => TcxReader.Read(new MemoryStream(_tcx, writable: false), Source)[0].Streams.Count;

    internal static byte[] Gpx(Activity run)
    {
        var s = run.Streams;
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Garmin Connect" xmlns="http://www.topografix.com/GPX/1/1" xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><name>Run</name><type>running</type><trkseg>""");
        for (var i = 0; i < s.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n<trkpt lat=\"{s.LatitudeDegrees[i]:F14}\" lon=\"{s.LongitudeDegrees[i]:F14}\"><ele>{s.AltitudeMeters[i]:F1}</ele><time>{run.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</time><extensions><ns3:TrackPointExtension><ns3:hr>{s.HeartRateBpm[i]:F0}</ns3:hr><ns3:cad>{s.Cadence[i] / 2:F0}</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</trkseg></trk></gpx>").ToString());
    }

    internal static byte[] Tcx(Activity run)
    {
        var s = run.Streams;
        var start = run.StartUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var text = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities><Activity Sport="Running"><Id>{start}</Id><Lap StartTime="{start}"><TotalTimeSeconds>{run.ElapsedSeconds}</TotalTimeSeconds><DistanceMeters>{run.DistanceMeters}</DistanceMeters><Track>""");
        for (var i = 0; i < s.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n<Trackpoint><Time>{run.StartUtc.AddSeconds(s.ElapsedSeconds[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</Time><Position><LatitudeDegrees>{s.LatitudeDegrees[i]:F14}</LatitudeDegrees><LongitudeDegrees>{s.LongitudeDegrees[i]:F14}</LongitudeDegrees></Position><AltitudeMeters>{s.AltitudeMeters[i]:F1}</AltitudeMeters><DistanceMeters>{s.DistanceMeters[i]:F2}</DistanceMeters><HeartRateBpm><Value>{s.HeartRateBpm[i]:F0}</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:Speed>{s.SpeedMetersPerSecond[i]:F3}</ns3:Speed><ns3:RunCadence>{s.Cadence[i] / 2:F0}</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>");
        }

        return Encoding.UTF8.GetBytes(text.Append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").ToString());
    }
}
