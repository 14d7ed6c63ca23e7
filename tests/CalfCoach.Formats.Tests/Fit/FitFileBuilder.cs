using System.Buffers.Binary;
using System.Text;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>A field of a definition written by <see cref="FitFileBuilder"/>; size 0 means one element of the base type.</summary>
internal readonly record struct FieldSpec(byte Number, FitBaseType Type, byte Size = 0)
{
    public byte ByteSize => Size == 0 ? (byte)FitBaseTypes.SizeOf(Type) : Size;
}

/// <summary>A developer field of a definition; <see cref="Type"/> only tells the builder how to encode values.</summary>
internal readonly record struct DeveloperFieldSpec(byte Number, byte DeveloperDataIndex, FitBaseType Type, byte Size = 0)
{
    public byte ByteSize => Size == 0 ? (byte)FitBaseTypes.SizeOf(Type) : Size;
}

/// <summary>
/// Writes valid FIT bytes (header, definitions, data messages, CRCs) so tests can cover every feature without
/// external files. Values are encoded per the definition: integers as the field's base type and endianness,
/// strings as NUL-padded UTF-8, byte arrays verbatim.
/// </summary>
internal sealed class FitFileBuilder
{
    private readonly List<byte> _messages = [];
    private readonly Dictionary<int, (bool BigEndian, FieldSpec[] Fields, DeveloperFieldSpec[] DeveloperFields)> _definitions = [];

    public FitFileBuilder Definition(byte local, ushort global, params FieldSpec[] fields) =>
        Definition(local, global, bigEndian: false, fields, []);

    public FitFileBuilder Definition(byte local, ushort global, bool bigEndian, FieldSpec[] fields, DeveloperFieldSpec[] developerFields)
    {
        var hasDeveloperFields = developerFields.Length > 0;
        _messages.Add((byte)(0x40 | (hasDeveloperFields ? 0x20 : 0) | local));
        _messages.Add(0); // reserved
        _messages.Add(bigEndian ? (byte)1 : (byte)0);
        var global16 = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(global16, global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(global16, global);
        }

        _messages.AddRange(global16);
        _messages.Add((byte)fields.Length);
        foreach (var field in fields)
        {
            _messages.AddRange([field.Number, field.ByteSize, (byte)field.Type]);
        }

        if (hasDeveloperFields)
        {
            _messages.Add((byte)developerFields.Length);
            foreach (var field in developerFields)
            {
                _messages.AddRange([field.Number, field.ByteSize, field.DeveloperDataIndex]);
            }
        }

        _definitions[local] = (bigEndian, fields, developerFields);
        return this;
    }

    /// <summary>A data message with a normal header; one value per field, then one per developer field.</summary>
    public FitFileBuilder Data(byte local, params object?[] values)
    {
        _messages.Add(local);
        WriteContent(local, values);
        return this;
    }

    /// <summary>A data message with a compressed-timestamp header (local 0-3, offset 0-31 s).</summary>
    public FitFileBuilder CompressedData(byte local, int timeOffset, params object?[] values)
    {
        _messages.Add((byte)(0x80 | (local << 5) | (timeOffset & 0x1F)));
        WriteContent(local, values);
        return this;
    }

    /// <summary>Appends bytes as they are, e.g. to write something malformed.</summary>
    public FitFileBuilder Raw(params byte[] bytes)
    {
        _messages.AddRange(bytes);
        return this;
    }

    public byte[] Build(int headerSize = 14, bool writeHeaderCrc = true, byte protocolVersion = 0x20, ushort profileVersion = 2145, uint? declaredDataSize = null)
    {
        var header = new byte[headerSize];
        header[0] = (byte)headerSize;
        header[1] = protocolVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), profileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), declaredDataSize ?? (uint)_messages.Count);
        ".FIT"u8.CopyTo(header.AsSpan(8));
        if (headerSize >= 14 && writeHeaderCrc)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), FitReader.ComputeCrc(header.AsSpan(0, 12)));
        }

        var file = new byte[headerSize + _messages.Count + 2];
        header.CopyTo(file, 0);
        _messages.CopyTo(file, headerSize);
        var crc = FitReader.ComputeCrc(file.AsSpan(0, file.Length - 2));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), crc);
        return file;
    }

    private void WriteContent(byte local, object?[] values)
    {
        var (bigEndian, fields, developerFields) = _definitions[local];
        if (values.Length != fields.Length + developerFields.Length)
        {
            throw new ArgumentException($"local {local} has {fields.Length + developerFields.Length} fields, got {values.Length} values");
        }

        for (var i = 0; i < fields.Length; i++)
        {
            Encode(values[i], fields[i].Type, fields[i].ByteSize, bigEndian);
        }

        for (var i = 0; i < developerFields.Length; i++)
        {
            Encode(values[fields.Length + i], developerFields[i].Type, developerFields[i].ByteSize, bigEndian);
        }
    }

    /// <summary>Encodes one value; null writes the base type's invalid value.</summary>
    private void Encode(object? value, FitBaseType type, int size, bool bigEndian)
    {
        var bytes = new byte[size];
        switch (value)
        {
            case byte[] raw:
                raw.AsSpan(0, Math.Min(raw.Length, size)).CopyTo(bytes);
                break;
            case string text:
                Encoding.UTF8.GetBytes(text).AsSpan(0, Math.Min(Encoding.UTF8.GetByteCount(text), size)).CopyTo(bytes);
                break;
            case null:
                WriteInvalid(bytes, type, bigEndian);
                break;
            default:
                var element = FitBaseTypes.SizeOf(type);
                var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                for (var offset = 0; offset + element <= size; offset += element)
                {
                    WriteInteger(bytes.AsSpan(offset, element), number, bigEndian);
                }

                break;
        }

        _messages.AddRange(bytes);
    }

    private static void WriteInteger(Span<byte> destination, long value, bool bigEndian)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var b = (byte)(value >> (8 * i));
            destination[bigEndian ? destination.Length - 1 - i : i] = b;
        }
    }

    private static void WriteInvalid(Span<byte> destination, FitBaseType type, bool bigEndian)
    {
        switch (type)
        {
            case FitBaseType.UInt8z or FitBaseType.UInt16z or FitBaseType.UInt32z or FitBaseType.UInt64z or FitBaseType.String:
                destination.Clear();
                break;
            case FitBaseType.SInt8 or FitBaseType.SInt16 or FitBaseType.SInt32 or FitBaseType.SInt64:
                var element = FitBaseTypes.SizeOf(type);
                for (var offset = 0; offset + element <= destination.Length; offset += element)
                {
                    var invalid = element switch { 1 => 0x7FL, 2 => 0x7FFFL, 4 => 0x7FFFFFFFL, _ => long.MaxValue };
                    WriteInteger(destination.Slice(offset, element), invalid, bigEndian);
                }

                break;
            default:
                destination.Fill(0xFF);
                break;
        }
    }
}
