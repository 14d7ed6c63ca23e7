using System.Buffers;
using CalfCoach.Formats.Fit.Profile;
using static CalfCoach.Formats.Fit.Profile.FitProfile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Decodes a FIT activity file into a <see cref="FitActivity"/>: file identity, sessions, laps, devices and the
/// record stream as columns. Damage after some valid data does not throw: the activity keeps what came before it,
/// <see cref="FitActivity.IsPartial"/> is set and <see cref="FitActivity.Problems"/> says where and why.
/// </summary>
/// <remarks>
/// Thread-safe: every call has its own reader state. Each thread keeps one definition table for its next decode, so
/// decoding many files does not allocate one per file. Record fields are read through a per-definition field plan
/// (<see cref="RecordFieldPlan"/>) that gives exactly what the reader's <c>TryGet…</c> methods give.
/// </remarks>
public sealed class FitActivityDecoder
{
    private const int MaxStreamLength = int.MaxValue - 64;

    [ThreadStatic]
    private static FitDefinitionTable? _cachedDefinitions;


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
    public FitActivity Decode(ReadOnlySpan<byte> data) => Decode(data, useFieldPlans: true);

    /// <summary>
    /// Decodes into <paramref name="columns"/> (emptied first; see <see cref="RecordStreamsBuilder.Rent"/>): the result's
    /// <see cref="FitActivity.Records"/> use its arrays, so they are only valid until the columns are returned.
    /// </summary>
    internal FitActivity Decode(ReadOnlySpan<byte> data, RecordStreamsBuilder columns)
    {
        columns.Reset();
        return Decode(data, useFieldPlans: true, columns);
    }

    /// <param name="useFieldPlans">
    /// True (the normal path): record fields are read at offsets worked out once per definition. False: every field is
    /// looked up with the reader's <c>TryGet…</c> methods; kept as the reference the fast path is tested against.
    /// </param>
    internal FitActivity Decode(ReadOnlySpan<byte> data, bool useFieldPlans) => Decode(data, useFieldPlans, new RecordStreamsBuilder());

    private FitActivity Decode(ReadOnlySpan<byte> data, bool useFieldPlans, RecordStreamsBuilder columns)
    {
        var state = new DecodeState(useFieldPlans, columns);

        // The definition table (about 70 KB) is reused by later decodes on this thread; taking it out of the slot
        // while in use keeps a nested or concurrent use from sharing it.
        var definitions = _cachedDefinitions ?? new FitDefinitionTable();
        _cachedDefinitions = null;
        var reader = new FitReader(data, definitions, _options);
        try
        {
            while (reader.Read())
            {
                var kind = reader.TokenKind;
                if (kind == FitTokenKind.Data)
                {
                    var global = reader.GlobalMessageNumber;
                    state.Count(global);
                    if (global == MessageNumber.Record)
                    {
                        ReadRecordMessage(ref reader, state, data);
                    }
                    else
                    {
                        ReadData(ref reader, state, global, data);
                    }
                }
                else if (kind == FitTokenKind.FileHeader)
                {
                    state.FileCount++;
                }
            }
        }
        catch (FitFormatException ex) when (state.FileCount > 0)
        {
            // Keep what was decoded before the damage; an input that is not FIT at all still throws.
            state.Problems.Add(new FitProblem(ex.ByteOffset, ex.Problem));
            state.IsPartial = true;
        }
        finally
        {
            _cachedDefinitions = definitions;
        }

        // Records queued before the end (or before the damage) were complete messages.
        FlushRecords(data, state);
        return state.Build();
    }

