using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using CalfCoach.Formats.Fit.Profile;
using static CalfCoach.Formats.Fit.Profile.FitProfile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Where the record fields CalfCoach reads lie in the data messages of one record definition, worked out once from the
/// definition so that each record is a handful of fixed-offset reads rather than a search by field number.
/// </summary>
/// <remarks>
/// Built from the same field definitions the reader's <c>TryGet…</c> methods use (first occurrence of a field number
/// wins, base type already downgraded to byte when the size is not a whole number of elements), and read with the same
/// decoding helpers, so the values are identical; a test compares both paths on every real file.
/// </remarks>
internal sealed class RecordFieldPlan
{
    /// <summary>Offset of the definition message this plan was built from: a redefinition makes it stale.</summary>
    public int DefinitionOffset { get; private set; } = -1;

    public bool IsBigEndian { get; private set; }

    /// <summary>Whether the definition has any field or developer field (a record without either is skipped).</summary>
    public bool HasAnyField { get; private set; }

    public bool HasDeveloperFields { get; private set; }

    public int ContentSize { get; private set; }

    public FieldRef PositionLat;
    public FieldRef PositionLong;
    public FieldRef Altitude;
    public FieldRef HeartRate;
    public FieldRef Cadence;
    public FieldRef Distance;
    public FieldRef Speed;
    public FieldRef Power;
    public FieldRef CompressedSpeedDistance;
    public FieldRef Temperature;
    public FieldRef Cycles;
    public FieldRef VerticalOscillation;
    public FieldRef StanceTime;
    public FieldRef FractionalCadence;
    public FieldRef EnhancedSpeed;
    public FieldRef EnhancedAltitude;
    public FieldRef VerticalRatio;
    public FieldRef StepLength;

    private byte[] _layout = [];
    private int _layoutLength;
    private DeveloperFieldRef[] _developerFields = [];
    private int _developerFieldCount;
    private int _developerTypesVersion = -1;

    /// <summary>
    /// Makes the plan fit the definition of the data message the reader is on: kept when that definition has the
    /// same layout as the one the plan was built from (some writers repeat a definition before every message),
    /// rebuilt otherwise.
    /// </summary>
    public void Update(ref FitReader reader, int definitionOffset)
    {
        if (HasLayoutOf(ref reader))
        {
            DefinitionOffset = definitionOffset;
            return;
        }

        var layout = reader.DefinitionLayout;
        if (_layout.Length < layout.Length)
        {
            _layout = new byte[Math.Max(layout.Length, 64)];
        }

        layout.CopyTo(_layout);
        _layoutLength = layout.Length;
        Build(ref reader, definitionOffset);
    }

    /// <summary>Whether the plan was built from a definition with the same layout as the current message's.</summary>
    public bool HasLayoutOf(ref FitReader reader) =>
        DefinitionOffset >= 0 && reader.DefinitionLayout.SequenceEqual(_layout.AsSpan(0, _layoutLength));

    private void Build(ref FitReader reader, int definitionOffset)
    {
        DefinitionOffset = definitionOffset;
        IsBigEndian = reader.IsBigEndian;
        var fieldCount = reader.FieldCount;
        HasDeveloperFields = reader.DeveloperFieldCount > 0;
        HasAnyField = fieldCount > 0 || HasDeveloperFields;
        ContentSize = reader.CurrentContent.Length;

        PositionLat = PositionLong = Altitude = HeartRate = Cadence = Distance = Speed = Power = default;
        CompressedSpeedDistance = Temperature = Cycles = VerticalOscillation = StanceTime = FractionalCadence = default;
        EnhancedSpeed = EnhancedAltitude = VerticalRatio = StepLength = default;

        var offset = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var field = reader.GetFieldDefinition(i);
            var location = new FieldRef(offset, field.Size, field.BaseType);
            offset += field.Size;
            ref var target = ref Slot(field.FieldNumber);
            if (!Unsafe.IsNullRef(ref target) && !target.IsPresent)
            {
                target = location;
            }
        }

        // Developer fields follow the fields; their base types come from field_description messages, which may
        // arrive later, so they are looked up again whenever the set of descriptions changes.
        var developerFieldCount = reader.DeveloperFieldCount;
        if (_developerFields.Length < developerFieldCount)
        {
            _developerFields = new DeveloperFieldRef[developerFieldCount];
        }

