using System.Buffers.Binary;
using static CalfCoach.Formats.Fit.Profile.FitProfile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Puts the heart rate of <c>hr</c> (132) messages into the records, as Garmin's FIT SDKs do when decoding: an HRM-Pro or
/// HRM-Tri stores beats while the watch cannot hear it (under water, or away from the watch) and the watch appends them
/// as hr messages at the end of the activity, so without this merge such runs and swims have no heart rate.
/// </summary>
/// <remarks>
/// <para>
/// The algorithm follows the behaviour of Garmin's SDKs (<c>HrMesgUtils</c> in fit-javascript-sdk 21.217, studied, not
/// copied), so heart-rate counts and sums equal the official decoder's on real files:
/// </para>
/// <list type="number">
/// <item>Beats are placed in time from an anchor: a message with a timestamp (plus fractional_timestamp or time256)
/// and exactly one event_timestamp. Later messages give event times on the strap's counter (1/1024 s, uint32, wrapping),
/// either in full (event_timestamp) or as 12-bit deltas packed eight to twelve bytes (event_timestamp_12, accumulated
/// across messages); a beat's time is the anchor's plus its counter's distance from the anchor's counter.</item>
/// <item>A gap between beats is filled with the earlier beat's value every 0.25 s, for at most 5 s.</item>
/// <item>A record takes the rounded mean of the beats after the previous record's time and up to its own, but only
/// once a beat later than it has been seen (so records after the last beat keep what they had).</item>
/// </list>
/// <para>
/// Deliberate differences, only for files the SDK refuses: where the SDK stops with an error (a delta message before
/// any anchor, counts of times and values that differ, a counter that runs backwards), this skips the bad message or
/// beat, merges the rest, and reports the first skip as a problem; an invalid bpm (0xFF) is left out rather than
/// averaged in as 0.
/// </para>
/// </remarks>
internal sealed class HeartRateMessageMerger
{
    private const double GapStepSeconds = 0.25;
    private const int GapMaxSteps = 20;                        // 5 s of 0.25 s steps
    private const double CounterRangeSeconds = 4194304;        // 2^32 / 1024: where event_timestamp wraps
    private const int MaxEventsPerMessage = 255;

    private readonly List<Beat> _beats = [];

    // The anchor: file time (FIT seconds, with fraction) and the strap's counter (seconds) at the same instant.
    private bool _hasAnchor;
    private double _anchorSeconds;
    private double _anchorEventSeconds;

    // The accumulated event counter in 1/1024 s (event_timestamp_12 carries only its low 12 bits).
    private bool _hasCounter;
    private long _counter;
    private long _lastCounterValue;

    private readonly record struct Beat(double Seconds, byte Bpm);

    /// <summary>hr messages or beats that could not be used (see the remarks); the first is reported as a problem.</summary>
    public int Skipped { get; private set; }

    /// <summary>Where and why the first skip happened, or null.</summary>
    public FitProblem? FirstSkip { get; private set; }

    /// <summary>Beats (real and gap-filling) read so far.</summary>
    public int BeatCount => _beats.Count;

    /// <summary>Reads the current hr data message. Messages are not on the per-record path: a few hundred per hour.</summary>
    public void Read(ref FitReader reader)
    {
        Span<double> events = stackalloc double[MaxEventsPerMessage];
        var eventCount = ReadEventSeconds(ref reader, events);
        if (eventCount < 0)
        {
            return;
        }

        if (!reader.TryGetBytes(Hr.FilteredBpm.Number, out var bpms))
        {
            bpms = [];
        }

        if (reader.TryGetUInt32(Common.Timestamp.Number, out var timestamp))
        {
            if (eventCount != 1)
            {
                Skip(ref reader, "an anchoring hr message (one with a timestamp) must have exactly one event time");
                return;
            }

            var fraction = reader.TryGetScaled(Hr.FractionalTimestamp, out var f) ? f
                : reader.TryGetScaled(Hr.Time256, out var t256) ? t256 : 0;
            _anchorSeconds = timestamp + fraction;
            _anchorEventSeconds = events[0];
            _hasAnchor = true;
        }

        if (!_hasAnchor)
        {
            Skip(ref reader, "an hr message came before any hr message with a timestamp, so its beats cannot be placed in time");
            return;
        }

        if (eventCount != bpms.Length)
        {
            Skip(ref reader, $"an hr message has {eventCount} event times but {bpms.Length} heart rates");
            return;
        }

        for (var i = 0; i < eventCount; i++)
        {
            var eventSeconds = events[i];
            if (eventSeconds < _anchorEventSeconds)
            {
                // The 32-bit counter wrapped (every 48.5 days of the strap's life); a small step back is damage.
                if (_anchorEventSeconds - eventSeconds <= CounterRangeSeconds)
                {
                    Skip(ref reader, "an hr message's event time runs backwards from its anchor");
                    continue;
                }

                eventSeconds += CounterRangeSeconds;
            }

            if (bpms[i] == 0xFF)
            {
                continue;
            }

            Add(new Beat(_anchorSeconds + (eventSeconds - _anchorEventSeconds), bpms[i]));
        }
    }