    private static void ReadRecordMessage(ref FitReader reader, DecodeState state, ReadOnlySpan<byte> data)
    {
        if (!state.UseFieldPlans)
        {
            // A record whose definition has no fields carries no measurement, only a (compressed) time; the
            // Forerunner 70 writes one before its first real sample. python-fitparse's expected output omits it.
            if (reader.FieldCount > 0 || reader.DeveloperFieldCount > 0)
            {
                EstimateCapacity(ref reader, state, data.Length, reader.CurrentContent.Length);
                ReadRecord(ref reader, state);
            }

            return;
        }

        var hasTimestamp = reader.GetDataMessage(out var localMessage, out var definitionOffset, out var contentOffset, out var timestamp);
        var plan = state.Plans[localMessage] ??= new RecordFieldPlan();
        if (plan.DefinitionOffset != definitionOffset)
        {
            // Queued records of this plan are read with the layout they were written with.
            if (!plan.HasLayoutOf(ref reader))
            {
                FlushRecords(data, state);
            }

            plan.Update(ref reader, definitionOffset);
        }

        if (!plan.HasAnyField)
        {
            return;
        }

        if (!ReferenceEquals(state.QueuedPlan, plan) || state.QueuedCount == DecodeState.QueueCapacity)
        {
            if (state.QueuedCount == 0 && state.Records.Count == 0)
            {
                EstimateCapacity(ref reader, state, data.Length, plan.ContentSize);
            }

            FlushRecords(data, state);
            state.QueuedPlan = plan;
        }

        // Only where the record lies and its time are kept now; the fields are read a column at a time (FlushRecords).
        var n = state.QueuedCount++;
        state.QueuedOffsets[n] = contentOffset;
        state.QueuedTimestamps[n] = hasTimestamp ? timestamp : FitRecordStreams.NoTimestamp;
    }

    /// <summary>
    /// Before the first record, sizes the columns for the rest of the input as if it were all records like this one
    /// (at least 16 bytes each, so a tiny record cannot make the columns many times larger than the input).
    /// </summary>
    private static void EstimateCapacity(ref FitReader reader, DecodeState state, int inputLength, int contentSize)
    {
        if (state.Records.Count == 0 && state.QueuedCount == 0)
        {
            var remaining = inputLength - reader.TokenStartIndex;
            state.Records.EnsureCapacity((int)(remaining / Math.Max(1 + contentSize, 16)) + 16);
        }
    }

    private static void ReadData(ref FitReader reader, DecodeState state, ushort globalMessageNumber, ReadOnlySpan<byte> data)
    {
        switch (globalMessageNumber)
        {
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
                // Queued records are judged against the descriptions seen before them.
                FlushRecords(data, state);
                state.DeveloperFieldCount++;
                RegisterDeveloperField(ref reader, state);
                break;
            case MessageNumber.Hr:
                state.HeartRates.Read(ref reader);
                break;
        }
    }

