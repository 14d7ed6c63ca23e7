using System.Xml;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Gpx;

/// <summary>
/// Reads GPX 1.0 and 1.1 tracks into <see cref="Activity"/> values, one per <c>&lt;trk&gt;</c> that has points, streaming
/// with a forward-only <see cref="XmlReader"/> (no DOM; memory grows only with the output columns).
/// </summary>
/// <remarks>
/// <para>
/// <b>One activity per track.</b> Exports from Strava, Garmin Connect and watches hold one track per activity; files
/// with several (a GPS unit's day-by-day log, MapSource) hold separate outings, so merging them would invent one
/// activity spanning days. Segments of a track are one activity: their gaps are pauses and count in the elapsed time.
/// Routes and waypoints are plans, not recordings, and are ignored.
/// </para>
/// <para>
/// <b>What is read.</b> Position, <c>&lt;ele&gt;</c>, <c>&lt;time&gt;</c> (and GPX 1.0's <c>&lt;speed&gt;</c>) of each
/// <c>&lt;trkpt&gt;</c>; the track's
/// <c>&lt;name&gt;</c> and <c>&lt;type&gt;</c> (sport, see <see cref="ActivityTypeNames"/>); the metadata name and time;
/// the <c>creator</c> attribute as the device. Inside a point's <c>&lt;extensions&gt;</c> leaves are matched by local
/// name whatever their prefix or namespace (Garmin TrackPointExtension v1/v2 as <c>gpxtpx:</c>, <c>ns3:</c>, <c>tp1:</c>
/// or none; Strava's <c>&lt;power&gt;</c>; Apple's <c>PowerInWatts</c>): <c>hr</c>, <c>cad</c>, <c>atemp</c>,
/// <c>power</c>, <c>speed</c>. Cadence is per foot for foot sports and is doubled to steps per minute; for other sports
/// it is kept as recorded in the sport's unit (rpm for cycling, <see cref="Activity.CadenceUnit"/>).
/// </para>
/// <para>
/// <b>Derived values.</b> Distance from positions (haversine, within segments), speed over a window of at least two
/// seconds, ascent with a 3 m hysteresis: see <see cref="Geo.TrackDerivation"/>. GPX has no laps and no timer, so
/// <see cref="Activity.TimerSeconds"/> is the sum of segment durations when there are several segments (the only pause
/// marker GPX has), and null otherwise.
/// </para>
/// <para>
/// <b>Damage.</b> XML damage after some points keeps every complete point before it; each activity of the file is then
/// <see cref="Activity.IsPartial"/> and carries the problem with its line. Unreadable values (a non-numeric
/// <c>&lt;ele&gt;</c>) are left out and listed in <see cref="Activity.Problems"/>.
/// </para>
/// </remarks>
public static class GpxReader
{
    public const string Gpx10Namespace = "http://www.topografix.com/GPX/1/0";
    public const string Gpx11Namespace = "http://www.topografix.com/GPX/1/1";

    private const string FormatName = "GPX";

    /// <summary>Extensions nest two or three levels in practice; deeper ones are skipped, not recursed into.</summary>
    private const int MaxExtensionDepth = 8;

    /// <summary>Reads every track of a GPX document.</summary>
    /// <returns>One activity per track with at least one point, in file order.</returns>
    /// <exception cref="XmlActivityFormatException">
    /// The input is not GPX, is damaged before the first point, declares a DTD, has no track points, or gives no time
    /// at all (neither on points nor in the metadata).
    /// </exception>
    public static IReadOnlyList<Activity> Read(Stream stream, ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);

        using var xml = new ActivityXmlReader(stream, FormatName);
        var root = xml.MoveToRootElement(FormatName);
        if (root != "gpx" || !IsGpxNamespace(xml.NamespaceUri))
        {
            throw new XmlActivityFormatException(xml.LineNumber, xml.LinePosition,
                $"the document element is <{root}> in namespace \"{xml.NamespaceUri}\", not a GPX 1.0 or 1.1 <gpx>. " +
                "Check that this is a GPX file (a TCX or KML file needs its own reader).");
        }