    /// <summary>
    /// <paramref name="records"/> with each record's heart rate replaced by the beats around it (see the remarks); the
    /// same instance when there are no beats.
    /// </summary>
    public FitRecordStreams MergeInto(FitRecordStreams records)
    {
        if (_beats.Count == 0 || records.Count == 0)
        {
            return records;
        }

        var heartRate = records.HeartRateBpm.ToArray();
        var times = records.TimestampSeconds.Span;
        var beats = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_beats);
        var next = 0;
        double? rangeStart = null;
        for (var i = 0; i < heartRate.Length; i++)
        {
            if (times[i] == FitRecordStreams.NoTimestamp)
            {
                continue;
            }

            double rangeEnd = times[i];
            rangeStart ??= rangeEnd;
            if (rangeStart == rangeEnd)
            {
                // Two records at the same second (or the first record): look one second back, one beat earlier.
                rangeStart = rangeEnd - 1;
                next = Math.Max(next - 1, 0);
            }

            var sum = 0.0;
            var count = 0;
            for (; next < beats.Length; next++)
            {
                var beat = beats[next];
                if (beat.Seconds > rangeEnd)
                {
                    if (count > 0)
                    {
                        // Half away from zero for positive values, as the SDK's Math.round.
                        heartRate[i] = Math.Floor((sum / count) + 0.5);
                    }

                    rangeStart = rangeEnd;
                    break;
                }

                if (beat.Seconds > rangeStart)
                {
                    sum += beat.Bpm;
                    count++;
                }
            }
        }

        return records with { HeartRateBpm = heartRate };
    }

    /// <summary>
    /// The message's event times in seconds of the strap's counter into <paramref name="events"/>; their count, or −1 when
    /// the message has none usable.
    /// </summary>
    private int ReadEventSeconds(ref FitReader reader, scoped Span<double> events)
    {
        var count = 0;
        if (reader.TryGetBytes(Hr.EventTimestamp.Number, out var full) && full.Length % 4 == 0)
        {
            var bigEndian = reader.IsBigEndian;
            for (var offset = 0; offset < full.Length && count < events.Length; offset += 4)
            {
                var raw = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(full[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(full[offset..]);
                if (raw == uint.MaxValue)
                {
                    continue;
                }

                events[count++] = raw / 1024.0;

                // A full value restarts the accumulation of packed deltas.
                _counter = _lastCounterValue = raw;
                _hasCounter = true;
            }
        }

        if (reader.TryGetBytes(Hr.EventTimestamp12.Number, out var packed) && !AllInvalid(packed))
        {
            // Packed values replace the full ones, as in the SDK's component expansion.
            count = 0;
            var bits = packed.Length * 8;
            for (var bit = 0; bit + 12 <= bits && count < 10; bit += 12)
            {
                var value = ReadTwelveBits(packed, bit);
                if (!_hasCounter)
                {
                    _counter = _lastCounterValue = value;
                    _hasCounter = true;
                }

                _counter += (value - _lastCounterValue) & 0xFFF;
                _lastCounterValue = value;
                events[count++] = _counter / 1024.0;
            }
        }

        return count == 0 ? -1 : count;
    }

    /// <summary>Twelve bits starting at <paramref name="bit"/>, least significant bit first (FIT's component packing).</summary>
    private static int ReadTwelveBits(ReadOnlySpan<byte> bytes, int bit)
    {
        var value = 0;
        for (var k = 0; k < 12; k++, bit++)
        {
            value |= ((bytes[bit >> 3] >> (bit & 7)) & 1) << k;
        }

        return value;
    }

    private static bool AllInvalid(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0xFF);

    private void Add(Beat beat)
    {
        if (_beats.Count > 0)
        {
            // Carry the previous value across the gap, a quarter second at a time, for up to 5 s.
            var previous = _beats[^1];
            var gapMilliseconds = Math.Abs(beat.Seconds - previous.Seconds) * 1000;
            for (var step = 1; gapMilliseconds > GapStepSeconds * 1000 && step <= GapMaxSteps; step++)
            {
                _beats.Add(previous with { Seconds = previous.Seconds + (GapStepSeconds * step) });
                gapMilliseconds -= GapStepSeconds * 1000;
            }
        }

        _beats.Add(beat);
    }

    private void Skip(ref FitReader reader, string why)
    {
        Skipped++;
        FirstSkip ??= new FitProblem(reader.TokenStartIndex, why);
    }
}