    /// <summary>
    /// Reads the queued records (consecutive records of one field plan) a column at a time: for each channel, one
    /// loop over the queued records with fixed-offset reads. Each loop does per record exactly what the reference path
    /// (<see cref="ReadRecord(ref FitReader, DecodeState)"/>) does, so the values are the same bit for bit; working
    /// by column keeps each loop's field layout and destination fixed and skips channels the plan does not carry.
    /// </summary>
    private static void FlushRecords(ReadOnlySpan<byte> data, DecodeState state)
    {
        var count = state.QueuedCount;
        if (count == 0)
        {
            return;
        }

        state.QueuedCount = 0;
        var plan = state.QueuedPlan!;
        var offsets = state.QueuedOffsets.AsSpan(0, count);
        var size = plan.ContentSize;
        var be = plan.IsBigEndian;
        var records = state.Records;
        var first = records.AddUnset(count);
        state.QueuedTimestamps.AsSpan(0, count).CopyTo(records.TimestampTarget(first, count));
        FieldColumnReader.CheckContents(data, offsets, size);
        var scratch = state.Scratch;
        var scratchA = scratch.AsSpan(0, count);
        var scratchB = scratch.AsSpan(DecodeState.QueueCapacity, count);
        var scratchC = scratch.AsSpan(2 * DecodeState.QueueCapacity, count);

        // Position: both coordinates valid, or neither.
        if (plan.PositionLat.IsPresent && plan.PositionLong.IsPresent)
        {
            var latitude = records.Target(RecordColumn.Latitude, first, count, scratchA);
            var longitude = records.Target(RecordColumn.Longitude, first, count, scratchB);
            FieldColumnReader.ReadPositions(data, offsets, plan.PositionLat, plan.PositionLong, be, DegreesPerSemicircle, latitude, longitude);
            records.Commit(RecordColumn.Latitude, first, latitude);
            records.Commit(RecordColumn.Longitude, first, longitude);
        }
        else
        {
            records.SetMissing(RecordColumn.Latitude, first, count);
            records.SetMissing(RecordColumn.Longitude, first, count);
        }

        ReadWithFallback(data, offsets, be, plan.EnhancedAltitude, Record.EnhancedAltitude, plan.Altitude, Record.Altitude, records, RecordColumn.Altitude, first, scratchA, scratchC);

        // Distance and speed, then compressed_speed_distance fills what they left NaN (in record order: it accumulates).
        if (plan.CompressedSpeedDistance.IsPresent)
        {
            var distance = records.Target(RecordColumn.Distance, first, count, scratchA);
            var speed = records.Target(RecordColumn.Speed, first, count, scratchB);
            FieldColumnReader.ReadScaled(data, offsets, plan.Distance, be, Record.Distance, distance);
            for (var k = 0; k < offsets.Length; k++)
            {
                var content = data.Slice(offsets[k], size);
                if (!plan.EnhancedSpeed.TryGetScaledUInt32(content, be, Record.EnhancedSpeed, out speed[k]))
                {
                    plan.Speed.TryGetScaledUInt16(content, be, Record.Speed, out speed[k]);
                }
            }

            var field = plan.CompressedSpeedDistance;
            for (var k = 0; k < offsets.Length; k++)
            {
                ExpandCompressedSpeedDistance(data.Slice(offsets[k] + field.Offset, field.Size), ref speed[k], ref distance[k], state);
            }

            records.Commit(RecordColumn.Distance, first, distance);
            records.Commit(RecordColumn.Speed, first, speed);
        }
        else
        {
            ReadScaledColumn(data, offsets, be, plan.Distance, Record.Distance, records, RecordColumn.Distance, first, scratchA);
            ReadWithFallback(data, offsets, be, plan.EnhancedSpeed, Record.EnhancedSpeed, plan.Speed, Record.Speed, records, RecordColumn.Speed, first, scratchA, scratchC);
        }

        if (plan.HeartRate.IsPresent)
        {
            var heartRate = records.Target(RecordColumn.HeartRate, first, count, scratchA);
            FieldColumnReader.ReadBytes(data, offsets, plan.HeartRate, be, heartRate);
            records.Commit(RecordColumn.HeartRate, first, heartRate);
        }
        else
        {
            records.SetMissing(RecordColumn.HeartRate, first, count);
        }

        if (plan.Cadence.IsPresent)
        {
            // Whole strides (or revolutions) per minute plus the fraction (scale 128) where both are there.
            var cadence = records.Target(RecordColumn.Cadence, first, count, scratchA);
            FieldColumnReader.ReadBytes(data, offsets, plan.Cadence, be, cadence);
            if (plan.FractionalCadence.IsPresent)
            {
                FieldColumnReader.ReadScaled(data, offsets, plan.FractionalCadence, be, Record.FractionalCadence, scratchC);
                if (FieldColumnReader.IsInteger(plan.FractionalCadence))
                {
                    for (var k = 0; k < cadence.Length; k++)
                    {
                        if (!double.IsNaN(scratchC[k]))
                        {
                            cadence[k] += scratchC[k];
                        }
                    }
                }
                else
                {
                    for (var k = 0; k < cadence.Length; k++)
                    {
                        if (!double.IsNaN(cadence[k]) &&
                            plan.FractionalCadence.TryGetScaledUInt8(data.Slice(offsets[k], size), be, Record.FractionalCadence, out var fraction))
                        {
                            cadence[k] += fraction;
                        }
                    }
                }
            }

            records.Commit(RecordColumn.Cadence, first, cadence);
        }
        else
        {
            records.SetMissing(RecordColumn.Cadence, first, count);
        }

        // Steps per minute is filled at the end, from the sessions; until then every queued record has none.
        records.SetMissing(RecordColumn.CadenceStepsPerMinute, first, count);

        ReadScaledColumn(data, offsets, be, plan.Power, Record.Power, records, RecordColumn.Power, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.Temperature, Record.Temperature, records, RecordColumn.Temperature, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.VerticalOscillation, Record.VerticalOscillation, records, RecordColumn.VerticalOscillation, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.StanceTime, Record.StanceTime, records, RecordColumn.StanceTime, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.StepLength, Record.StepLength, records, RecordColumn.StepLength, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.VerticalRatio, Record.VerticalRatio, records, RecordColumn.VerticalRatio, first, scratchA);
        ReadScaledColumn(data, offsets, be, plan.Cycles, Record.Cycles, records, RecordColumn.Cycles, first, scratchA);

        if (plan.HasDeveloperFields)
        {
            for (var k = 0; k < offsets.Length; k++)
            {
                if (plan.HasValidDeveloperField(data.Slice(offsets[k], size), state.DeveloperFieldTypes, state.DeveloperFieldTypesVersion))
                {
                    records.RecordsWithDeveloperFields++;
                }
            }
        }
    }

