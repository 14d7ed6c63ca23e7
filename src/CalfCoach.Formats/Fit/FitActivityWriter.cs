using System.Buffers.Binary;
using CalfCoach.Formats.Fit.Profile;
using static CalfCoach.Formats.Fit.Profile.FitProfile;
using Activity = CalfCoach.Core.Activities.Activity;
using Sport = CalfCoach.Core.Activities.Sport;
using SubSport = CalfCoach.Core.Activities.SubSport;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Writes an <see cref="Activity"/> as a FIT activity file (protocol 2.0, little-endian): file_id,
/// sport, records, laps, one session and the activity message, with both CRCs. Used for the demo history,
/// generated test fixtures and benchmarks, so every feature can be exercised without real files.
/// </summary>
/// <remarks>Field numbers, base types, scales and offsets come from <see cref="FitProfile"/>.</remarks>
public static class FitActivityWriter
{
    private const byte LocalFileId = 0;
    private const byte LocalRecord = 1;
    private const byte LocalLap = 2;
    private const byte LocalSession = 3;
    private const byte LocalActivity = 4;
    private const byte LocalSport = 5;
    private const byte LocalHrAnchor = 6;
    private const byte LocalHrBeats = 7;
    private const int BeatsPerHrMessage = 8;
    private const ushort ProfileVersion = 2132;

    private static readonly FitFieldInfo[] RecordFields =
    [
        Common.Timestamp, Record.PositionLat, Record.PositionLong, Record.Distance, Record.EnhancedSpeed,
        Record.EnhancedAltitude, Record.HeartRate, Record.Cadence, Record.FractionalCadence, Record.Power,
        Record.Temperature, Record.VerticalOscillation, Record.StanceTime, Record.StepLength,
    ];

    private static readonly FitFieldInfo[] FileIdFields =
        [FileId.Type, FileId.Manufacturer, FileId.Product, FileId.SerialNumber, FileId.TimeCreated];

    private static readonly FitFieldInfo[] SportFields = [FitProfile.Sport.SportType, FitProfile.Sport.SubSport];

    private static readonly FitFieldInfo[] LapFields =
    [
        Common.Timestamp, Lap.StartTime, Lap.TotalElapsedTime, Lap.TotalTimerTime, Lap.TotalDistance,
        Lap.AvgHeartRate, Lap.AvgCadence, Lap.AvgFractionalCadence, Lap.EnhancedAvgSpeed, Lap.Sport,
    ];

    private static readonly FitFieldInfo[] SessionFields =
    [
        Common.Timestamp, Session.StartTime, Session.Sport, Session.SubSport, Session.TotalElapsedTime,
        Session.TotalTimerTime, Session.TotalDistance, Session.TotalAscent, Session.AvgHeartRate,
        Session.MaxHeartRate, Session.AvgCadence, Session.AvgFractionalCadence, Session.NumLaps,
    ];

    private static readonly FitFieldInfo[] ActivityFields =
        [Common.Timestamp, FitProfile.Activity.TotalTimerTime, FitProfile.Activity.NumSessions, FitProfile.Activity.LocalTimestamp];

    public static byte[] Write(Activity activity) => Write(activity, new FitActivityWriterOptions());

