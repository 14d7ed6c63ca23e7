using System.Buffers;
using CalfCoach.Formats.Fit.Profile;
using static CalfCoach.Formats.Fit.Profile.FitProfile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Decodes a FIT activity file into a <see cref="FitActivity"/>: file identity, sessions, laps, devices and the
/// record stream as columns. Damage after some valid data does not throw: the activity keeps what came before it,
/// <see cref="FitActivity.IsPartial"/> is set and <see cref="FitActivity.Problems"/> says where and why.
/// </summary>
/// <remarks>Stateless and thread-safe: every call has its own reader state.</remarks>
public sealed class FitActivityDecoder
{
    private const int MaxStreamLength = int.MaxValue - 64;

    private readonly FitReaderOptions _options;

    public FitActivityDecoder(FitReaderOptions options = default)
    {
        _options = options;
    }

    /// <summary>Reads the whole stream into a pooled buffer and decodes it.</summary>
    /// <exception cref="FitFormatException">The input does not start with a FIT file header; nothing could be decoded.</exception>
    public FitActivity Decode(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var capacity = stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 256, MaxStreamLength) : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return Decode(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes the FIT bytes (one file or several chained files).</summary>
    /// <exception cref="FitFormatException">The input does not start with a FIT file header; nothing could be decoded.</exception>
    public FitActivity Decode(ReadOnlySpan<byte> data)
    {
        var state = new DecodeState(data.Length);
        var reader = new FitReader(data, options: _options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenKind == FitTokenKind.FileHeader)
                {
                    state.FileCount++;
                }
                else if (reader.TokenKind == FitTokenKind.Data)
                {
                    state.Count(reader.GlobalMessageNumber);
                    ReadData(ref reader, state);
                }
            }
        }
        catch (FitFormatException ex) when (state.FileCount > 0)
        {
            // Keep what was decoded before the damage; an input that is not FIT at all still throws.
            state.Problems.Add(new FitProblem(ex.ByteOffset, ex.Message));
            state.IsPartial = true;
        }