    /// <summary>One column from one field (see <see cref="FlushRecords"/>).</summary>
    private static void ReadScaledColumn(
        ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, bool be, in FieldRef field, in FitFieldInfo info,
        RecordStreamsBuilder records, RecordColumn column, int first, Span<double> scratch)
    {
        if (!field.IsPresent)
        {
            records.SetMissing(column, first, offsets.Length);
            return;
        }

        var values = records.Target(column, first, offsets.Length, scratch);
        FieldColumnReader.ReadScaled(data, offsets, field, be, info, values);
        records.Commit(column, first, values);
    }

    /// <summary>
    /// One column from a preferred field (enhanced_speed, enhanced_altitude) where it is valid, else from the older
    /// field (speed, altitude).
    /// </summary>
    private static void ReadWithFallback(
        ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, bool be, in FieldRef preferred, in FitFieldInfo preferredInfo,
        in FieldRef fallback, in FitFieldInfo fallbackInfo, RecordStreamsBuilder records, RecordColumn column, int first,
        Span<double> scratch, Span<double> fallbackValues)
    {
        if (!preferred.IsPresent)
        {
            ReadScaledColumn(data, offsets, be, fallback, fallbackInfo, records, column, first, scratch);
            return;
        }

        var values = records.Target(column, first, offsets.Length, scratch);
        FieldColumnReader.ReadScaled(data, offsets, preferred, be, preferredInfo, values);
        if (fallback.IsPresent)
        {
            FieldColumnReader.ReadScaled(data, offsets, fallback, be, fallbackInfo, fallbackValues);
            if (FieldColumnReader.IsInteger(preferred))
            {
                for (var k = 0; k < values.Length; k++)
                {
                    if (double.IsNaN(values[k]))
                    {
                        values[k] = fallbackValues[k];
                    }
                }
            }
            else
            {
                // A float field may hold a NaN that counts as valid: ask the field itself whether it is valid.
                for (var k = 0; k < values.Length; k++)
                {
                    if (!preferred.TryGetDouble(data.Slice(offsets[k], preferred.Offset + preferred.Size), be, out _))
                    {
                        values[k] = fallbackValues[k];
                    }
                }
            }
        }

        records.Commit(column, first, values);
    }