        _developerFieldCount = developerFieldCount;
        for (var d = 0; d < developerFieldCount; d++)
        {
            var field = reader.GetDeveloperFieldDefinition(d);
            _developerFields[d] = new DeveloperFieldRef(offset, field.Size, (field.DeveloperDataIndex << 8) | field.FieldNumber);
            offset += field.Size;
        }

        _developerTypesVersion = -1;
    }

    /// <summary>
    /// Whether the record has a developer field that a field_description describes and whose value is not all
    /// invalid (what the decoder counts as a record with developer data).
    /// </summary>
    public bool HasValidDeveloperField(ReadOnlySpan<byte> content, Dictionary<int, FitBaseType> types, int typesVersion)
    {
        if (_developerTypesVersion != typesVersion)
        {
            for (var d = 0; d < _developerFieldCount; d++)
            {
                ref var field = ref _developerFields[d];
                field.IsDescribed = types.TryGetValue(field.Key, out field.BaseType);
            }

            _developerTypesVersion = typesVersion;
        }

        for (var d = 0; d < _developerFieldCount; d++)
        {
            var field = _developerFields[d];
            if (field.IsDescribed && !FitBaseTypes.IsAllInvalid(content.Slice(field.Offset, field.Size), field.BaseType, IsBigEndian))
            {
                return true;
            }
        }

        return false;
    }

    private ref FieldRef Slot(byte number)
    {
        // Runs once per definition, so plain comparisons against the profile are fine.
        if (number == Record.PositionLat.Number) { return ref PositionLat; }
        if (number == Record.PositionLong.Number) { return ref PositionLong; }
        if (number == Record.Altitude.Number) { return ref Altitude; }
        if (number == Record.HeartRate.Number) { return ref HeartRate; }
        if (number == Record.Cadence.Number) { return ref Cadence; }
        if (number == Record.Distance.Number) { return ref Distance; }
        if (number == Record.Speed.Number) { return ref Speed; }
        if (number == Record.Power.Number) { return ref Power; }
        if (number == Record.CompressedSpeedDistance.Number) { return ref CompressedSpeedDistance; }
        if (number == Record.Temperature.Number) { return ref Temperature; }
        if (number == Record.Cycles.Number) { return ref Cycles; }
        if (number == Record.VerticalOscillation.Number) { return ref VerticalOscillation; }
        if (number == Record.StanceTime.Number) { return ref StanceTime; }
        if (number == Record.FractionalCadence.Number) { return ref FractionalCadence; }
        if (number == Record.EnhancedSpeed.Number) { return ref EnhancedSpeed; }
        if (number == Record.EnhancedAltitude.Number) { return ref EnhancedAltitude; }
        if (number == Record.VerticalRatio.Number) { return ref VerticalRatio; }
        if (number == Record.StepLength.Number) { return ref StepLength; }
        return ref Unsafe.NullRef<FieldRef>();
    }
}

