namespace CalfCoach.Formats.Fit;

/// <summary>A FIT file header (FIT protocol, "File Header").</summary>
/// <param name="HeaderSize">12 or 14 in practice; any size of at least 12 is accepted and the extra bytes skipped.</param>
/// <param name="ProtocolVersion">Major version in the high nibble (0x10 = 1.0, 0x20 = 2.0).</param>
/// <param name="ProfileVersion">Profile version × 100 (for example 2145 = 21.45).</param>
/// <param name="DataSize">Length in bytes of the messages between the header and the two-byte file CRC.</param>
/// <param name="HeaderCrc">The header CRC, or null when the header has none (12 bytes) or stores 0 ("not computed").</param>
public readonly record struct FitFileHeader(
    byte HeaderSize,
    byte ProtocolVersion,
    ushort ProfileVersion,
    uint DataSize,
    ushort? HeaderCrc);