    /// <summary>Reads a record by looking every field up by number (the reference for the field-plan path).</summary>
    private static void ReadRecord(ref FitReader reader, DecodeState state)
    {
        RecordValues v;
        v.Timestamp = reader.TryGetTimestampSeconds(out var timestamp) ? timestamp : FitRecordStreams.NoTimestamp;

        v.Latitude = v.Longitude = double.NaN;
        if (reader.TryGetSInt32(Record.PositionLat.Number, out var lat) && reader.TryGetSInt32(Record.PositionLong.Number, out var lon))
        {
            v.Latitude = lat * DegreesPerSemicircle;
            v.Longitude = lon * DegreesPerSemicircle;
        }

        if (!reader.TryGetScaled(Record.EnhancedAltitude, out v.Altitude))
        {
            reader.TryGetScaled(Record.Altitude, out v.Altitude);
        }

        reader.TryGetScaled(Record.Distance, out v.Distance);
        if (!reader.TryGetScaled(Record.EnhancedSpeed, out v.Speed))
        {
            reader.TryGetScaled(Record.Speed, out v.Speed);
        }

        if (reader.TryGetBytes(Record.CompressedSpeedDistance.Number, out var compressed))
        {
            ExpandCompressedSpeedDistance(compressed, ref v.Speed, ref v.Distance, state);
        }

        v.HeartRate = reader.TryGetByte(Record.HeartRate.Number, out var heartRate) ? heartRate : double.NaN;
        v.Cadence = double.NaN;
        if (reader.TryGetByte(Record.Cadence.Number, out var cadence))
        {
            v.Cadence = reader.TryGetScaled(Record.FractionalCadence, out var fraction) ? cadence + fraction : cadence;
        }

        reader.TryGetScaled(Record.Power, out v.Power);
        reader.TryGetScaled(Record.Temperature, out v.Temperature);
        reader.TryGetScaled(Record.VerticalOscillation, out v.VerticalOscillation);
        reader.TryGetScaled(Record.StanceTime, out v.StanceTime);
        reader.TryGetScaled(Record.StepLength, out v.StepLength);
        reader.TryGetScaled(Record.VerticalRatio, out v.VerticalRatio);
        reader.TryGetScaled(Record.Cycles, out v.Cycles);

        var records = state.Records;
        if (reader.DeveloperFieldCount > 0 && HasValidDeveloperField(ref reader, state))
        {
            records.RecordsWithDeveloperFields++;
        }

        v.Store(records);
    }

    /// <summary>
    /// record.compressed_speed_distance (older devices): speed in bits 0-11 (scale 100) and distance in bits 12-23
    /// (scale 16) which accumulates, wrapping at 4096, across records (FIT profile, record field 8 components).
    /// Only fills values the record did not carry in their own fields.
    /// </summary>
    private static void ExpandCompressedSpeedDistance(ReadOnlySpan<byte> bytes, ref double speed, ref double distance, DecodeState state)
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

        if (double.IsNaN(speed))
        {
            speed = speedRaw / 100.0;
        }

