using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CalfCoach.Formats.Fit;

public ref partial struct FitReader
{
    // FIT protocol, "CRC": a CRC-16 (polynomial 0xA001, reflected; i.e. x^16 + x^15 + x^2 + 1, CRC-16/ARC with no
    // final XOR) computed four bits at a time with this table.
    private static ReadOnlySpan<ushort> CrcTable =>
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    // The same CRC eight bytes at a time ("slicing-by-8"): table k maps a byte to its CRC contribution when k further
    // zero bytes follow it. Table 0 is the classic byte table (crc' = (crc >> 8) ^ T0[(crc ^ b) & 0xFF]). Built once
    // from the nibble table, so the spec's table stays the single source.
    private static readonly ushort[] SliceTables = BuildSliceTables();

    // Carry-less multiplication folding constants (see ComputeCrcFolded): folding over 128 bits, and over 512 bits for
    // four accumulators 64 bytes apart.
    private static readonly Vector128<ulong> FoldBy128Constants = Vector128.Create(ReflectedPowerModP(191), ReflectedPowerModP(127));
    private static readonly Vector128<ulong> FoldBy512Constants = Vector128.Create(ReflectedPowerModP(575), ReflectedPowerModP(511));

    // Below this length the folding set-up costs more than it saves.
    private const int FoldMinLength = 64;

    /// <summary>The FIT CRC-16 of <paramref name="bytes"/>, continuing from <paramref name="crc"/> (0 to start).</summary>
    /// <remarks>
    /// Uses carry-less multiplication (PCLMULQDQ) folding where the CPU has it, else slicing-by-8; both give the
    /// protocol's nibble algorithm's result bit for bit.
    /// </remarks>
    public static ushort ComputeCrc(ReadOnlySpan<byte> bytes, ushort crc = 0) =>
        Pclmulqdq.IsSupported && bytes.Length >= FoldMinLength ? ComputeCrcFolded(bytes, crc) : ComputeCrcSliced(bytes, crc);

    /// <summary>Slicing-by-8: eight table lookups per eight bytes, independent of one another.</summary>
    internal static ushort ComputeCrcSliced(ReadOnlySpan<byte> bytes, ushort crc = 0)
    {
        ref var t = ref MemoryMarshal.GetArrayDataReference(SliceTables);
        uint c = crc;
        var i = 0;

        // Bounds: the loop reads bytes[i..i+8) only while i + 8 <= Length, and every table index is k × 256 plus a
        // byte, below the 8 × 256 entries, so the unchecked table reads stay inside the table.
        for (; i + 8 <= bytes.Length; i += 8)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i, 8)) ^ c;
            c = (uint)(Unsafe.Add(ref t, (7 * 256) + (int)(word & 0xFF)) ^
                Unsafe.Add(ref t, (6 * 256) + (int)((word >> 8) & 0xFF)) ^
                Unsafe.Add(ref t, (5 * 256) + (int)((word >> 16) & 0xFF)) ^
                Unsafe.Add(ref t, (4 * 256) + (int)((word >> 24) & 0xFF)) ^
                Unsafe.Add(ref t, (3 * 256) + (int)((word >> 32) & 0xFF)) ^
                Unsafe.Add(ref t, (2 * 256) + (int)((word >> 40) & 0xFF)) ^
                Unsafe.Add(ref t, 256 + (int)((word >> 48) & 0xFF)) ^
                Unsafe.Add(ref t, (int)(word >> 56)));
        }

        for (; i < bytes.Length; i++)
        {
            c = (c >> 8) ^ Unsafe.Add(ref t, (int)((c ^ bytes[i]) & 0xFF));
        }

        return (ushort)c;
    }

    /// <summary>
    /// Folds the input 16 bytes at a time with carry-less multiplication (Intel, "Fast CRC Computation for Generic
    /// Polynomials Using PCLMULQDQ", 2009), then finishes the last 16 to 31 bytes with the tables.
    /// </summary>
    /// <remarks>
    /// With a zero start value the CRC depends only on the message polynomial M(x) modulo P(x). A 128-bit accumulator A
    /// followed by the next block B is A·x^128 + B; splitting A = H·x^64 + L, that is congruent to H·(x^192 mod P) +
    /// L·(x^128 mod P) + B, again a 128-bit polynomial. Bytes are bit-reflected, so a 64×64 carry-less product lands one
    /// bit low; the constants absorb that by being x^191 and x^127 (mod P). A non-zero start value is the same as
    /// XOR-ing it into the first two bytes.
    /// </remarks>
    internal static ushort ComputeCrcFolded(ReadOnlySpan<byte> bytes, ushort crc = 0)
    {
        if (!Pclmulqdq.IsSupported || bytes.Length < 32)
        {
            return ComputeCrcSliced(bytes, crc);
        }

        var constants = FoldBy128Constants;
        Vector128<ulong> accumulator;
        int i;
        if (bytes.Length >= 96)
        {
            // Four independent accumulators over consecutive 16-byte lanes, each folded 512 bits (64 bytes) ahead per
            // step: four carry-less multiplications in flight instead of one waiting on the last. Then folded into
            // one (lane 0 by 128 bits onto lane 1, and so on). At least 32 bytes stay for the steps below.
            var k4 = FoldBy512Constants;
            var a0 = Vector128.Create(bytes[..16]).AsUInt64() ^ Vector128.CreateScalar((ulong)crc);
            var a1 = Vector128.Create(bytes.Slice(16, 16)).AsUInt64();
            var a2 = Vector128.Create(bytes.Slice(32, 16)).AsUInt64();
            var a3 = Vector128.Create(bytes.Slice(48, 16)).AsUInt64();
            for (i = 64; i + 64 <= bytes.Length - 32; i += 64)
            {
                a0 = Fold(a0, k4) ^ Vector128.Create(bytes.Slice(i, 16)).AsUInt64();
                a1 = Fold(a1, k4) ^ Vector128.Create(bytes.Slice(i + 16, 16)).AsUInt64();
                a2 = Fold(a2, k4) ^ Vector128.Create(bytes.Slice(i + 32, 16)).AsUInt64();
                a3 = Fold(a3, k4) ^ Vector128.Create(bytes.Slice(i + 48, 16)).AsUInt64();
            }

            accumulator = Fold(Fold(Fold(a0, constants) ^ a1, constants) ^ a2, constants) ^ a3;
        }
        else
        {
            accumulator = Vector128.Create(bytes[..16]).AsUInt64() ^ Vector128.CreateScalar((ulong)crc);
            i = 16;
        }

        // Keep 16 to 31 bytes back: the accumulator (as 16 bytes) plus those go through the tables.
        for (; i + 16 <= bytes.Length - 16; i += 16)
        {
            var block = Vector128.Create(bytes.Slice(i, 16)).AsUInt64();
            accumulator = Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x00) ^
                Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x11) ^
                block;
        }

        // Fold once more onto the next 16 bytes, so what remains is 16 bytes of accumulator + fewer than 16 bytes.
        {
            var block = Vector128.Create(bytes.Slice(i, 16)).AsUInt64();
            accumulator = Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x00) ^
                Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x11) ^
                block;
            i += 16;
        }

        Span<byte> folded = stackalloc byte[16];
        accumulator.AsByte().CopyTo(folded);
        var c = ComputeCrcSliced(folded);
        return ComputeCrcSliced(bytes[i..], c);
    }

    /// <summary>The accumulator moved ahead by the distance the constants stand for (its two halves multiplied, then added).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Fold(Vector128<ulong> accumulator, Vector128<ulong> constants) =>
        Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x00) ^ Pclmulqdq.CarrylessMultiply(accumulator, constants, 0x11);

    /// <summary>x^<paramref name="power"/> mod P(x), bit-reflected into the high 16 bits of a 64-bit lane.</summary>
    private static ulong ReflectedPowerModP(int power)
    {
        // Normal (unreflected) arithmetic: P(x) = x^16 + x^15 + x^2 + 1 = 0x18005.
        uint remainder = 1;
        for (var k = 0; k < power; k++)
        {
            remainder <<= 1;
            if ((remainder & 0x10000) != 0)
            {
                remainder ^= 0x18005;
            }
        }

        // Coefficient of x^j goes to bit 63 - j.
        ulong reflected = 0;
        for (var j = 0; j < 16; j++)
        {
            if ((remainder & (1u << j)) != 0)
            {
                reflected |= 1UL << (63 - j);
            }
        }

        return reflected;
    }

    /// <summary>The FIT protocol's reference algorithm: low nibble, then high nibble, through the 16-entry table.</summary>
    internal static ushort ComputeCrcByNibbles(ReadOnlySpan<byte> bytes, ushort crc = 0)
    {
        var table = CrcTable;
        foreach (var b in bytes)
        {
            var tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[b & 0xF]);

            tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[(b >> 4) & 0xF]);
        }

        return crc;
    }

    private static ushort[] BuildSliceTables()
    {
        var tables = new ushort[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            tables[i] = ComputeCrcByNibbles([(byte)i]);
        }

        // T[k][b] = T[k-1][b] followed by one zero byte.
        for (var k = 1; k < 8; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[((k - 1) * 256) + i];
                tables[(k * 256) + i] = (ushort)((previous >> 8) ^ tables[previous & 0xFF]);
            }
        }

        return tables;
    }

    /// <summary>Reads the two-byte CRC that ends the current file and checks it over header and data.</summary>
    private void ReadFileEnd()
    {
        var start = _position;
        if ((long)start + 2 > _data.Length)
        {
            throw new FitFormatException(
                start,
                $"the input ends {(long)start + 2 - _data.Length} byte(s) before the end of the file CRC; the file is truncated " +
                "but every message before this point is complete");
        }

        // FIT protocol, "CRC": stored little-endian, computed over the header and all data bytes.
        _fileCrc = BinaryPrimitives.ReadUInt16LittleEndian(_data.Slice(start, 2));
        if (!_options.SkipCrcVerification)
        {
            var actual = ComputeCrc(_data[_segmentStart..start]);
            if (actual != _fileCrc)
            {
                throw new FitFormatException(
                    start,
                    $"the file CRC is 0x{_fileCrc:X4} but the {start - _segmentStart} bytes before it give 0x{actual:X4}; " +
                    "some bytes of this file are corrupt, so values already read may be wrong");
            }
        }

        _tokenStart = start;
        _tokenKind = FitTokenKind.FileEnd;
        _inSegment = false;
        _localMessage = -1;
        _position = start + 2;
    }
}