        return state.Build();
    }

    private static void ReadData(ref FitReader reader, DecodeState state)
    {
        switch (reader.GlobalMessageNumber)
        {
            case MessageNumber.Record:
                // A record whose definition has no fields carries no measurement, only a (compressed) time; the
                // Forerunner 70 writes one before its first real sample. python-fitparse's expected output omits it.
                if (reader.FieldCount > 0 || reader.DeveloperFieldCount > 0)
                {
                    ReadRecord(ref reader, state);
                }

                break;
            case MessageNumber.FileId:
                state.FileId ??= new FitFileId(
                    Byte(ref reader, FileId.Type),
                    UInt16(ref reader, FileId.Manufacturer),
                    UInt16(ref reader, FileId.Product),
                    reader.TryGetUInt32(FileId.SerialNumber.Number, out var serial) ? serial : null,
                    reader.TryGetDateTime(FileId.TimeCreated.Number, out var created) ? created : null,
                    reader.TryGetString(FileId.ProductName.Number, out var productName) ? productName : null);
                break;
            case MessageNumber.Session:
                state.Sessions.Add(ReadSession(ref reader));
                break;
            case MessageNumber.Lap:
                state.Laps.Add(ReadLap(ref reader));
                break;
            case MessageNumber.Sport:
                if (state.SportMessage is null && reader.TryGetByte(FitProfile.Sport.SportType.Number, out var sport))
                {
                    state.SportMessage = (FitSport)sport;
                    state.SubSportMessage = reader.TryGetByte(FitProfile.Sport.SubSport.Number, out var subSport) ? (FitSubSport)subSport : null;
                }

                break;
            case MessageNumber.DeviceInfo:
                state.Devices.Add(new FitDeviceInfo(
                    reader.TryGetTimestamp(out var deviceTime) ? deviceTime : null,
                    Byte(ref reader, DeviceInfo.DeviceIndex),
                    Byte(ref reader, DeviceInfo.DeviceType),
                    UInt16(ref reader, DeviceInfo.Manufacturer),
                    UInt16(ref reader, DeviceInfo.Product),
                    reader.TryGetUInt32(DeviceInfo.SerialNumber.Number, out var deviceSerial) ? deviceSerial : null,
                    Scaled(ref reader, DeviceInfo.SoftwareVersion),
                    reader.TryGetString(DeviceInfo.ProductName.Number, out var deviceName) ? deviceName : null));
                break;
            case MessageNumber.UserProfile:
                state.UserProfile ??= new FitUserProfile(
                    Scaled(ref reader, UserProfile.Weight),
                    Scaled(ref reader, UserProfile.Height),
                    Byte(ref reader, UserProfile.Age),
                    Byte(ref reader, UserProfile.RestingHeartRate),
                    Byte(ref reader, UserProfile.DefaultMaxHeartRate));
                break;
            case MessageNumber.Activity:
                if (reader.TryGetTimestampSeconds(out var utc) && reader.TryGetUInt32(Activity.LocalTimestamp.Number, out var local))
                {
                    state.UtcOffset = TimeSpan.FromSeconds((long)local - utc);
                }

                break;
            case MessageNumber.DeveloperDataId:
                state.DeveloperDataIdCount++;
                if (reader.TryGetByte(DeveloperDataId.DeveloperDataIndex.Number, out var developerIndex))
                {
                    state.DeveloperDataIndexSeen[developerIndex] = true;
                }

                break;
            case MessageNumber.FieldDescription:
                state.DeveloperFieldCount++;
                RegisterDeveloperField(ref reader, state);
                break;
        }
    }

    private static void ReadRecord(ref FitReader reader, DecodeState state)
    {
        var records = state.Records;
        var i = records.Add();

        if (reader.TryGetTimestamp(out var timestamp))
        {
            records.SetTimestamp(i, timestamp);
        }

        if (reader.TryGetSInt32(Record.PositionLat.Number, out var lat) && reader.TryGetSInt32(Record.PositionLong.Number, out var lon))
        {
            records.Set(RecordColumn.Latitude, i, lat * DegreesPerSemicircle);
            records.Set(RecordColumn.Longitude, i, lon * DegreesPerSemicircle);
        }

        if (reader.TryGetScaled(Record.EnhancedAltitude, out var altitude) || reader.TryGetScaled(Record.Altitude, out altitude))
        {
            records.Set(RecordColumn.Altitude, i, altitude);
        }

        if (reader.TryGetScaled(Record.Distance, out var distance))
        {
            records.Set(RecordColumn.Distance, i, distance);
        }

        if (reader.TryGetScaled(Record.EnhancedSpeed, out var speed) || reader.TryGetScaled(Record.Speed, out speed))
        {
            records.Set(RecordColumn.Speed, i, speed);
        }

        if (reader.TryGetBytes(Record.CompressedSpeedDistance.Number, out var compressed))
        {
            ExpandCompressedSpeedDistance(compressed, i, state);
        }

        if (reader.TryGetByte(Record.HeartRate.Number, out var heartRate))
        {
            records.Set(RecordColumn.HeartRate, i, heartRate);
        }

        if (reader.TryGetByte(Record.Cadence.Number, out var cadence))
        {
            var value = reader.TryGetScaled(Record.FractionalCadence, out var fraction) ? cadence + fraction : cadence;
            records.Set(RecordColumn.Cadence, i, value);
        }

        SetIfValid(ref reader, records, RecordColumn.Power, i, Record.Power);
        SetIfValid(ref reader, records, RecordColumn.Temperature, i, Record.Temperature);
        SetIfValid(ref reader, records, RecordColumn.VerticalOscillation, i, Record.VerticalOscillation);
        SetIfValid(ref reader, records, RecordColumn.StanceTime, i, Record.StanceTime);
        SetIfValid(ref reader, records, RecordColumn.StepLength, i, Record.StepLength);
        SetIfValid(ref reader, records, RecordColumn.VerticalRatio, i, Record.VerticalRatio);
        SetIfValid(ref reader, records, RecordColumn.Cycles, i, Record.Cycles);

        if (reader.DeveloperFieldCount > 0 && HasValidDeveloperField(ref reader, state))
        {
            records.RecordsWithDeveloperFields++;
        }
    }

    /// <summary>
    /// record.compressed_speed_distance (older devices): speed in bits 0-11 (scale 100) and distance in bits 12-23
    /// (scale 16) which accumulates, wrapping at 4096, across records (FIT profile, record field 8 components).
    /// Only fills values the record did not carry in their own fields.
    /// </summary>
    private static void ExpandCompressedSpeedDistance(ReadOnlySpan<byte> bytes, int i, DecodeState state)
    {
        if (bytes.Length < 3 || FitBaseTypes.IsAllInvalid(bytes, FitBaseType.Byte, bigEndian: false))
        {
            return;
        }

        var speedRaw = bytes[0] | ((bytes[1] & 0x0F) << 8);
        var distanceRaw = (bytes[1] >> 4) | (bytes[2] << 4);
        state.CompressedDistance = state.HasCompressedDistance
            ? state.CompressedDistance + ((distanceRaw - state.LastCompressedDistanceRaw) & 0xFFF)
            : distanceRaw;
        state.HasCompressedDistance = true;
        state.LastCompressedDistanceRaw = distanceRaw;

        var records = state.Records;
        if (double.IsNaN(records.Column(RecordColumn.Speed)[i]))
        {
            records.Set(RecordColumn.Speed, i, speedRaw / 100.0);
        }

        if (double.IsNaN(records.Column(RecordColumn.Distance)[i]))
        {
            records.Set(RecordColumn.Distance, i, state.CompressedDistance / 16.0);
        }
    }

    private static void RegisterDeveloperField(ref FitReader reader, DecodeState state)
    {
        // Like Garmin's SDK, a description only counts once its developer_data_id has been seen.
        if (reader.TryGetByte(FieldDescription.DeveloperDataIndex.Number, out var developerIndex) &&
            state.DeveloperDataIndexSeen[developerIndex] &&
            reader.TryGetByte(FieldDescription.FieldDefinitionNumber.Number, out var fieldNumber) &&
            reader.TryGetByte(FieldDescription.FitBaseTypeId.Number, out var baseTypeId) &&
            FitBaseTypes.TryParse(baseTypeId, out var baseType))
        {
            state.DeveloperFieldTypes[(developerIndex << 8) | fieldNumber] = baseType;
        }
    }

    private static bool HasValidDeveloperField(ref FitReader reader, DecodeState state)
    {
        var bigEndian = reader.IsBigEndian;
        for (var d = 0; d < reader.DeveloperFieldCount; d++)
        {
            var field = reader.GetDeveloperFieldDefinition(d);
            if (state.DeveloperFieldTypes.TryGetValue((field.DeveloperDataIndex << 8) | field.FieldNumber, out var baseType) &&
                !FitBaseTypes.IsAllInvalid(reader.GetDeveloperFieldBytes(d), baseType, bigEndian))
            {
                return true;
            }
        }

        return false;
    }

    private static FitSession ReadSession(ref FitReader reader)
    {
        var sport = reader.TryGetByte(Session.Sport.Number, out var s) ? (FitSport?)s : null;
        var avgCadence = Cadence(ref reader, Session.AvgCadence, Session.AvgFractionalCadence);
        return new FitSession(
            reader.TryGetDateTime(Session.StartTime.Number, out var start) ? start : null,
            reader.TryGetTimestamp(out var end) ? end : null,
            sport,
            reader.TryGetByte(Session.SubSport.Number, out var subSport) ? (FitSubSport)subSport : null,
            Scaled(ref reader, Session.TotalElapsedTime),
            Scaled(ref reader, Session.TotalTimerTime),
            Scaled(ref reader, Session.TotalDistance),
            UInt16(ref reader, Session.TotalAscent),
            UInt16(ref reader, Session.TotalDescent),
            UInt16(ref reader, Session.TotalCalories),
            Scaled(ref reader, Session.EnhancedAvgSpeed) ?? Scaled(ref reader, Session.AvgSpeed),
            Scaled(ref reader, Session.EnhancedMaxSpeed) ?? Scaled(ref reader, Session.MaxSpeed),
            Byte(ref reader, Session.AvgHeartRate),
            Byte(ref reader, Session.MaxHeartRate),
            avgCadence,
            sport is { } known && IsFootSport(known) ? avgCadence * 2 : null,
            UInt16(ref reader, Session.AvgPower),
            UInt16(ref reader, Session.NumLaps),
            Scaled(ref reader, Session.AvgVerticalOscillation),
            Scaled(ref reader, Session.AvgStanceTime),
            Scaled(ref reader, Session.AvgStepLength));
    }

    private static FitLap ReadLap(ref FitReader reader) => new(
        reader.TryGetDateTime(Lap.StartTime.Number, out var start) ? start : null,
        reader.TryGetTimestamp(out var end) ? end : null,
        reader.TryGetByte(Lap.Sport.Number, out var sport) ? (FitSport)sport : null,
        Scaled(ref reader, Lap.TotalElapsedTime),
        Scaled(ref reader, Lap.TotalTimerTime),
        Scaled(ref reader, Lap.TotalDistance),
        Scaled(ref reader, Lap.EnhancedAvgSpeed) ?? Scaled(ref reader, Lap.AvgSpeed),
        Byte(ref reader, Lap.AvgHeartRate),
        Byte(ref reader, Lap.MaxHeartRate),
        Cadence(ref reader, Lap.AvgCadence, Lap.AvgFractionalCadence),
        UInt16(ref reader, Lap.AvgPower),
        UInt16(ref reader, Lap.TotalAscent));

    private static double? Cadence(ref FitReader reader, in FitFieldInfo whole, in FitFieldInfo fraction)
    {
        if (!reader.TryGetByte(whole.Number, out var cadence))
        {
            return null;
        }

        return reader.TryGetScaled(fraction, out var part) ? cadence + part : cadence;
    }

    private static void SetIfValid(ref FitReader reader, RecordStreamsBuilder records, RecordColumn column, int index, in FitFieldInfo field)
    {
        if (reader.TryGetScaled(field, out var value))
        {
            records.Set(column, index, value);
        }
    }

    private static double? Scaled(ref FitReader reader, in FitFieldInfo field) => reader.TryGetScaled(field, out var value) ? value : null;

    private static byte? Byte(ref FitReader reader, in FitFieldInfo field) => reader.TryGetByte(field.Number, out var value) ? value : null;

    private static ushort? UInt16(ref FitReader reader, in FitFieldInfo field) => reader.TryGetUInt16(field.Number, out var value) ? value : null;

    /// <summary>Everything accumulated while reading one input.</summary>
    private sealed class DecodeState(int inputLength)
    {
        // Records are rarely shorter than ~16 bytes, so this avoids regrowing the columns for typical files.
        public RecordStreamsBuilder Records { get; } = new(inputLength / 24);

        public List<FitSession> Sessions { get; } = [];

        public List<FitLap> Laps { get; } = [];

        public List<FitDeviceInfo> Devices { get; } = [];

        public List<FitProblem> Problems { get; } = [];

        public Dictionary<ushort, int> MessageCounts { get; } = [];

        public Dictionary<int, FitBaseType> DeveloperFieldTypes { get; } = [];

        public bool[] DeveloperDataIndexSeen { get; } = new bool[256];

        public FitFileId? FileId { get; set; }

        public FitUserProfile? UserProfile { get; set; }

        public FitSport? SportMessage { get; set; }

        public FitSubSport? SubSportMessage { get; set; }

        public TimeSpan? UtcOffset { get; set; }

        public int FileCount { get; set; }

        public int DeveloperFieldCount { get; set; }

        public int DeveloperDataIdCount { get; set; }

        public bool IsPartial { get; set; }

        public bool HasCompressedDistance { get; set; }

        public int LastCompressedDistanceRaw { get; set; }

        public long CompressedDistance { get; set; }

        public void Count(ushort globalMessageNumber)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(MessageCounts, globalMessageNumber, out _);
            count++;
        }

        public FitActivity Build()
        {
            var firstSession = Sessions.Count > 0 ? Sessions[0] : null;
            var sport = firstSession?.Sport ?? SportMessage;
            FillStepsPerMinute(sport);
            return new FitActivity
            {
                FileId = FileId,
                Sport = sport,
                SubSport = firstSession?.SubSport ?? SubSportMessage,
                Sessions = Sessions,
                Laps = Laps,
                Devices = Devices,
                UserProfile = UserProfile,
                Records = Records.Build(),
                UtcOffset = UtcOffset,
                DeveloperFieldCount = DeveloperFieldCount,
                DeveloperDataIdCount = DeveloperDataIdCount,
                MessageCounts = MessageCounts,
                FileCount = FileCount,
                IsPartial = IsPartial,
                Problems = Problems,
            };
        }

        /// <summary>
        /// Doubles cadence into steps per minute for records inside a foot-sport session. Sessions come after their
        /// records in the file, so this runs at the end; a record outside every session takes the activity's sport.
        /// </summary>
        private void FillStepsPerMinute(FitSport? activitySport)
        {
            var cadence = Records.Column(RecordColumn.Cadence);
            var stepsPerMinute = Records.Column(RecordColumn.CadenceStepsPerMinute);
            var timestamps = Records.Timestamps;
            var defaultIsFoot = activitySport is { } s && IsFootSport(s);
            for (var i = 0; i < cadence.Length; i++)
            {
                if (double.IsNaN(cadence[i]))
                {
                    continue;
                }

                var isFoot = defaultIsFoot;
                if (timestamps[i] is { } t)
                {
                    foreach (var session in Sessions)
                    {
                        if (session.StartTimeUtc is { } start && t >= start &&
                            (session.TimestampUtc is not { } end || t <= end) &&
                            session.Sport is { } sessionSport)
                        {
                            isFoot = IsFootSport(sessionSport);
                            break;
                        }
                    }
                }

                if (isFoot)
                {
                    stepsPerMinute[i] = cadence[i] * 2;
                }
            }
        }
    }
}
