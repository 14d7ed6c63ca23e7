using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// Reads one field of many records of the same layout into a column: the base type and byte order are looked at
/// once per call, then one tight loop per case. Each value is what <see cref="FieldRef.TryGetScaled"/> (or, for
/// <see cref="ReadBytes"/>, <see cref="FieldRef.TryGetByte"/>) gives for that record.
/// </summary>
/// <remarks>
/// <para>Bounds: the reads are unchecked, so <see cref="CheckContents"/> must have accepted the offsets first. It
/// checks once that the last (furthest) content lies inside the input; every content lies inside the input because
/// the reader checked each message before it was queued, and every field of a plan lies inside the content with at
/// least one whole element (the reader reads a field whose size is not a whole number of elements as bytes).</para>
/// <para>Integer fields are valid unless they hold the base type's invalid value (FIT protocol, "Base Types"), so a
/// valid integer value is never NaN: callers may use NaN as "invalid" for them. Float fields can hold a NaN that
/// counts as valid, so callers that must tell the two apart check <see cref="IsInteger"/> first.</para>
/// </remarks>
internal static class FieldColumnReader
{
    /// <summary>
    /// Checks the one condition the unchecked reads rely on beyond the reader's own checks: the contents at
    /// <paramref name="offsets"/> (ascending) of <paramref name="contentSize"/> bytes lie inside <paramref name="data"/>.
    /// </summary>
    public static void CheckContents(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, int contentSize)
    {
        if (offsets.Length > 0 && (offsets[0] < 0 || (long)offsets[^1] + contentSize > data.Length))
        {
            throw new InvalidOperationException("A queued record lies outside the input; the reader's checks were bypassed.");
        }
    }

    /// <summary>Whether the field's values are integers (so NaN never means a valid value).</summary>
    public static bool IsInteger(in FieldRef field) => field.BaseType is not (FitBaseType.Float32 or FitBaseType.Float64);