        if (double.IsNaN(distance))
        {
            distance = state.CompressedDistance / 16.0;
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
            state.DeveloperFieldTypesVersion++;
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

    private static double? Scaled(ref FitReader reader, in FitFieldInfo field) => reader.TryGetScaled(field, out var value) ? value : null;

    private static byte? Byte(ref FitReader reader, in FitFieldInfo field) => reader.TryGetByte(field.Number, out var value) ? value : null;

    private static ushort? UInt16(ref FitReader reader, in FitFieldInfo field) => reader.TryGetUInt16(field.Number, out var value) ? value : null;

    /// <summary>Everything accumulated while reading one input.</summary>
    private sealed class DecodeState(bool useFieldPlans, RecordStreamsBuilder records)
    {
        // Message counts for global numbers below this are kept in an array (no dictionary lookup per message).
        private const int DenseCountLimit = 256;

        private readonly int[] _denseCounts = new int[DenseCountLimit];
        private int _sparseNumber = -1;
        private int _sparseCount;

        public bool UseFieldPlans { get; } = useFieldPlans;

        /// <summary>Records read a column at a time, at most this many at once (see FlushRecords).</summary>
        public const int QueueCapacity = 256;

        /// <summary>The plan of the queued records: consecutive records of one layout.</summary>
        public RecordFieldPlan? QueuedPlan { get; set; }

        public int QueuedCount { get; set; }

        /// <summary>Where each queued record's content starts in the input (already checked to lie inside it).</summary>
        public int[] QueuedOffsets { get; } = new int[QueueCapacity];

        public uint[] QueuedTimestamps { get; } = new uint[QueueCapacity];

        /// <summary>Three columns' worth of values: for channels that have no column yet, and fallback fields.</summary>
        public double[] Scratch { get; } = new double[3 * QueueCapacity];

        /// <summary>Field plans of record definitions, by local message number.</summary>
        public RecordFieldPlan?[] Plans { get; } = new RecordFieldPlan?[16];

        public RecordStreamsBuilder Records { get; } = records;

        /// <summary>Beats of hr messages, merged into the records' heart rate at the end.</summary>
        public HeartRateMessageMerger HeartRates { get; } = new();

        public List<FitSession> Sessions { get; } = [];

        public List<FitLap> Laps { get; } = [];

        public List<FitDeviceInfo> Devices { get; } = [];

        public List<FitProblem> Problems { get; } = [];

        public Dictionary<ushort, int> MessageCounts { get; } = [];

        /// <summary>Base types of described developer fields, keyed by developer data index × 256 + field number.</summary>
        public Dictionary<int, FitBaseType> DeveloperFieldTypes { get; } = [];

        /// <summary>Bumped whenever <see cref="DeveloperFieldTypes"/> changes, so field plans know to look again.</summary>
        public int DeveloperFieldTypesVersion { get; set; }

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
            if (globalMessageNumber < DenseCountLimit)
            {
                _denseCounts[globalMessageNumber]++;
                return;
            }

            // Manufacturer-specific messages (65280 and up) can be as many as the records: count the current number
            // here and only go to the dictionary when it changes.
            if (globalMessageNumber != _sparseNumber)
            {
                FlushSparseCount();
                _sparseNumber = globalMessageNumber;
            }

            _sparseCount++;
        }

        public FitActivity Build()
        {
            FlushSparseCount();
            for (var number = 0; number < DenseCountLimit; number++)
            {
                if (_denseCounts[number] > 0)
                {
                    MessageCounts[(ushort)number] = _denseCounts[number];
                }
            }

            var firstSession = Sessions.Count > 0 ? Sessions[0] : null;
            var sport = firstSession?.Sport ?? SportMessage;
            FillStepsPerMinute(sport);
            if (HeartRates.FirstSkip is { } skip)
            {
                Problems.Add(skip with { Message = $"{skip.Message} ({HeartRates.Skipped} hr message(s) or beat(s) skipped; the rest of the heart rate was kept)" });
            }

            return new FitActivity
            {
                FileId = FileId,
                Sport = sport,
                SubSport = firstSession?.SubSport ?? SubSportMessage,
                Sessions = Sessions,
                Laps = Laps,
                Devices = Devices,
                UserProfile = UserProfile,
                Records = HeartRates.MergeInto(Records.Build()),
                UtcOffset = UtcOffset,
                DeveloperFieldCount = DeveloperFieldCount,
                DeveloperDataIdCount = DeveloperDataIdCount,
                MessageCounts = MessageCounts,
                FileCount = FileCount,
                IsPartial = IsPartial,
                Problems = Problems,
            };
        }

        private void FlushSparseCount()
        {
            if (_sparseCount > 0)
            {
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(MessageCounts, (ushort)_sparseNumber, out _);
                count += _sparseCount;
                _sparseCount = 0;
            }
        }

        /// <summary>
        /// Doubles cadence into steps per minute for records inside a foot-sport session. Sessions come after their
        /// records in the file, so this runs at the end; a record outside every session takes the activity's sport.
        /// </summary>
        private void FillStepsPerMinute(FitSport? activitySport)
        {
            if (!Records.HasValues(RecordColumn.Cadence))
            {
                return;
            }

            var cadence = Records.Column(RecordColumn.Cadence);
            var timestamps = Records.Timestamps;
            var defaultIsFoot = activitySport is { } s && IsFootSport(s);

            // Session bounds in ticks, compared with each record's time in ticks: the same test as on DateTimeOffset.
            var sessions = new (long Start, long End, bool IsFoot)[Sessions.Count];
            var sessionCount = 0;
            foreach (var session in Sessions)
            {
                if (session.StartTimeUtc is { } start && session.Sport is { } sessionSport)
                {
                    sessions[sessionCount++] = (start.UtcTicks, session.TimestampUtc?.UtcTicks ?? long.MaxValue, IsFootSport(sessionSport));
                }
            }

            var anyFoot = defaultIsFoot;
            for (var k = 0; k < sessionCount; k++)
            {
                anyFoot |= sessions[k].IsFoot;
            }

            if (!anyFoot)
            {
                // No record can be a foot sport's: the column stays without values (NaN for every record).
                return;
            }

            var stepsPerMinute = Records.Materialized(RecordColumn.CadenceStepsPerMinute);
            var epochTicks = FitDateTime.Epoch.UtcTicks;
            for (var i = 0; i < cadence.Length; i++)
            {
                if (double.IsNaN(cadence[i]))
                {
                    stepsPerMinute[i] = double.NaN;
                    continue;
                }

                var isFoot = defaultIsFoot;
                if (timestamps[i] != FitRecordStreams.NoTimestamp)
                {
                    var t = epochTicks + (timestamps[i] * TimeSpan.TicksPerSecond);
                    for (var k = 0; k < sessionCount; k++)
                    {
                        if (t >= sessions[k].Start && t <= sessions[k].End)
                        {
                            isFoot = sessions[k].IsFoot;
                            break;
                        }
                    }
                }

                stepsPerMinute[i] = isFoot ? cadence[i] * 2 : double.NaN;
            }
        }
    }

