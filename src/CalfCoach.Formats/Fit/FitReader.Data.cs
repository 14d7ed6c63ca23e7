using System.Buffers.Binary;
using System.Text;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Fit;

public ref partial struct FitReader
{
    /// <summary>Field number of <c>timestamp</c>, common to all messages (FIT profile, field 253).</summary>
    public const byte TimestampFieldNumber = 253;

    /// <summary>Whether the current data message had a compressed-timestamp record header.</summary>
    public readonly bool IsCompressedTimestamp => _tokenKind == FitTokenKind.Data && _isCompressedTimestamp;

    private void ReadNormalData(int start, byte header)
    {
        var localMessage = header & 0x0F;
        var contentSize = RequireDefinition(start, localMessage);
        EnsureMessageBytes(start, 1 + contentSize, "data message");

        BeginData(start, localMessage, compressed: false);

        // Any message with a valid timestamp field resets the base for later compressed timestamps
        // (FIT protocol, "Compressed Timestamp Header"). The definition cached where field 253 lies, so this is the
        // same test as TryGetUInt32(253) without the lookup.
        ref var local = ref _definitions.Local(localMessage);
        if (local.TimestampIndex >= 0 && TryReadTimestampField(ref local, out var timestamp))
        {
            _timestamp = timestamp;
            _hasTimestamp = true;
            _lastTimestamp = timestamp;
            _hasLastTimestamp = true;
        }

        _position = start + 1 + contentSize;
    }

    /// <summary>TryGetUInt32(253) for the current message, from the place its definition recorded.</summary>
    private readonly bool TryReadTimestampField(ref FitDefinitionTable.LocalDefinition local, out uint timestamp)
    {
        var bytes = _data.Slice(_contentStart + local.TimestampOffset, local.TimestampSize);

        // The usual layout first: a little-endian uint32.
        if (local.TimestampTag == (byte)FitBaseType.UInt32 && !local.IsBigEndian)
        {
            timestamp = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            return timestamp != uint.MaxValue;
        }

        var ok = TryDecodeInteger((FitBaseType)local.TimestampTag, bytes, local.IsBigEndian, out var raw) && raw >= 0 && raw <= uint.MaxValue;
        timestamp = ok ? (uint)raw : 0;
        return ok;
    }

    private void ReadCompressedTimestampData(int start, byte header)
    {
        // FIT protocol, "Compressed Timestamp Header": bits 5-6 local message (0-3), bits 0-4 a time offset in seconds.
        var localMessage = (header >> 5) & 0x03;
        var contentSize = RequireDefinition(start, localMessage);
        EnsureMessageBytes(start, 1 + contentSize, "data message");

        BeginData(start, localMessage, compressed: true);
        if (_hasLastTimestamp)
        {
            // The offset replaces the low five bits of the last full timestamp; a smaller offset than those bits
            // means the 32-second window rolled over.
            var offset = (uint)(header & 0x1F);
            var timestamp = (_lastTimestamp & ~0x1Fu) + offset;
            if (offset < (_lastTimestamp & 0x1Fu))
            {
                timestamp += 0x20;
            }

            _timestamp = timestamp;
            _hasTimestamp = true;
            _lastTimestamp = timestamp;
        }

        _position = start + 1 + contentSize;
    }

    private readonly int RequireDefinition(int start, int localMessage)
    {
        ref var local = ref _definitions.Local(localMessage);
        if (!local.IsDefined)
        {
            throw new FitFormatException(
                start,
                $"data message uses local message {localMessage} which has no definition; the file is corrupt after this point");
        }

        return local.ContentSize;
    }

    private void BeginData(int start, int localMessage, bool compressed)
    {
        _localMessage = localMessage;
        _contentStart = start + 1;
        _tokenStart = start;
        _tokenKind = FitTokenKind.Data;
        _isCompressedTimestamp = compressed;
        _hasTimestamp = false;
    }

    /// <summary>
    /// The timestamp of the current data message: its own field 253, or the one resolved from a compressed-timestamp
    /// header. False when the message has neither, or when a compressed header came before any full timestamp.
    /// </summary>
    public readonly bool TryGetTimestamp(out DateTimeOffset timestampUtc)
    {
        EnsureOnData();
        timestampUtc = _hasTimestamp ? FitDateTime.ToDateTimeOffset(_timestamp) : default;
        return _hasTimestamp;
    }

    /// <summary>The timestamp as raw FIT seconds since 1989-12-31T00:00:00Z (see <see cref="TryGetTimestamp"/>).</summary>
    public readonly bool TryGetTimestampSeconds(out uint fitSeconds)
    {
        EnsureOnData();
        fitSeconds = _hasTimestamp ? _timestamp : 0;
        return _hasTimestamp;
    }

    /// <summary>Whether the current data message's definition contains <paramref name="fieldNumber"/> (valid or not).</summary>
    public readonly bool HasField(byte fieldNumber)
    {
        EnsureOnData();
        return _definitions.SlotByFieldNumber(_localMessage)[fieldNumber] != 0;
    }

    public readonly bool TryGetByte(byte fieldNumber, out byte value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, byte.MinValue, byte.MaxValue, out value);

    public readonly bool TryGetSByte(byte fieldNumber, out sbyte value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, sbyte.MinValue, sbyte.MaxValue, out value);

    public readonly bool TryGetUInt16(byte fieldNumber, out ushort value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, ushort.MinValue, ushort.MaxValue, out value);

    public readonly bool TryGetSInt16(byte fieldNumber, out short value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, short.MinValue, short.MaxValue, out value);

    public readonly bool TryGetUInt32(byte fieldNumber, out uint value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, uint.MinValue, uint.MaxValue, out value);

    public readonly bool TryGetSInt32(byte fieldNumber, out int value) =>
        Narrow(TryReadInteger(fieldNumber, out var raw), raw, int.MinValue, int.MaxValue, out value);

    public readonly bool TryGetSInt64(byte fieldNumber, out long value) => TryReadInteger(fieldNumber, out value);

    /// <summary>
    /// Reads an unsigned 64-bit field (uint64 / uint64z), or any smaller non-negative integer field.
    /// </summary>
    public readonly bool TryGetUInt64(byte fieldNumber, out ulong value)
    {
        if (TryGetField(fieldNumber, out var slot, out var bytes, out var bigEndian) &&
            (FitBaseType)slot.Tag is FitBaseType.UInt64 or FitBaseType.UInt64z)
        {
            value = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            var invalid = (FitBaseType)slot.Tag == FitBaseType.UInt64 ? ulong.MaxValue : 0UL;
            return value != invalid;
        }

        var ok = TryReadInteger(fieldNumber, out var raw) && raw >= 0;
        value = ok ? (ulong)raw : 0;
        return ok;
    }

    /// <summary>
    /// Reads a <c>date_time</c> field (seconds since the FIT epoch) as a UTC instant, e.g. file_id.time_created.
    /// </summary>
    public readonly bool TryGetDateTime(byte fieldNumber, out DateTimeOffset valueUtc)
    {
        var ok = TryGetUInt32(fieldNumber, out var seconds);
        valueUtc = ok ? FitDateTime.ToDateTimeOffset(seconds) : default;
        return ok;
    }

    /// <summary>Reads a float32 or float64 field (invalid when all bits are set), or any integer field, as a double.</summary>
    public readonly bool TryGetDouble(byte fieldNumber, out double value)
    {
        if (TryGetField(fieldNumber, out var slot, out var bytes, out var bigEndian))
        {
            return TryDecodeDouble((FitBaseType)slot.Tag, bytes, bigEndian, out value);
        }

        value = double.NaN;
        return false;
    }

    /// <summary>
    /// Reads a profile field and applies its scale and offset (FIT protocol: value = stored / scale − offset),
    /// e.g. record.altitude in metres from a uint16 with scale 5 and offset 500.
    /// </summary>
    public readonly bool TryGetScaled(in FitFieldInfo field, out double value)
    {
        if (TryGetDouble(field.Number, out var raw))
        {
            value = (raw / field.Scale) - field.Offset;
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <summary>
    /// The UTF-8 bytes of a string field up to its first NUL, without allocating. False when the string is empty
    /// (the string invalid value is a leading 0x00).
    /// </summary>
    public readonly bool TryGetStringUtf8(byte fieldNumber, out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (!TryGetField(fieldNumber, out var slot, out var bytes, out _) || (FitBaseType)slot.Tag != FitBaseType.String)
        {
            return false;
        }

        var end = bytes.IndexOf((byte)0);
        utf8 = end < 0 ? bytes : bytes[..end];
        return !utf8.IsEmpty;
    }

    /// <summary>A string field decoded from UTF-8 (allocates; invalid sequences become U+FFFD).</summary>
    public readonly bool TryGetString(byte fieldNumber, out string? value)
    {
        value = TryGetStringUtf8(fieldNumber, out var utf8) ? Encoding.UTF8.GetString(utf8) : null;
        return value is not null;
    }

    /// <summary>
    /// The raw bytes of a field, whatever its base type (multi-byte values in the message's endianness). Returns false
    /// only when the field is absent; no invalid-value check is made.
    /// </summary>
    public readonly bool TryGetBytes(byte fieldNumber, out ReadOnlySpan<byte> bytes) => TryGetField(fieldNumber, out _, out bytes, out _);

    /// <summary>The raw bytes of the <paramref name="index"/>-th developer field of the current data message.</summary>
    public readonly ReadOnlySpan<byte> GetDeveloperFieldBytes(int index)
    {
        EnsureOnData();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (int)_definitions.Local(_localMessage).DeveloperFieldCount);
        var slot = _definitions.DeveloperFields(_localMessage)[index];
        return _data.Slice(_contentStart + slot.Offset, slot.Size);
    }

    /// <summary>The raw bytes of the <paramref name="index"/>-th field (in definition order) of the current data message.</summary>
    public readonly ReadOnlySpan<byte> GetFieldBytes(int index)
    {
        EnsureOnData();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (int)_definitions.Local(_localMessage).FieldCount);
        var slot = _definitions.Fields(_localMessage)[index];
        return _data.Slice(_contentStart + slot.Offset, slot.Size);
    }

    /// <summary>
    /// Decodes the first element of an integer field of any integer base type and checks it against that base type's
    /// invalid value (FIT protocol, "Base Types": 0xFF.., 0x7F.. for signed, 0 for the z types).
    /// </summary>
    private readonly bool TryReadInteger(byte fieldNumber, out long value)
    {
        value = 0;
        return TryGetField(fieldNumber, out var slot, out var bytes, out var bigEndian) && TryDecodeInteger((FitBaseType)slot.Tag, bytes, bigEndian, out value);
    }

    /// <summary>Offset of the definition message the current data message follows; it identifies the layout.</summary>
    internal readonly int DefinitionOffset
    {
        get
        {
            EnsureOnData();
            return _definitions.Local(_localMessage).DefinedAt;
        }
    }

    /// <summary>
    /// The bytes of the current data message's definition that fix its layout: architecture, global number and the
    /// field and developer field definitions (not the record header or the reserved byte). Two definitions with the
    /// same layout bytes give the same field offsets and types.
    /// </summary>
    internal readonly ReadOnlySpan<byte> DefinitionLayout
    {
        get
        {
            EnsureOnData();
            ref var local = ref _definitions.Local(_localMessage);
            return _data.Slice(local.DefinedAt + 2, local.DefinitionLength - 2);
        }
    }

    /// <summary>
    /// The content of the current data message (developer fields included), already checked to lie inside the input
    /// and the data section. For decoders that precompute field offsets from the definition.
    /// </summary>
    internal readonly ReadOnlySpan<byte> CurrentContent
    {
        get
        {
            EnsureOnData();
            return _data.Slice(_contentStart, _definitions.Local(_localMessage).ContentSize);
        }
    }

    /// <summary>
    /// Everything the activity decoder needs to queue a record, in one call (one state check instead of four): the
    /// local message number, the offset of its definition (<see cref="DefinitionOffset"/>), the offset of its content
    /// (<see cref="CurrentContentOffset"/>) and <see cref="TryGetTimestampSeconds"/>.
    /// </summary>
    internal readonly bool GetDataMessage(out int localMessage, out int definitionOffset, out int contentOffset, out uint fitSeconds)
    {
        EnsureOnData();
        localMessage = _localMessage;
        definitionOffset = _definitions.Local(_localMessage).DefinedAt;
        contentOffset = _contentStart;
        fitSeconds = _hasTimestamp ? _timestamp : 0;
        return _hasTimestamp;
    }

    /// <summary>Offset in the input of the first byte of <see cref="CurrentContent"/>.</summary>
    internal readonly int CurrentContentOffset
    {
        get
        {
            EnsureOnData();
            return _contentStart;
        }
    }

    /// <summary>
    /// The value <see cref="TryGetDouble"/> gives for a field of base type <paramref name="baseType"/> whose bytes are
    /// <paramref name="bytes"/> (at least one element long): float32/64 with the all-ones invalid value, else the first
    /// integer element.
    /// </summary>
    internal static bool TryDecodeDouble(FitBaseType baseType, ReadOnlySpan<byte> bytes, bool bigEndian, out double value)
    {
        switch (baseType)
        {
            case FitBaseType.Float32:
                var bits32 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                value = BitConverter.UInt32BitsToSingle(bits32);
                return bits32 != uint.MaxValue;
            case FitBaseType.Float64:
                var bits64 = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                value = BitConverter.UInt64BitsToDouble(bits64);
                return bits64 != ulong.MaxValue;
        }

        var ok = TryDecodeInteger(baseType, bytes, bigEndian, out var raw);
        value = ok ? raw : double.NaN;
        return ok;
    }

    /// <summary>
    /// The first element of an integer field of base type <paramref name="baseType"/>, checked against that type's
    /// invalid value; false for string, float and byte fields.
    /// </summary>
    internal static bool TryDecodeInteger(FitBaseType baseType, ReadOnlySpan<byte> bytes, bool bigEndian, out long value)
    {
        value = 0;
        switch (baseType)
        {
            case FitBaseType.Enum:
            case FitBaseType.UInt8:
                value = bytes[0];
                return value != byte.MaxValue;
            case FitBaseType.UInt8z:
                value = bytes[0];
                return value != 0;
            case FitBaseType.SInt8:
                value = (sbyte)bytes[0];
                return value != sbyte.MaxValue;
            case FitBaseType.UInt16:
                value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
                return value != ushort.MaxValue;
            case FitBaseType.UInt16z:
                value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
                return value != 0;
            case FitBaseType.SInt16:
                value = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes);
                return value != short.MaxValue;
            case FitBaseType.UInt32:
                value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                return value != uint.MaxValue;
            case FitBaseType.UInt32z:
                value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                return value != 0;
            case FitBaseType.SInt32:
                value = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);
                return value != int.MaxValue;
            case FitBaseType.SInt64:
                value = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes);
                return value != long.MaxValue;
            case FitBaseType.UInt64:
            case FitBaseType.UInt64z:
                var unsigned = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                var invalid = baseType == FitBaseType.UInt64 ? ulong.MaxValue : 0UL;
                value = (long)unsigned;
                return unsigned != invalid && unsigned <= long.MaxValue;
            default:
                // string, float and byte fields are not integers.
                return false;
        }
    }

    private static bool Narrow<T>(bool ok, long raw, long min, long max, out T value)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (ok && raw >= min && raw <= max)
        {
            value = T.CreateTruncating(raw);
            return true;
        }

        value = default;
        return false;
    }

    private readonly bool TryGetField(byte fieldNumber, out FitDefinitionTable.FieldSlot slot, out ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        EnsureOnData();
        var index = _definitions.SlotByFieldNumber(_localMessage)[fieldNumber];
        if (index == 0)
        {
            slot = default;
            bytes = default;
            bigEndian = false;
            return false;
        }

        slot = _definitions.Fields(_localMessage)[index - 1];
        bigEndian = _definitions.Local(_localMessage).IsBigEndian;

        // In bounds by construction: the definition's content size was checked against the input before this message
        // became current, and every slot lies inside that content.
        bytes = _data.Slice(_contentStart + slot.Offset, slot.Size);
        return true;
    }

    private readonly void EnsureOnData()
    {
        if (_tokenKind != FitTokenKind.Data)
        {
            throw new InvalidOperationException($"The reader is on {_tokenKind}, not on a data message.");
        }
    }
}