/// <summary>A field's place in the data message content: offset, size in bytes and (effective) base type.</summary>
internal readonly struct FieldRef(int offset, byte size, FitBaseType baseType)
{
    public readonly int Offset = offset;
    public readonly byte Size = size;
    public readonly FitBaseType BaseType = baseType;

    public bool IsPresent => Size != 0;

    /// <summary>What <c>FitReader.TryGetDouble</c> gives for this field of <paramref name="content"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetDouble(ReadOnlySpan<byte> content, bool bigEndian, out double value)
    {
        if (Size == 0)
        {
            value = double.NaN;
            return false;
        }

        return FitReader.TryDecodeDouble(BaseType, content.Slice(Offset, Size), bigEndian, out value);
    }

    /// <summary>What <c>FitReader.TryGetScaled</c> gives: stored / scale − offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetScaled(ReadOnlySpan<byte> content, bool bigEndian, in FitFieldInfo field, out double value)
    {
        if (TryGetDouble(content, bigEndian, out var raw))
        {
            value = (raw / field.Scale) - field.Offset;
            return true;
        }

        value = double.NaN;
        return false;
    }

    // The typed readers below take a shortcut when the field has the base type the profile gives it (and, for
    // multi-byte types, little-endian order): one load and one compare. Any other layout goes the general way.
    // Either way the result is what the reader's TryGet… methods give.

    /// <summary><see cref="TryGetScaled"/> for a field the profile types uint8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetScaledUInt8(ReadOnlySpan<byte> content, bool bigEndian, in FitFieldInfo field, out double value)
    {
        if (BaseType == FitBaseType.UInt8)
        {
            var raw = content[Offset];
            value = raw != byte.MaxValue ? (raw / field.Scale) - field.Offset : double.NaN;
            return raw != byte.MaxValue;
        }

        return TryGetScaled(content, bigEndian, field, out value);
    }

    /// <summary><see cref="TryGetScaled"/> for a field the profile types sint8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetScaledSInt8(ReadOnlySpan<byte> content, bool bigEndian, in FitFieldInfo field, out double value)
    {
        if (BaseType == FitBaseType.SInt8)
        {
            var raw = (sbyte)content[Offset];
            value = raw != sbyte.MaxValue ? (raw / field.Scale) - field.Offset : double.NaN;
            return raw != sbyte.MaxValue;
        }

        return TryGetScaled(content, bigEndian, field, out value);
    }

    /// <summary><see cref="TryGetScaled"/> for a field the profile types uint16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetScaledUInt16(ReadOnlySpan<byte> content, bool bigEndian, in FitFieldInfo field, out double value)
    {
        if (BaseType == FitBaseType.UInt16 && !bigEndian)
        {
            var raw = BinaryPrimitives.ReadUInt16LittleEndian(content[Offset..]);
            value = raw != ushort.MaxValue ? (raw / field.Scale) - field.Offset : double.NaN;
            return raw != ushort.MaxValue;
        }

        return TryGetScaled(content, bigEndian, field, out value);
    }

    /// <summary><see cref="TryGetScaled"/> for a field the profile types uint32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetScaledUInt32(ReadOnlySpan<byte> content, bool bigEndian, in FitFieldInfo field, out double value)
    {
        if (BaseType == FitBaseType.UInt32 && !bigEndian)
        {
            var raw = BinaryPrimitives.ReadUInt32LittleEndian(content[Offset..]);
            value = raw != uint.MaxValue ? (raw / field.Scale) - field.Offset : double.NaN;
            return raw != uint.MaxValue;
        }

        return TryGetScaled(content, bigEndian, field, out value);
    }

    /// <summary>The reader's TryGetSInt32 for a field the profile types sint32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetSInt32(ReadOnlySpan<byte> content, bool bigEndian, out int value)
    {
        if (BaseType == FitBaseType.SInt32 && !bigEndian)
        {
            value = BinaryPrimitives.ReadInt32LittleEndian(content[Offset..]);
            return value != int.MaxValue;
        }

        var ok = TryGetInteger(content, bigEndian, out var raw) && raw is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)raw : 0;
        return ok;
    }

    /// <summary>The reader's TryGetByte for a field the profile types uint8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetByte(ReadOnlySpan<byte> content, bool bigEndian, out byte value)
    {
        if (BaseType == FitBaseType.UInt8)
        {
            value = content[Offset];
            return value != byte.MaxValue;
        }

        var ok = TryGetInteger(content, bigEndian, out var raw) && raw is >= 0 and <= byte.MaxValue;
        value = ok ? (byte)raw : (byte)0;
        return ok;
    }

    /// <summary>What the reader's integer getters give before narrowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetInteger(ReadOnlySpan<byte> content, bool bigEndian, out long value)
    {
        if (Size == 0)
        {
            value = 0;
            return false;
        }

        return FitReader.TryDecodeInteger(BaseType, content.Slice(Offset, Size), bigEndian, out value);
    }
}

/// <summary>A developer field's place in the content, its key (developer data index × 256 + number) and base type if described.</summary>
internal struct DeveloperFieldRef(int offset, byte size, int key)
{
    public readonly int Offset = offset;
    public readonly byte Size = size;
    public readonly int Key = key;
    public bool IsDescribed;
    public FitBaseType BaseType;
}
