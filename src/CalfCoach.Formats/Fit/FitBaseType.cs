namespace CalfCoach.Formats.Fit;

/// <summary>
/// FIT base types, with the values written in field definitions (FIT protocol, "Base Types" table).
/// Bit 7 is the endian-ability flag; the low five bits are the base type number.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "The members are the FIT protocol's own base type names; renaming them would hide the spec.")]
public enum FitBaseType : byte
{
    Enum = 0x00,
    SInt8 = 0x01,
    UInt8 = 0x02,
    SInt16 = 0x83,
    UInt16 = 0x84,
    SInt32 = 0x85,
    UInt32 = 0x86,
    String = 0x07,
    Float32 = 0x88,
    Float64 = 0x89,
    UInt8z = 0x0A,
    UInt16z = 0x8B,
    UInt32z = 0x8C,
    Byte = 0x0D,
    SInt64 = 0x8E,
    UInt64 = 0x8F,
    UInt64z = 0x90,
}

/// <summary>Sizes and invalid-value sentinels of <see cref="FitBaseType"/>.</summary>
public static class FitBaseTypes
{
    private const int BaseTypeNumberMask = 0x1F;

    // Indexed by base type number (low five bits): the full base type byte, and its size in bytes.
    private static ReadOnlySpan<byte> FullTypes =>
    [
        0x00, 0x01, 0x02, 0x83, 0x84, 0x85, 0x86, 0x07, 0x88, 0x89, 0x0A, 0x8B, 0x8C, 0x0D, 0x8E, 0x8F, 0x90,
    ];

    private static ReadOnlySpan<byte> Sizes => [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

    /// <summary>
    /// Maps the byte written in a field definition to a base type. Only the base type number (low five bits)
    /// is significant: some writers get the endian-ability bit wrong, so it is ignored.
    /// </summary>
    public static bool TryParse(byte value, out FitBaseType baseType)
    {
        var number = value & BaseTypeNumberMask;
        if (number >= FullTypes.Length)
        {
            baseType = default;
            return false;
        }

        baseType = (FitBaseType)FullTypes[number];
        return true;
    }

    /// <summary>Size in bytes of one element of the base type.</summary>
    public static int SizeOf(FitBaseType baseType) => Sizes[(int)baseType & BaseTypeNumberMask];

    /// <summary>
    /// Whether every element of a field's bytes is the base type's invalid value (FIT protocol, "Base Types"), i.e.
    /// the field carries no data. A size that is not a whole number of elements counts as invalid, as in Garmin's SDK;
    /// a string is invalid when it holds no characters before its NULs.
    /// </summary>
    public static bool IsAllInvalid(ReadOnlySpan<byte> bytes, FitBaseType baseType, bool bigEndian)
    {
        var size = SizeOf(baseType);
        if (bytes.IsEmpty || bytes.Length % size != 0)
        {
            return true;
        }

        switch (baseType)
        {
            case FitBaseType.String:
                return bytes.IndexOfAnyExcept((byte)0) < 0;
            case FitBaseType.UInt8z:
            case FitBaseType.UInt16z:
            case FitBaseType.UInt32z:
            case FitBaseType.UInt64z:
                return bytes.IndexOfAnyExcept((byte)0) < 0;
            case FitBaseType.SInt8:
            case FitBaseType.SInt16:
            case FitBaseType.SInt32:
            case FitBaseType.SInt64:
                // 0x7F, 0x7FFF, ...: the most significant byte is 0x7F and every other byte 0xFF.
                for (var i = 0; i < bytes.Length; i += size)
                {
                    var element = bytes.Slice(i, size);
                    var mostSignificant = bigEndian ? 0 : size - 1;
                    for (var j = 0; j < size; j++)
                    {
                        if (element[j] != (j == mostSignificant ? 0x7F : 0xFF))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                // enum, uint8/16/32/64, byte, float32/64: all bits set.
                return bytes.IndexOfAnyExcept((byte)0xFF) < 0;
        }
    }
}
