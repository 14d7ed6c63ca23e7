using System.Xml;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tcx;

/// <summary>
/// Reads Garmin Training Center Database v2 (TCX) files into <see cref="Activity"/> values, one per
/// <c>&lt;Activity&gt;</c>, streaming with a forward-only <see cref="XmlReader"/> (no DOM; memory grows only with the
/// output columns).
/// </summary>
/// <remarks>
/// <para>
/// <b>Totals are the device's own</b> where the laps record them: distance is the sum of the laps'
/// <c>DistanceMeters</c> (when every lap has one), the timer time the sum of their <c>TotalTimeSeconds</c>, heart rate
/// and cadence averages the laps' averages weighted by timer time, the maximum heart rate the largest lap maximum.
/// Otherwise they come from the samples. The start is <c>&lt;Id&gt;</c> (an instant by the schema), else the first
/// lap's <c>StartTime</c>, else the first sample; the elapsed time runs to the later of the last sample and the end of
/// the last lap (its start plus its timer time, or plus the span of its samples when longer).
/// </para>
/// <para>
/// <b>Samples.</b> Each <c>&lt;Track&gt;</c> is a segment (Garmin starts a new one after a stop). The file's own
/// <c>DistanceMeters</c> is used when any trackpoint has one, and <c>ns3:Speed</c> wherever a trackpoint has it;
/// otherwise distance and speed are derived from positions as for GPX (<see cref="Geo.TrackDerivation"/>). Cadence is <c>ns3:RunCadence</c>, else
/// <c>&lt;Cadence&gt;</c>; for foot sports both count one foot and are doubled to steps per minute, for biking
/// <c>&lt;Cadence&gt;</c> is rpm and is kept as such (<see cref="Activity.CadenceUnit"/>). Extension elements (ActivityExtension v2: <c>TPX</c>, <c>LX</c>)
/// are matched by local name whatever their prefix.
/// </para>
/// <para>
/// <b>Damage.</b> XML damage after some trackpoints keeps every complete trackpoint and lap before it; each activity
/// of the file is then <see cref="Activity.IsPartial"/> and carries the problem with its line.
/// </para>
/// </remarks>
public static class TcxReader
{
    public const string TcxNamespace = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";

    private const string FormatName = "TCX";

    /// <summary>Reads every activity of a TCX document.</summary>
    /// <returns>One activity per <c>&lt;Activity&gt;</c>, in file order.</returns>
    /// <exception cref="XmlActivityFormatException">
    /// The input is not TCX v2, is damaged before the first trackpoint, declares a DTD, holds no activity (a course
    /// file), or an activity has no start time at all.
    /// </exception>
    public static IReadOnlyList<Activity> Read(Stream stream, ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);

        using var xml = new ActivityXmlReader(stream, FormatName);
        var root = xml.MoveToRootElement(FormatName);
        if (root != "TrainingCenterDatabase" || !IsTcx(xml.NamespaceUri))
        {
            throw new XmlActivityFormatException(xml.LineNumber, xml.LinePosition,
                $"the document element is <{root}> in namespace \"{xml.NamespaceUri}\", not a TCX v2 <TrainingCenterDatabase>. " +
                "Check that this is a TCX file (a GPX file needs its own reader).");
        }

        var document = new DocumentState(source);
        string? damage = null;
        try
        {
            ReadDatabase(xml, document);
        }
        catch (XmlException ex)
        {
            if (document.InTrackpoint)
            {
                document.Samples.RemoveLast();
            }

            var kept = document.Samples.Count + document.SamplesInActivities;
            if (kept == 0 && document.Activities.Count == 0)
            {
                throw xml.BeforeAnyData(ex, FormatName);
            }

            damage = xml.DamageAfterData(ex, kept, FormatName);
            if (document.Activity is not null)
            {
                document.Lap?.Close(document.Samples.Count);
                FinishActivity(xml, document, damaged: true);
            }
        }