        var document = new DocumentState(source, xml.Reader.GetAttribute("creator"));
        string? damage = null;
        try
        {
            ReadGpx(xml, document);
        }
        catch (XmlException ex)
        {
            if (document.InPoint)
            {
                document.Samples.RemoveLast();
            }

            if (document.Samples.Count == 0 && document.Activities.Count == 0)
            {
                throw xml.BeforeAnyData(ex, FormatName);
            }

            damage = xml.DamageAfterData(ex, document.Samples.Count + document.SamplesInActivities, FormatName);
            if (document.InTrack)
            {
                FinishTrack(xml, document, damaged: true);
            }
        }

        if (document.Activities.Count == 0)
        {
            throw new XmlActivityFormatException(0, 0,
                "the GPX file has no track points (<trkpt>): it holds only routes or waypoints, which are plans, not recorded " +
                "activities. Export the recorded activity (a track) instead.");
        }

        if (damage is null)
        {
            return document.Activities;
        }

        return document.Activities.Select(a => a with { IsPartial = true, Problems = [.. a.Problems, damage] }).ToList();
    }

    private static bool IsGpxNamespace(string ns) => ns is Gpx11Namespace or Gpx10Namespace or "";

    private static void ReadGpx(ActivityXmlReader xml, DocumentState document)
    {
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsGpxNamespace(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "metadata":
                    ReadMetadata(xml, document);
                    break;
                case "time":
                    // GPX 1.0 puts the file's time and name directly under <gpx>.
                    document.MetadataTime = xml.TryReadInstant(out var time) ? time : document.MetadataTime;
                    break;
                case "name":
                    document.MetadataName = FirstOf(document.MetadataName, xml.ReadLeafString());
                    break;
                case "trk":
                    ReadTrack(xml, document);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
    }

    private static void ReadMetadata(ActivityXmlReader xml, DocumentState document)
    {
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            switch (xml.LocalName)
            {
                case "time" when IsGpxNamespace(xml.NamespaceUri):
                    document.MetadataTime = xml.TryReadInstant(out var time) ? time : document.MetadataTime;
                    break;
                case "name" when IsGpxNamespace(xml.NamespaceUri):
                    document.MetadataName = FirstOf(document.MetadataName, xml.ReadLeafString());
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
    }

    private static void ReadTrack(ActivityXmlReader xml, DocumentState document)
    {
        document.StartTrack();
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsGpxNamespace(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "name":
                    document.TrackName = FirstOf(document.TrackName, xml.ReadLeafString());
                    break;
                case "type":
                    document.TrackType = FirstOf(document.TrackType, xml.ReadLeafString());
                    break;
                case "trkseg":
                    ReadSegment(xml, document);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        FinishTrack(xml, document, damaged: false);
    }

    private static void ReadSegment(ActivityXmlReader xml, DocumentState document)
    {
        var samples = document.Samples;
        samples.StartSegment();
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (xml.LocalName == "trkpt" && IsGpxNamespace(xml.NamespaceUri))
            {
                ReadPoint(xml, document);
            }
            else
            {
                xml.Skip();
            }
        }
    }

    private static void ReadPoint(ActivityXmlReader xml, DocumentState document)
    {
        var samples = document.Samples;
        var i = samples.Add();
        document.InPoint = true;
        var latitude = xml.ReadDoubleAttribute("lat");
        var longitude = xml.ReadDoubleAttribute("lon");
        if (!double.IsNaN(latitude) && !double.IsNaN(longitude))
        {
            samples.Set(SampleColumn.Latitude, i, latitude);
            samples.Set(SampleColumn.Longitude, i, longitude);
        }

        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsGpxNamespace(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "ele":
                    samples.Set(SampleColumn.Altitude, i, xml.ReadDouble());
                    break;
                case "time":
                    if (xml.TryReadInstant(out var time))
                    {
                        samples.SetTime(i, time);
                        document.FirstOffset ??= time.Offset;
                    }

                    break;
                case "speed":
                    // GPX 1.0 only (1.1 dropped it): the device's own speed.
                    samples.Set(SampleColumn.Speed, i, xml.ReadDouble());
                    break;
                case "extensions":
                    ReadExtensions(xml, samples, i, level: 0);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        document.InPoint = false;
    }

    /// <summary>Walks the children of the current extension element, taking known leaves by local name.</summary>
    private static void ReadExtensions(ActivityXmlReader xml, TrackSamples samples, int i, int level)
    {
        if (level >= MaxExtensionDepth)
        {
            xml.Skip();
            return;
        }

        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            var column = xml.LocalName switch
            {
                "hr" or "heartrate" => SampleColumn.HeartRate,
                "cad" or "cadence" => SampleColumn.Cadence,
                "atemp" or "temp" => SampleColumn.Temperature,
                "power" or "PowerInWatts" => SampleColumn.Power,
                "speed" => SampleColumn.Speed,
                _ => (SampleColumn?)null,
            };

            if (column is { } known)
            {
                samples.Set(known, i, xml.ReadDouble());
            }
            else
            {
                ReadExtensions(xml, samples, i, level + 1);
            }
        }
    }

    /// <param name="damaged">
    /// The file broke inside this track: a track that cannot be placed in time is dropped instead of failing the whole
    /// file, so the complete tracks before it are kept.
    /// </param>
    private static void FinishTrack(ActivityXmlReader xml, DocumentState document, bool damaged)
    {
        document.InTrack = false;
        var samples = document.Samples;
        if (samples.Count == 0)
        {
            // An empty <trk> (or one whose segments are all empty) is not an activity.
            return;
        }

        var (sport, subSport) = ActivityTypeNames.Parse(document.TrackType);
        var track = TrackAssembler.Assemble(samples, startUtc: null, sport);
        var problems = xml.TakeProblems();
        DateTimeOffset start;
        if (track.FirstUtc is { } first)
        {
            start = first;
        }
        else if (document.MetadataTime is { } metadataTime)
        {
            start = metadataTime.ToUniversalTime();
            problems.Add($"no track point has a <time>: the activity starts at the file's metadata time ({metadataTime:O}) and has no duration or speed.");
        }
        else if (damaged)
        {
            samples.Clear();
            return;
        }
        else
        {
            throw new XmlActivityFormatException(xml.LineNumber, xml.LinePosition,
                "no <trkpt> of this <trk> has a <time>, and the file has no metadata <time>: CalfCoach cannot place the " +
                "activity on a day. Export the recorded activity, not a route drawn on a map.");
        }

        var elapsed = track.LastUtc is { } last ? (last - start).TotalSeconds : 0.0;
        document.Activities.Add(new Activity
        {
            StartUtc = start,
            UtcOffset = document.FirstOffset is { } offset && offset != TimeSpan.Zero ? offset : null,
            Sport = sport,
            SubSport = subSport,
            Name = document.TrackName ?? document.MetadataName,
            Device = document.Creator,
            ElapsedSeconds = elapsed,
            TimerSeconds = track.SegmentsWithTime > 1 ? track.SegmentTimerSeconds : null,
            DistanceMeters = track.DistanceMeters,
            AscentMeters = track.AscentMeters,
            AvgHeartRateBpm = track.AvgHeartRateBpm,
            MaxHeartRateBpm = track.MaxHeartRateBpm,
            AvgCadenceStepsPerMinute = track.AvgCadenceStepsPerMinute,
            Streams = track.Streams,
            Source = document.Source,
            Problems = problems,
        });

        document.SamplesInActivities += samples.Count;
        samples.Clear();
    }

    /// <summary>What the reader knows while walking one document.</summary>
    private sealed class DocumentState(ActivitySource source, string? creator)
    {
        public ActivitySource Source { get; } = source;

        public string? Creator { get; } = string.IsNullOrWhiteSpace(creator) ? null : creator.Trim();

        public TrackSamples Samples { get; } = new();

        public List<Activity> Activities { get; } = [];

        public int SamplesInActivities { get; set; }

        public DateTimeOffset? MetadataTime { get; set; }

        public string? MetadataName { get; set; }

        public bool InTrack { get; set; }

        public bool InPoint { get; set; }

        public string? TrackName { get; set; }

        public string? TrackType { get; set; }

        public TimeSpan? FirstOffset { get; set; }

        public void StartTrack()
        {
            InTrack = true;
            TrackName = null;
            TrackType = null;
            FirstOffset = null;
            Samples.Clear();
        }
    }

    /// <summary>
    /// Keeps the first value but always consumes the element: "x ??= xml.ReadLeafString()" would skip the
    /// read when x is set and leave the reader on the element, looping for ever on a repeated element.
    /// </summary>
    private static string? FirstOf(string? first, string? next) => first ?? next;
}