    /// <summary>One record's values, gathered before being stored so each column is written exactly once.</summary>
    private struct RecordValues
    {
        public uint Timestamp;
        public double Latitude;
        public double Longitude;
        public double Distance;
        public double Speed;
        public double Altitude;
        public double HeartRate;
        public double Cadence;
        public double Power;
        public double Temperature;
        public double VerticalOscillation;
        public double StanceTime;
        public double StepLength;
        public double VerticalRatio;
        public double Cycles;

        /// <summary>Appends the record; steps per minute is set at the end, from the sessions.</summary>
        public readonly void Store(RecordStreamsBuilder records)
        {
            var i = records.AddUnset();
            records.SetTimestamp(i, Timestamp);
            records.Set(RecordColumn.Latitude, i, Latitude);
            records.Set(RecordColumn.Longitude, i, Longitude);
            records.Set(RecordColumn.Distance, i, Distance);
            records.Set(RecordColumn.Speed, i, Speed);
            records.Set(RecordColumn.Altitude, i, Altitude);
            records.Set(RecordColumn.HeartRate, i, HeartRate);
            records.Set(RecordColumn.Cadence, i, Cadence);
            records.Set(RecordColumn.Power, i, Power);
            records.Set(RecordColumn.Temperature, i, Temperature);
            records.Set(RecordColumn.VerticalOscillation, i, VerticalOscillation);
            records.Set(RecordColumn.StanceTime, i, StanceTime);
            records.Set(RecordColumn.StepLength, i, StepLength);
            records.Set(RecordColumn.VerticalRatio, i, VerticalRatio);
            records.Set(RecordColumn.Cycles, i, Cycles);
        }
    }
}