    public static byte[] Write(Activity activity, FitActivityWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        using var body = new MemoryStream(64 + (activity.Streams.Count * 48));
        var isFoot = CalfCoach.Core.Activities.SportExtensions.CountsCadencePerFoot(activity.Sport);
        var end = activity.StartUtc.AddSeconds(activity.ElapsedSeconds);

        WriteDefinition(body, LocalFileId, MessageNumber.FileId, FileIdFields);
        WriteData(body, LocalFileId, FileIdFields, [4, 255, 1, 1, Seconds(activity.StartUtc)]);

        // Devices write the sport near the start, so a file cut short still says what it was.
        WriteDefinition(body, LocalSport, MessageNumber.Sport, SportFields);
        WriteData(body, LocalSport, SportFields, [(byte)ToFitSport(activity.Sport), (byte)ToFitSubSport(activity.SubSport)]);

        WriteDefinition(body, LocalRecord, MessageNumber.Record, RecordFields);
        var s = activity.Streams;
        for (var i = 0; i < s.Count; i++)
        {
            // FIT counts one foot's strides for foot sports; other sports' cadence (rpm) is written as it is.
            var strides = isFoot ? s.Cadence[i] / 2 : s.Cadence[i];
            WriteData(body, LocalRecord, RecordFields,
            [
                Seconds(activity.StartUtc.AddSeconds(s.ElapsedSeconds[i])),
                Semicircles(s.LatitudeDegrees[i]), Semicircles(s.LongitudeDegrees[i]),
                s.DistanceMeters[i], s.SpeedMetersPerSecond[i], s.AltitudeMeters[i],
                options.HeartRateInHrMessages ? double.NaN : s.HeartRateBpm[i],
                Math.Floor(strides), strides - Math.Floor(strides), s.PowerWatts[i], s.TemperatureCelsius[i],
                s.VerticalOscillationMillimeters[i], s.GroundContactTimeMilliseconds[i], s.StrideLengthMeters[i] * 1000,
            ]);
        }

        if (options.HeartRateInHrMessages)
        {
            WriteHrMessages(body, activity);
        }

        WriteDefinition(body, LocalLap, MessageNumber.Lap, LapFields);
        foreach (var lap in activity.Laps)
        {
            var lapStrides = lap.AvgCadenceStepsPerMinute / 2 ?? double.NaN;
            WriteData(body, LocalLap, LapFields,
            [
                Seconds(lap.StartUtc.AddSeconds(lap.ElapsedSeconds)), Seconds(lap.StartUtc), lap.ElapsedSeconds,
                lap.TimerSeconds ?? double.NaN, lap.DistanceMeters ?? double.NaN, lap.AvgHeartRateBpm ?? double.NaN,
                Math.Floor(lapStrides), lapStrides - Math.Floor(lapStrides), lap.AvgSpeedMetersPerSecond ?? double.NaN,
                (double)(byte)ToFitSport(activity.Sport),
            ]);
        }

        var avgStrides = activity.AvgCadenceStepsPerMinute / 2 ?? double.NaN;
        WriteDefinition(body, LocalSession, MessageNumber.Session, SessionFields);
        WriteData(body, LocalSession, SessionFields,
        [
            Seconds(end), Seconds(activity.StartUtc), (byte)ToFitSport(activity.Sport), (byte)ToFitSubSport(activity.SubSport),
            activity.ElapsedSeconds, activity.TimerSeconds ?? double.NaN, activity.DistanceMeters ?? double.NaN,
            activity.AscentMeters ?? double.NaN, activity.AvgHeartRateBpm ?? double.NaN, activity.MaxHeartRateBpm ?? double.NaN,
            Math.Floor(avgStrides), avgStrides - Math.Floor(avgStrides), activity.Laps.Count,
        ]);

        WriteDefinition(body, LocalActivity, MessageNumber.Activity, ActivityFields);
        var local = activity.UtcOffset is { } offset ? Seconds(end) + offset.TotalSeconds : double.NaN;
        WriteData(body, LocalActivity, ActivityFields, [Seconds(end), activity.TimerSeconds ?? activity.ElapsedSeconds, 1, local]);

        return Frame(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>
    /// The heart rate as a chest strap's stored beats (hr messages, as an HRM-Pro's after a swim): one beat at each
    /// sample's time, an anchoring message (timestamp + fractional_timestamp + one event_timestamp) and then the rest
    /// eight at a time as 12-bit packed event_timestamp_12 with filtered_bpm arrays. The strap's counter starts far
    /// from the file's clock and near its 32-bit wrap, so the decoder's anchoring and wrap handling are both exercised.
    /// </summary>
    private static void WriteHrMessages(Stream output, Activity activity)
    {
        var s = activity.Streams;
        var beats = new List<(double Seconds, byte Bpm)>(s.Count);
        for (var i = 0; i < s.Count; i++)
        {
            if (!float.IsNaN(s.HeartRateBpm[i]) && s.HeartRateBpm[i] is > 0 and < 255)
            {
                beats.Add((Seconds(activity.StartUtc.AddSeconds(s.ElapsedSeconds[i])), (byte)Math.Round(s.HeartRateBpm[i])));
            }
        }

        if (beats.Count == 0)
        {
            return;
        }

        // The strap's counter (1/1024 s, uint32) at the first beat: 30 s before it wraps.
        const long counterAtFirstBeat = (1L << 32) - (30 * 1024);
        long Counter(double seconds) => (counterAtFirstBeat + (long)Math.Round((seconds - beats[0].Seconds) * 1024)) & 0xFFFFFFFF;

        Span<byte> anchor = stackalloc byte[1 + 4 + 2 + 4 + 1];
        WriteRawDefinition(output, LocalHrAnchor, MessageNumber.Hr,
            [(Common.Timestamp.Number, 4, FitBaseType.UInt32), (Hr.FractionalTimestamp.Number, 2, FitBaseType.UInt16),
             (Hr.EventTimestamp.Number, 4, FitBaseType.UInt32), (Hr.FilteredBpm.Number, 1, FitBaseType.UInt8)]);
        var whole = Math.Floor(beats[0].Seconds);
        anchor[0] = LocalHrAnchor;
        BinaryPrimitives.WriteUInt32LittleEndian(anchor[1..], (uint)whole);
        BinaryPrimitives.WriteUInt16LittleEndian(anchor[5..], (ushort)Math.Round((beats[0].Seconds - whole) * 32768));
        BinaryPrimitives.WriteUInt32LittleEndian(anchor[7..], (uint)Counter(beats[0].Seconds));
        anchor[11] = beats[0].Bpm;
        output.Write(anchor);

        WriteRawDefinition(output, LocalHrBeats, MessageNumber.Hr,
            [(Hr.FilteredBpm.Number, BeatsPerHrMessage, FitBaseType.UInt8), (Hr.EventTimestamp12.Number, BeatsPerHrMessage * 12 / 8, FitBaseType.Byte)]);
        Span<byte> message = stackalloc byte[1 + BeatsPerHrMessage + (BeatsPerHrMessage * 12 / 8)];
        for (var first = 1; first < beats.Count; first += BeatsPerHrMessage)
        {
            message.Clear();
            message[0] = LocalHrBeats;
            var bpms = message.Slice(1, BeatsPerHrMessage);
            var packed = message[(1 + BeatsPerHrMessage)..];
            bpms.Fill(0xFF);
            for (var k = 0; k < BeatsPerHrMessage; k++)
            {
                // A short last message repeats its last beat, as the count of times and values must match.
                var (seconds, bpm) = beats[Math.Min(first + k, beats.Count - 1)];
                bpms[k] = bpm;
                var low12 = (int)(Counter(seconds) & 0xFFF);
                for (var bit = 0; bit < 12; bit++)
                {
                    var at = (k * 12) + bit;
                    packed[at >> 3] |= (byte)(((low12 >> bit) & 1) << (at & 7));
                }
            }

            output.Write(message);
        }
    }

    private static void WriteRawDefinition(Stream output, byte local, ushort global, ReadOnlySpan<(byte Number, int Size, FitBaseType Type)> fields)
    {
        Span<byte> header = [(byte)(0x40 | local), 0, 0, 0, 0, (byte)fields.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(header[3..], global);
        output.Write(header);
        foreach (var (number, size, type) in fields)
        {
            output.Write([number, (byte)size, (byte)type]);
        }
    }

    /// <summary>Wraps the messages in a 14-byte header and appends the file CRC (FIT protocol, "File Header", "CRC").</summary>
    private static byte[] Frame(ReadOnlySpan<byte> messages)
    {
        var file = new byte[14 + messages.Length + 2];
        file[0] = 14;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), ProfileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)messages.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitReader.ComputeCrc(file.AsSpan(0, 12)));
        messages.CopyTo(file.AsSpan(14));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitReader.ComputeCrc(file.AsSpan(0, file.Length - 2)));
        return file;
    }

    private static void WriteDefinition(Stream output, byte local, ushort global, FitFieldInfo[] fields)
    {
        Span<byte> header = [(byte)(0x40 | local), 0, 0, 0, 0, (byte)fields.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(header[3..], global);
        output.Write(header);
        foreach (var field in fields)
        {
            output.Write([field.Number, (byte)FitBaseTypes.SizeOf(field.BaseType), (byte)field.BaseType]);
        }
    }

    /// <summary>Writes physical values; NaN (or out of range) becomes the base type's invalid value.</summary>
    private static void WriteData(Stream output, byte local, FitFieldInfo[] fields, ReadOnlySpan<double> values)
    {
        Span<byte> buffer = stackalloc byte[8];
        output.WriteByte(local);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var size = FitBaseTypes.SizeOf(field.BaseType);
            var raw = Math.Round((values[i] + field.Offset) * field.Scale);
            var valid = !double.IsNaN(raw);
            switch (field.BaseType)
            {
                case FitBaseType.Enum or FitBaseType.UInt8:
                    buffer[0] = valid && raw is >= 0 and < 0xFF ? (byte)raw : (byte)0xFF;
                    break;
                case FitBaseType.SInt8:
                    buffer[0] = valid && raw is >= sbyte.MinValue and < sbyte.MaxValue ? (byte)(sbyte)raw : (byte)0x7F;
                    break;
                case FitBaseType.UInt16:
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer, valid && raw is >= 0 and < ushort.MaxValue ? (ushort)raw : ushort.MaxValue);
                    break;
                case FitBaseType.UInt32 or FitBaseType.UInt32z:
                    BinaryPrimitives.WriteUInt32LittleEndian(buffer, valid && raw is >= 0 and < uint.MaxValue ? (uint)raw : field.BaseType == FitBaseType.UInt32z ? 0u : uint.MaxValue);
                    break;
                case FitBaseType.SInt32:
                    BinaryPrimitives.WriteInt32LittleEndian(buffer, valid && raw is > int.MinValue and < int.MaxValue ? (int)raw : int.MaxValue);
                    break;
                default:
                    throw new InvalidOperationException($"The writer does not handle base type {field.BaseType} ({field.Name}).");
            }

            output.Write(buffer[..size]);
        }
    }

    private static double Seconds(DateTimeOffset instant) => (instant - FitDateTime.Epoch).TotalSeconds;

    private static double Semicircles(double degrees) => double.IsNaN(degrees) ? double.NaN : degrees * (2147483648.0 / 180.0);

    private static FitSport ToFitSport(Sport sport) => sport switch
    {
        Sport.Running => FitSport.Running,
        Sport.Walking => FitSport.Walking,
        Sport.Hiking => FitSport.Hiking,
        Sport.Cycling => FitSport.Cycling,
        Sport.Swimming => FitSport.Swimming,
        _ => FitSport.Generic,
    };

    private static FitSubSport ToFitSubSport(SubSport subSport) => subSport switch
    {
        SubSport.Treadmill => FitSubSport.Treadmill,
        SubSport.Trail => FitSubSport.Trail,
        SubSport.Track => FitSubSport.Track,
        SubSport.Road => FitSubSport.Road,
        SubSport.Virtual => FitSubSport.VirtualActivity,
        _ => FitSubSport.Generic,
    };
}

/// <summary>How <see cref="FitActivityWriter"/> lays the activity out.</summary>
/// <param name="HeartRateInHrMessages">
/// Heart rate as hr messages (a chest strap's stored beats, merged by decoders) instead of in the records.
/// </param>
public sealed record FitActivityWriterOptions(bool HeartRateInHrMessages = false);
