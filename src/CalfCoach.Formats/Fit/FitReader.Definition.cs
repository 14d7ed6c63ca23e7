using System.Buffers.Binary;

namespace CalfCoach.Formats.Fit;

public ref partial struct FitReader
{
    private const int DefinitionFixedSize = 6; // record header, reserved, architecture, global number (2), field count
    private const int FieldDefinitionSize = 3;
    private const byte DeveloperDataFlag = 0x20;

    /// <summary>Local message number (0-15) of the current definition or data message.</summary>
    public readonly int LocalMessageNumber
    {
        get
        {
            EnsureOnMessage();
            return _localMessage;
        }
    }

    /// <summary>Global (profile) message number of the current definition or data message, e.g. 20 for record.</summary>
    public readonly ushort GlobalMessageNumber
    {
        get
        {
            EnsureOnMessage();
            return _definitions.Local(_localMessage).GlobalMessageNumber;
        }
    }

    /// <summary>Whether multi-byte values of the current message are big-endian (definition architecture byte = 1).</summary>
    public readonly bool IsBigEndian
    {
        get
        {
            EnsureOnMessage();
            return _definitions.Local(_localMessage).IsBigEndian;
        }
    }

    /// <summary>Number of (profile) fields in the current message's definition.</summary>
    public readonly int FieldCount
    {
        get
        {
            EnsureOnMessage();
            return _definitions.Local(_localMessage).FieldCount;
        }
    }

    /// <summary>Number of developer fields in the current message's definition.</summary>
    public readonly int DeveloperFieldCount
    {
        get
        {
            EnsureOnMessage();
            return _definitions.Local(_localMessage).DeveloperFieldCount;
        }
    }

    /// <summary>The <paramref name="index"/>-th field definition of the current message, in definition order.</summary>
    public readonly FitFieldDefinition GetFieldDefinition(int index)
    {
        EnsureOnMessage();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (int)_definitions.Local(_localMessage).FieldCount);
        var slot = _definitions.Fields(_localMessage)[index];
        return new FitFieldDefinition(slot.Number, slot.Size, (FitBaseType)slot.Tag);
    }

    /// <summary>The <paramref name="index"/>-th developer field definition of the current message.</summary>
    public readonly FitDeveloperFieldDefinition GetDeveloperFieldDefinition(int index)
    {
        EnsureOnMessage();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (int)_definitions.Local(_localMessage).DeveloperFieldCount);
        var slot = _definitions.DeveloperFields(_localMessage)[index];
        return new FitDeveloperFieldDefinition(slot.Number, slot.Size, slot.Tag);
    }

    /// <summary>Decodes a definition message (FIT protocol, "Definition Message") into the definition table.</summary>
    private void ReadDefinition(int start, byte header)
    {
        EnsureMessageBytes(start, DefinitionFixedSize, "definition message");
        var localMessage = header & 0x0F;
        var hasDeveloperFields = (header & DeveloperDataFlag) != 0;
        var architecture = _data[start + 2];
        if (architecture > 1)
        {
            throw new FitFormatException(
                start + 2,
                $"definition of local message {localMessage} has architecture {architecture} (only 0 = little-endian and " +
                "1 = big-endian exist); the file is corrupt after this point");
        }

        var bigEndian = architecture == 1;
        var globalBytes = _data.Slice(start + 3, 2);
        var globalMessageNumber = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(globalBytes)
            : BinaryPrimitives.ReadUInt16LittleEndian(globalBytes);
        int fieldCount = _data[start + 5];

        var length = DefinitionFixedSize + (fieldCount * FieldDefinitionSize);
        EnsureMessageBytes(start, length, "definition message");
        var developerFieldCount = 0;
        if (hasDeveloperFields)
        {
            EnsureMessageBytes(start, length + 1, "definition message");
            developerFieldCount = _data[start + length];
            length += 1 + (developerFieldCount * FieldDefinitionSize);
            EnsureMessageBytes(start, length, "definition message");
        }

        // All bytes are known to be present: fill the table. The reader stops at the first exception, so a definition
        // left half-written by a bad base type below is never used.
        var fields = _definitions.Fields(localMessage);
        var slotByNumber = _definitions.SlotByFieldNumber(localMessage);
        slotByNumber.Clear();
        var contentSize = 0;
        var fieldBytes = _data.Slice(start + DefinitionFixedSize, fieldCount * FieldDefinitionSize);
        for (var i = 0; i < fieldCount; i++)
        {
            var number = fieldBytes[i * FieldDefinitionSize];
            var size = fieldBytes[(i * FieldDefinitionSize) + 1];
            var baseTypeByte = fieldBytes[(i * FieldDefinitionSize) + 2];
            if (!FitBaseTypes.TryParse(baseTypeByte, out var baseType))
            {
                throw new FitFormatException(
                    start + DefinitionFixedSize + (i * FieldDefinitionSize) + 2,
                    $"definition of global message {globalMessageNumber} gives field {number} the unknown base type " +
                    $"0x{baseTypeByte:X2}; the file is corrupt after this point");
            }

            // A size that is not a whole number of elements cannot be read as the declared type (Garmin's SDK reads
            // such fields as invalid); keep the bytes reachable as a byte array instead.
            if (size == 0 || size % FitBaseTypes.SizeOf(baseType) != 0)
            {
                baseType = FitBaseType.Byte;
            }

            fields[i] = new FitDefinitionTable.FieldSlot { Number = number, Size = size, Tag = (byte)baseType, Offset = contentSize };
            contentSize += size;

            // The first occurrence wins if a writer repeats a field number.
            if (slotByNumber[number] == 0)
            {
                slotByNumber[number] = (byte)(i + 1);
            }
        }

        if (hasDeveloperFields)
        {
            var developerFields = _definitions.DeveloperFields(localMessage);
            var developerBytes = _data.Slice(start + DefinitionFixedSize + (fieldCount * FieldDefinitionSize) + 1, developerFieldCount * FieldDefinitionSize);
            for (var i = 0; i < developerFieldCount; i++)
            {
                var size = developerBytes[(i * FieldDefinitionSize) + 1];
                developerFields[i] = new FitDefinitionTable.FieldSlot
                {
                    Number = developerBytes[i * FieldDefinitionSize],
                    Size = size,
                    Tag = developerBytes[(i * FieldDefinitionSize) + 2],
                    Offset = contentSize,
                };
                contentSize += size;
            }
        }

        ref var local = ref _definitions.Local(localMessage);
        local.IsDefined = true;
        local.IsBigEndian = bigEndian;
        local.GlobalMessageNumber = globalMessageNumber;
        local.FieldCount = (byte)fieldCount;
        local.DeveloperFieldCount = (byte)developerFieldCount;
        local.ContentSize = contentSize;
        local.DefinedAt = start;
        local.DefinitionLength = length;
        local.TimestampIndex = slotByNumber[TimestampFieldNumber] - 1;
        if (local.TimestampIndex >= 0)
        {
            var timestamp = fields[local.TimestampIndex];
            local.TimestampOffset = timestamp.Offset;
            local.TimestampSize = timestamp.Size;
            local.TimestampTag = timestamp.Tag;
        }

        _localMessage = localMessage;
        _tokenStart = start;
        _tokenKind = FitTokenKind.Definition;
        _hasTimestamp = false;
        _isCompressedTimestamp = false;
        _position = start + length;
    }

    private readonly void EnsureOnMessage()
    {
        if (_tokenKind is not (FitTokenKind.Definition or FitTokenKind.Data))
        {
            throw new InvalidOperationException($"The reader is on {_tokenKind}, not on a definition or data message.");
        }
    }
}