    /// <summary>
    /// <c>stored / scale − offset</c> for each record, NaN where the field is invalid or absent: the reader's
    /// <c>TryGetScaled</c> for every record of the batch.
    /// </summary>
    public static void ReadScaled(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, in FieldRef field, bool bigEndian, in FitFieldInfo info, Span<double> values)
    {
        values = values[..offsets.Length];
        if (!field.IsPresent)
        {
            values.Fill(double.NaN);
            return;
        }

        ref var start = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), field.Offset);
        switch (field.BaseType)
        {
            case FitBaseType.UInt8 or FitBaseType.Enum:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = Unsafe.Add(ref start, offsets[k]);
                    values[k] = raw != byte.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.SInt8:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = (sbyte)Unsafe.Add(ref start, offsets[k]);
                    values[k] = raw != sbyte.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.UInt16 when !bigEndian:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, offsets[k]));
                    values[k] = raw != ushort.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.UInt16:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, offsets[k])));
                    values[k] = raw != ushort.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.UInt32 when !bigEndian:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offsets[k]));
                    values[k] = raw != uint.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.UInt32:
                for (var k = 0; k < values.Length; k++)
                {
                    var raw = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offsets[k])));
                    values[k] = raw != uint.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.SInt16:
                for (var k = 0; k < values.Length; k++)
                {
                    var bits = Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref start, offsets[k]));
                    var raw = bigEndian ? BinaryPrimitives.ReverseEndianness(bits) : bits;
                    values[k] = raw != short.MaxValue ? raw : double.NaN;
                }

                break;
            case FitBaseType.SInt32:
                for (var k = 0; k < values.Length; k++)
                {
                    var bits = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref start, offsets[k]));
                    var raw = bigEndian ? BinaryPrimitives.ReverseEndianness(bits) : bits;
                    values[k] = raw != int.MaxValue ? raw : double.NaN;
                }

                break;
            default:
                // The other base types (z types, 64-bit, floats, bytes, strings) are rare in records: the general read.
                for (var k = 0; k < values.Length; k++)
                {
                    field.TryGetScaled(data.Slice(offsets[k], field.Offset + field.Size), bigEndian, info, out values[k]);
                }

                return;
        }

        // Integer cases: raw values (NaN where invalid) scaled in a second, vectorised pass. IEEE division and
        // subtraction round the same in a vector lane as in a scalar register, so the values are bit for bit those
        // of TryGetScaled; NaN stays the same NaN.
        Scale(values, info.Scale, info.Offset);
    }

    /// <summary><c>value / scale − offset</c> for each value, four at a time where the CPU can.</summary>
    private static void Scale(Span<double> values, double scale, double offset)
    {
        if (scale == 1 && offset == 0)
        {
            // x / 1 − 0 is x for every integer value and for NaN: nothing to do.
            return;
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var by = Vector256.Create(scale);
            var minus = Vector256.Create(offset);
            for (; i + 4 <= values.Length; i += 4)
            {
                var slot = values.Slice(i, 4);
                ((Vector256.Create((ReadOnlySpan<double>)slot) / by) - minus).CopyTo(slot);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = (values[i] / scale) - offset;
        }
    }

    /// <summary>The reader's <c>TryGetByte</c> for every record (an integer from 0 to 255), as a double; NaN otherwise.</summary>
    public static void ReadBytes(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, in FieldRef field, bool bigEndian, Span<double> values)
    {
        values = values[..offsets.Length];
        if (!field.IsPresent)
        {
            values.Fill(double.NaN);
            return;
        }

        if (field.BaseType is FitBaseType.UInt8 or FitBaseType.Enum)
        {
            ref var start = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), field.Offset);
            for (var k = 0; k < values.Length; k++)
            {
                var raw = Unsafe.Add(ref start, offsets[k]);
                values[k] = raw != byte.MaxValue ? raw : double.NaN;
            }

            return;
        }

        for (var k = 0; k < values.Length; k++)
        {
            values[k] = field.TryGetByte(data.Slice(offsets[k], field.Offset + field.Size), bigEndian, out var value) ? value : double.NaN;
        }
    }

    /// <summary>
    /// Latitude and longitude in degrees where both are valid sint32 semicircles (the reader's TryGetSInt32 for each),
    /// NaN in both otherwise.
    /// </summary>
    public static void ReadPositions(
        ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, in FieldRef latitudeField, in FieldRef longitudeField, bool bigEndian,
        double degreesPerSemicircle, Span<double> latitudes, Span<double> longitudes)
    {
        latitudes = latitudes[..offsets.Length];
        longitudes = longitudes[..offsets.Length];
        if (latitudeField.BaseType == FitBaseType.SInt32 && longitudeField.BaseType == FitBaseType.SInt32)
        {
            ref var lat0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), latitudeField.Offset);
            ref var lon0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), longitudeField.Offset);
            for (var k = 0; k < latitudes.Length; k++)
            {
                var lat = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref lat0, offsets[k]));
                var lon = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref lon0, offsets[k]));
                if (bigEndian)
                {
                    lat = BinaryPrimitives.ReverseEndianness(lat);
                    lon = BinaryPrimitives.ReverseEndianness(lon);
                }

                var valid = lat != int.MaxValue && lon != int.MaxValue;
                latitudes[k] = valid ? lat * degreesPerSemicircle : double.NaN;
                longitudes[k] = valid ? lon * degreesPerSemicircle : double.NaN;
            }

            return;
        }

        var size = Math.Max(latitudeField.Offset + latitudeField.Size, longitudeField.Offset + longitudeField.Size);
        for (var k = 0; k < latitudes.Length; k++)
        {
            var content = data.Slice(offsets[k], size);
            if (latitudeField.TryGetSInt32(content, bigEndian, out var lat) && longitudeField.TryGetSInt32(content, bigEndian, out var lon))
            {
                latitudes[k] = lat * degreesPerSemicircle;
                longitudes[k] = lon * degreesPerSemicircle;
            }
            else
            {
                latitudes[k] = longitudes[k] = double.NaN;
            }
        }
    }
}