        if (document.Activities.Count == 0)
        {
            throw new XmlActivityFormatException(0, 0,
                "the TCX file has no <Activity>: it is probably a course (a planned route) or a workout plan, not a " +
                "recorded activity. Export the activity itself.");
        }

        if (damage is null)
        {
            return document.Activities;
        }

        return document.Activities.Select(a => a with { IsPartial = true, Problems = [.. a.Problems, damage] }).ToList();
    }

    private static bool IsTcx(string ns) => ns is TcxNamespace or "";

    private static void ReadDatabase(ActivityXmlReader xml, DocumentState document)
    {
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (xml.LocalName == "Activities" && IsTcx(xml.NamespaceUri))
            {
                var activitiesDepth = xml.Enter();
                while (xml.MoveToNextChild(activitiesDepth))
                {
                    if (xml.LocalName == "Activity" && IsTcx(xml.NamespaceUri))
                    {
                        ReadActivity(xml, document);
                    }
                    else
                    {
                        // MultiSportSession (rare, and its sports would need splitting) is not read.
                        xml.AddProblem($"<{xml.LocalName}> is not read; only <Activity> elements are.");
                        xml.Skip();
                    }
                }
            }
            else
            {
                xml.Skip();
            }
        }
    }

    private static void ReadActivity(ActivityXmlReader xml, DocumentState document)
    {
        document.StartActivity(xml.Reader.GetAttribute("Sport"), xml.LineNumber, xml.LinePosition);
        var activity = document.Activity!;
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsTcx(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "Id":
                    activity.Id = xml.TryReadInstant(out var id) ? id : null;
                    break;
                case "Lap":
                    ReadLap(xml, document);
                    break;
                case "Creator":
                    activity.Device = ReadName(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        FinishActivity(xml, document, damaged: false);
    }

    private static string? ReadName(ActivityXmlReader xml)
    {
        string? name = null;
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (xml.LocalName == "Name")
            {
                name = FirstOf(name, xml.ReadLeafString());
            }
            else
            {
                xml.Skip();
            }
        }

        return name;
    }

    private static void ReadLap(ActivityXmlReader xml, DocumentState document)
    {
        var lap = new LapState(document.Samples.Count);
        document.Lap = lap;
        document.Activity!.Laps.Add(lap);
        var startTime = xml.Reader.GetAttribute("StartTime");
        if (startTime is not null)
        {
            if (ActivityXmlReader.TryParseInstant(startTime, out var start))
            {
                lap.StartUtc = start;
            }
            else
            {
                xml.AddProblem($"<Lap StartTime=\"{startTime}\"> is not an ISO 8601 time; the lap starts at its first trackpoint.");
            }
        }

        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsTcx(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "TotalTimeSeconds":
                    lap.TotalTimeSeconds = TrackAssembler.NullIfNaN(xml.ReadDouble());
                    break;
                case "DistanceMeters":
                    lap.DistanceMeters = TrackAssembler.NullIfNaN(xml.ReadDouble());
                    break;
                case "AverageHeartRateBpm":
                    lap.AvgHeartRateBpm = ReadValue(xml);
                    break;
                case "MaximumHeartRateBpm":
                    lap.MaxHeartRateBpm = ReadValue(xml);
                    break;
                case "Cadence":
                    lap.Cadence = TrackAssembler.NullIfNaN(xml.ReadDouble());
                    break;
                case "Track":
                    ReadTrack(xml, document);
                    break;
                case "Extensions":
                    ReadLapExtensions(xml, lap, level: 0);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        lap.Close(document.Samples.Count);
        document.Lap = null;
    }

    /// <summary>ns3:LX: AvgSpeed and AvgRunCadence, found by local name at any depth.</summary>
    private static void ReadLapExtensions(ActivityXmlReader xml, LapState lap, int level)
    {
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            switch (xml.LocalName)
            {
                case "AvgSpeed":
                    lap.AvgSpeedMetersPerSecond = TrackAssembler.NullIfNaN(xml.ReadDouble());
                    break;
                case "AvgRunCadence":
                    lap.AvgRunCadence = TrackAssembler.NullIfNaN(xml.ReadDouble());
                    break;
                default:
                    if (level < 4)
                    {
                        ReadLapExtensions(xml, lap, level + 1);
                    }
                    else
                    {
                        xml.Skip();
                    }

                    break;
            }
        }
    }

    private static void ReadTrack(ActivityXmlReader xml, DocumentState document)
    {
        document.Samples.StartSegment();
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (xml.LocalName == "Trackpoint" && IsTcx(xml.NamespaceUri))
            {
                ReadTrackpoint(xml, document);
            }
            else
            {
                xml.Skip();
            }
        }
    }

    private static void ReadTrackpoint(ActivityXmlReader xml, DocumentState document)
    {
        var samples = document.Samples;
        var i = samples.Add();
        document.InTrackpoint = true;
        double cadence = double.NaN, runCadence = double.NaN;
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (!IsTcx(xml.NamespaceUri))
            {
                xml.Skip();
                continue;
            }

            switch (xml.LocalName)
            {
                case "Time":
                    if (xml.TryReadInstant(out var time))
                    {
                        samples.SetTime(i, time);
                        document.Activity!.FirstOffset ??= time.Offset;
                    }

                    break;
                case "Position":
                    ReadPosition(xml, samples, i);
                    break;
                case "AltitudeMeters":
                    samples.Set(SampleColumn.Altitude, i, xml.ReadDouble());
                    break;
                case "DistanceMeters":
                    samples.Set(SampleColumn.Distance, i, xml.ReadDouble());
                    break;
                case "HeartRateBpm":
                    samples.Set(SampleColumn.HeartRate, i, ReadValue(xml) ?? double.NaN);
                    break;
                case "Cadence":
                    cadence = xml.ReadDouble();
                    break;
                case "Extensions":
                    ReadTrackpointExtensions(xml, samples, i, ref runCadence, level: 0);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        samples.Set(SampleColumn.Cadence, i, double.IsNaN(runCadence) ? cadence : runCadence);
        document.InTrackpoint = false;
    }

    private static void ReadPosition(ActivityXmlReader xml, TrackSamples samples, int i)
    {
        double latitude = double.NaN, longitude = double.NaN;
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            switch (xml.LocalName)
            {
                case "LatitudeDegrees":
                    latitude = xml.ReadDouble();
                    break;
                case "LongitudeDegrees":
                    longitude = xml.ReadDouble();
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        if (!double.IsNaN(latitude) && !double.IsNaN(longitude))
        {
            samples.Set(SampleColumn.Latitude, i, latitude);
            samples.Set(SampleColumn.Longitude, i, longitude);
        }
    }

    /// <summary>ns3:TPX: Speed, RunCadence, Watts, found by local name at any depth.</summary>
    private static void ReadTrackpointExtensions(ActivityXmlReader xml, TrackSamples samples, int i, ref double runCadence, int level)
    {
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            switch (xml.LocalName)
            {
                case "Speed":
                    samples.Set(SampleColumn.Speed, i, xml.ReadDouble());
                    break;
                case "RunCadence":
                    runCadence = xml.ReadDouble();
                    break;
                case "Watts":
                    samples.Set(SampleColumn.Power, i, xml.ReadDouble());
                    break;
                default:
                    if (level < 4)
                    {
                        ReadTrackpointExtensions(xml, samples, i, ref runCadence, level + 1);
                    }
                    else
                    {
                        xml.Skip();
                    }

                    break;
            }
        }
    }

    /// <summary>Reads <c>&lt;X&gt;&lt;Value&gt;n&lt;/Value&gt;&lt;/X&gt;</c> (heart rate in TCX).</summary>
    private static double? ReadValue(ActivityXmlReader xml)
    {
        double? value = null;
        var depth = xml.Enter();
        while (xml.MoveToNextChild(depth))
        {
            if (xml.LocalName == "Value")
            {
                value = TrackAssembler.NullIfNaN(xml.ReadDouble());
            }
            else
            {
                xml.Skip();
            }
        }

        return value;
    }

    /// <param name="damaged">
    /// The file broke inside this activity: an activity with nothing usable (no sample, no lap, no start) is dropped
    /// instead of failing the whole file, so the complete activities before it are kept.
    /// </param>
    private static void FinishActivity(ActivityXmlReader xml, DocumentState document, bool damaged)
    {
        var state = document.Activity!;
        document.Activity = null;
        var samples = document.Samples;
        var (sport, subSport) = ActivityTypeNames.Parse(state.SportAttribute);
        var firstLapStart = state.Laps.Select(l => l.StartUtc).FirstOrDefault(s => s is not null);
        var start = state.Id ?? firstLapStart;
        var track = TrackAssembler.Assemble(samples, start, sport);
        start ??= track.FirstUtc;
        if (damaged && (start is null || (samples.Count == 0 && state.Laps.Count == 0)))
        {
            samples.Clear();
            return;
        }

        if (start is null)
        {
            throw new XmlActivityFormatException(state.LineNumber, state.LinePosition,
                "this <Activity> has no start time: no <Id> time, no <Lap StartTime> and no trackpoint <Time>. " +
                "CalfCoach cannot place it on a day; export the activity again from its source.");
        }

        var startUtc = start.Value.ToUniversalTime();
        var ticks = samples.TicksUtc;
        var laps = new List<ActivityLap>(state.Laps.Count);
        var end = track.LastUtc ?? startUtc;
        var perFoot = sport.CountsCadencePerFoot();
        for (var l = 0; l < state.Laps.Count; l++)
        {
            var lap = state.Laps[l];
            var (first, last) = TimeRange(ticks, lap.FirstSample, lap.EndSample);
            var lapStart = (lap.StartUtc ?? first ?? (l > 0 ? laps[l - 1].StartUtc : startUtc)).ToUniversalTime();
            var nextStart = l + 1 < state.Laps.Count ? state.Laps[l + 1].StartUtc : null;
            double lapElapsed = nextStart is { } next && next > lapStart
                ? (next - lapStart).TotalSeconds
                : Math.Max(lap.TotalTimeSeconds ?? 0, last is { } lastTime ? (lastTime - lapStart).TotalSeconds : 0);
            var lapEnd = lapStart.AddSeconds(lapElapsed);
            end = lapEnd > end ? lapEnd : end;
            var cadence = lap.AvgRunCadence ?? lap.Cadence;
            laps.Add(new ActivityLap(
                lapStart,
                lapElapsed,
                lap.TotalTimeSeconds,
                lap.DistanceMeters,
                lap.AvgHeartRateBpm,
                perFoot && cadence is { } c ? c * 2 : null,
                lap.AvgSpeedMetersPerSecond ?? (lap.DistanceMeters / lap.TotalTimeSeconds is { } v && double.IsFinite(v) ? v : null)));
        }

        var lapTimer = state.Laps.Any(l => l.TotalTimeSeconds is not null) ? state.Laps.Sum(l => l.TotalTimeSeconds ?? 0) : (double?)null;
        var lapDistance = state.Laps.Count > 0 && state.Laps.All(l => l.DistanceMeters is not null) ? state.Laps.Sum(l => l.DistanceMeters!.Value) : (double?)null;
        var lapMaxHeartRate = state.Laps.Max(l => l.MaxHeartRateBpm);
        document.Activities.Add(new Activity
        {
            StartUtc = startUtc,
            UtcOffset = state.FirstOffset is { } offset && offset != TimeSpan.Zero ? offset : null,
            Sport = sport,
            SubSport = subSport,
            Device = state.Device,
            ElapsedSeconds = Math.Max(0, (end - startUtc).TotalSeconds),
            TimerSeconds = lapTimer ?? (track.SegmentsWithTime > 1 ? track.SegmentTimerSeconds : null),
            DistanceMeters = lapDistance ?? track.DistanceMeters,
            AscentMeters = track.AscentMeters,
            AvgHeartRateBpm = TimeWeighted(laps, l => l.AvgHeartRateBpm) ?? track.AvgHeartRateBpm,
            MaxHeartRateBpm = lapMaxHeartRate ?? track.MaxHeartRateBpm,
            AvgCadenceStepsPerMinute = TimeWeighted(laps, l => l.AvgCadenceStepsPerMinute) ?? track.AvgCadenceStepsPerMinute,
            Laps = laps,
            Streams = track.Streams,
            Source = document.Source,
            Problems = xml.TakeProblems(),
        });

        document.SamplesInActivities += samples.Count;
        samples.Clear();
    }

    /// <summary>Mean of a lap value weighted by timer time, over laps that have both; null when none has.</summary>
    private static double? TimeWeighted(List<ActivityLap> laps, Func<ActivityLap, double?> value)
    {
        double sum = 0, seconds = 0;
        foreach (var lap in laps)
        {
            if (value(lap) is { } v && lap.TimerSeconds is { } t && t > 0)
            {
                sum += v * t;
                seconds += t;
            }
        }

        return seconds > 0 ? sum / seconds : null;
    }

    private static (DateTimeOffset? First, DateTimeOffset? Last) TimeRange(ReadOnlySpan<long> ticks, int from, int to)
    {
        long first = long.MaxValue, last = long.MinValue;
        for (var i = from; i < to && i < ticks.Length; i++)
        {
            if (ticks[i] != TrackSamples.MissingTicks)
            {
                first = Math.Min(first, ticks[i]);
                last = Math.Max(last, ticks[i]);
            }
        }

        return first == long.MaxValue
            ? (null, null)
            : (new DateTimeOffset(first, TimeSpan.Zero), new DateTimeOffset(last, TimeSpan.Zero));
    }

    /// <summary>A lap as read, with the range of samples its tracks added.</summary>
    private sealed class LapState(int firstSample)
    {
        public int FirstSample { get; } = firstSample;

        public int EndSample { get; private set; } = firstSample;

        public DateTimeOffset? StartUtc { get; set; }

        public double? TotalTimeSeconds { get; set; }

        public double? DistanceMeters { get; set; }

        public double? AvgHeartRateBpm { get; set; }

        public double? MaxHeartRateBpm { get; set; }

        /// <summary>Lap &lt;Cadence&gt;: rpm for biking, per foot when a device writes it for a run.</summary>
        public double? Cadence { get; set; }

        /// <summary>LX AvgRunCadence: per foot.</summary>
        public double? AvgRunCadence { get; set; }

        public double? AvgSpeedMetersPerSecond { get; set; }

        public void Close(int endSample) => EndSample = endSample;
    }

    private sealed class ActivityState(string? sportAttribute, int lineNumber, int linePosition)
    {
        public string? SportAttribute { get; } = sportAttribute;

        public int LineNumber { get; } = lineNumber;

        public int LinePosition { get; } = linePosition;

        public DateTimeOffset? Id { get; set; }

        public string? Device { get; set; }

        public TimeSpan? FirstOffset { get; set; }

        public List<LapState> Laps { get; } = [];
    }

    private sealed class DocumentState(ActivitySource source)
    {
        public ActivitySource Source { get; } = source;

        public TrackSamples Samples { get; } = new();

        public List<Activity> Activities { get; } = [];

        public int SamplesInActivities { get; set; }

        public ActivityState? Activity { get; set; }

        public LapState? Lap { get; set; }

        public bool InTrackpoint { get; set; }

        public void StartActivity(string? sport, int lineNumber, int linePosition)
        {
            Activity = new ActivityState(sport, lineNumber, linePosition);
            Lap = null;
            Samples.Clear();
        }
    }

    /// <summary>
    /// Keeps the first value but always consumes the element: "x ??= xml.ReadLeafString()" would skip the
    /// read when x is set and leave the reader on the element, looping for ever on a repeated element.
    /// </summary>
    private static string? FirstOf(string? first, string? next) => first ?? next;
}
