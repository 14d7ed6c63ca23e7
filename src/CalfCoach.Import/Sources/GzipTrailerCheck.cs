using System.Buffers.Binary;

namespace CalfCoach.Import.Sources;

/// <summary>
/// Sits under <see cref="System.IO.Compression.GZipStream"/> and remembers the last 8 compressed bytes (the
/// trailer of the last member: CRC-32 and ISIZE, RFC 1952 §2.3.1) and whether a second member starts later on.
/// </summary>
internal sealed class GzipTailStream(Stream inner) : ReadOnlyStream(inner)
{
    private readonly byte[] _tail = new byte[8];
    private long _position;
    private int _signatureMatched;

    /// <summary>Bytes of <see cref="Tail"/> filled (fewer than 8 only for tiny inputs).</summary>
    public int TailLength { get; private set; }

    public ReadOnlySpan<byte> Tail => _tail.AsSpan(_tail.Length - TailLength);

    /// <summary>True when the member signature (1F 8B 08) appears after the start: the file may hold several members.</summary>
    public bool MayHaveSeveralMembers { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var count = Inner.Read(buffer);
        var read = buffer[..count];
        foreach (var b in read)
        {
            _signatureMatched = b switch
            {
                0x1F => 1,
                0x8B when _signatureMatched == 1 => 2,
                0x08 when _signatureMatched == 2 => 3,
                _ => 0,
            };
            if (_signatureMatched == 3 && _position > 2)
            {
                MayHaveSeveralMembers = true;
            }

            _position++;
        }

        if (read.Length >= _tail.Length)
        {
            read[^_tail.Length..].CopyTo(_tail);
        }
        else if (!read.IsEmpty)
        {
            _tail.AsSpan(read.Length).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(_tail.Length - read.Length));
        }

        TailLength = (int)Math.Min(_position, _tail.Length);
        return count;
    }
}

/// <summary>
/// Checks, at the end of the decompressed bytes, that they match the gzip trailer. .NET's GZipStream returns a
/// truncated file's bytes without complaint (seen on .NET 10; dotnet/runtime #47563), and a half-downloaded
/// export is common. When the file may hold several members (RFC 1952 §2.2) only the last member's trailer is
/// known, so the check gives way rather than refuse a valid file; the decoders still see a truncation there.
/// </summary>
internal sealed class GzipCheckedStream(Stream gzip, GzipTailStream tail, string path) : ReadOnlyStream(gzip)
{
    private uint _crc = Crc32.Initial;
    private long _length;
    private bool _checked;

    public override int Read(Span<byte> buffer)
    {
        var count = Inner.Read(buffer);
        if (count > 0)
        {
            _crc = Crc32.Update(_crc, buffer[..count]);
            _length += count;
        }
        else if (!buffer.IsEmpty && !_checked)
        {
            _checked = true;
            Check();
        }

        return count;
    }

    private void Check()
    {
        if (tail.TailLength == 8
            && BinaryPrimitives.ReadUInt32LittleEndian(tail.Tail) == Crc32.Final(_crc)
            && BinaryPrimitives.ReadUInt32LittleEndian(tail.Tail[4..]) == (uint)_length)
        {
            return;
        }

        if (!tail.MayHaveSeveralMembers)
        {
            throw new ImportSourceException(
                path,
                $"'{path}' is cut short or damaged: its {_length} decompressed bytes do not match the length and checksum its gzip trailer records. Download it again.");
        }
    }
}

/// <summary>CRC-32 as gzip uses it (ISO 3309 / ITU-T V.42 polynomial, reflected: 0xEDB88320).</summary>
internal static class Crc32
{
    public const uint Initial = 0xFFFFFFFF;

    private static readonly uint[] Table = BuildTable();

    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Final(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
