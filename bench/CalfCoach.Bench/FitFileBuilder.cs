using System.Buffers.Binary;
using System.Text;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Bench;

/// <summary>
/// Writes FIT files message by message with any layout: definitions of any global message with any fields,
/// big-endian definitions, developer fields, and compressed-timestamp record headers. The project's
/// <c>FitActivityWriter</c> writes one fixed layout; the speed benchmark needs files shaped like other devices write
/// them (see <see cref="VariedFitFiles"/>).
/// </summary>
internal sealed class FitFileBuilder
{
    private readonly MemoryStream _body = new();
    private readonly Definition?[] _locals = new Definition?[16];

    /// <summary>A field of a definition: number, size in bytes (a multiple of the base type's size) and base type.</summary>
    public readonly record struct Field(byte Number, byte Size, FitBaseType Type)
    {
        public Field(byte number, FitBaseType type)
            : this(number, (byte)FitBaseTypes.SizeOf(type), type)
        {
        }
    }

    /// <summary>A developer field of a definition (FIT protocol 2.0): number, size, developer data index.</summary>
    public readonly record struct DeveloperField(byte Number, byte Size, byte DeveloperDataIndex, FitBaseType Type);

    private sealed record Definition(Field[] Fields, DeveloperField[] DeveloperFields, bool BigEndian);

    /// <summary>Writes a definition message for <paramref name="local"/> (FIT protocol, "Definition Message").</summary>
    public void Define(byte local, ushort global, Field[] fields, DeveloperField[]? developerFields = null, bool bigEndian = false)
    {
        developerFields ??= [];
        var header = (byte)(0x40 | local | (developerFields.Length > 0 ? 0x20 : 0));
        _body.WriteByte(header);
        _body.WriteByte(0);
        _body.WriteByte(bigEndian ? (byte)1 : (byte)0);
        Span<byte> number = stackalloc byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(number, global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(number, global);
        }

        _body.Write(number);
        _body.WriteByte((byte)fields.Length);
        foreach (var field in fields)
        {
            _body.Write([field.Number, field.Size, (byte)field.Type]);
        }

        if (developerFields.Length > 0)
        {
            _body.WriteByte((byte)developerFields.Length);
            foreach (var field in developerFields)
            {
                _body.Write([field.Number, field.Size, field.DeveloperDataIndex]);
            }
        }

        _locals[local] = new Definition(fields, developerFields, bigEndian);
    }

    /// <summary>A data message with a normal header. Values: one per field, then one per developer field (see <see cref="WriteValue"/>).</summary>
    public void Data(byte local, params ReadOnlySpan<object?> values)
    {
        _body.WriteByte(local);
        WriteValues(local, values);
    }

    /// <summary>
    /// A data message with a compressed-timestamp header (FIT protocol, "Compressed Timestamp Header"): local 0-3 and
    /// the low five bits of the time in seconds.
    /// </summary>
    public void CompressedData(byte local, uint timestamp, params ReadOnlySpan<object?> values)
    {
        if (local > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(local), "compressed-timestamp headers reach local messages 0-3 only");
        }

        _body.WriteByte((byte)(0x80 | (local << 5) | (int)(timestamp & 0x1F)));
        WriteValues(local, values);
    }

    /// <summary>The file: 14-byte header with its CRC, the messages, the file CRC (FIT protocol, "File Header", "CRC").</summary>
    public byte[] ToFile()
    {
        var messages = _body.GetBuffer().AsSpan(0, (int)_body.Length);
        var file = new byte[14 + messages.Length + 2];
        file[0] = 14;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)messages.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitReader.ComputeCrc(file.AsSpan(0, 12)));
        messages.CopyTo(file.AsSpan(14));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitReader.ComputeCrc(file.AsSpan(0, file.Length - 2)));
        return file;
    }

    private void WriteValues(byte local, ReadOnlySpan<object?> values)
    {
        var definition = _locals[local] ?? throw new InvalidOperationException($"local message {local} is not defined");
        var count = definition.Fields.Length + definition.DeveloperFields.Length;
        if (values.Length != count)
        {
            throw new ArgumentException($"local message {local} has {count} fields, {values.Length} values given");
        }

        for (var i = 0; i < definition.Fields.Length; i++)
        {
            var field = definition.Fields[i];
            WriteValue(field.Size, field.Type, values[i], definition.BigEndian);
        }

        for (var i = 0; i < definition.DeveloperFields.Length; i++)
        {
            var field = definition.DeveloperFields[i];
            WriteValue(field.Size, field.Type, values[definition.Fields.Length + i], definition.BigEndian);
        }
    }

    /// <summary>
    /// Writes one field: null is the base type's invalid value; an integer or double is the raw stored value
    /// (repeated for every element of an array field); a string is written as UTF-8, NUL-padded; a byte array as is.
    /// </summary>
    private void WriteValue(byte size, FitBaseType type, object? value, bool bigEndian)
    {
        Span<byte> buffer = stackalloc byte[size];
        if (value is string text)
        {
            buffer.Clear();
            var bytes = Encoding.UTF8.GetBytes(text);
            bytes.AsSpan(0, Math.Min(bytes.Length, size - 1)).CopyTo(buffer);
            _body.Write(buffer);
            return;
        }

        if (value is byte[] raw)
        {
            raw.AsSpan(0, size).CopyTo(buffer);
            _body.Write(buffer);
            return;
        }

        var elementSize = FitBaseTypes.SizeOf(type);
        Span<byte> element = stackalloc byte[8];
        if (value is null)
        {
            WriteInvalid(element[..elementSize], type, bigEndian);
        }
        else
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            ulong bits = type switch
            {
                FitBaseType.Float32 => BitConverter.SingleToUInt32Bits((float)number),
                FitBaseType.Float64 => BitConverter.DoubleToUInt64Bits(number),
                _ => (ulong)(long)number,
            };

            for (var b = 0; b < elementSize; b++)
            {
                // Little-endian bytes of the value, reversed for a big-endian definition.
                element[bigEndian ? elementSize - 1 - b : b] = (byte)(bits >> (8 * b));
            }
        }

        for (var offset = 0; offset < size; offset += elementSize)
        {
            element[..elementSize].CopyTo(buffer[offset..]);
        }

        _body.Write(buffer);
    }

    /// <summary>The base type's invalid value (FIT protocol, "Base Types"): 0 for the z types, 0x7F.. for signed, else all ones.</summary>
    private static void WriteInvalid(Span<byte> element, FitBaseType type, bool bigEndian)
    {
        switch (type)
        {
            case FitBaseType.UInt8z or FitBaseType.UInt16z or FitBaseType.UInt32z or FitBaseType.UInt64z or FitBaseType.String:
                element.Clear();
                break;
            case FitBaseType.SInt8 or FitBaseType.SInt16 or FitBaseType.SInt32 or FitBaseType.SInt64:
                element.Fill(0xFF);
                element[bigEndian ? 0 : element.Length - 1] = 0x7F;
                break;
            default:
                element.Fill(0xFF);
                break;
        }
    }
}
