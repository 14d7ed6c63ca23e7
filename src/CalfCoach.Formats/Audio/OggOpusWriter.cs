using System.Buffers.Binary;
using System.Text;

namespace CalfCoach.Formats.Audio;

/// <summary>
/// Writes mono Opus packets into an Ogg stream as RFC 7845 ("Ogg Encapsulation for the Opus Audio Codec") asks: a first
/// page holding only the OpusHead header, a page for OpusTags, then audio pages whose granule position counts 48 kHz
/// samples including the pre-skip, the last page flagged end-of-stream with the exact end, so a player trims the padding.
/// Ogg framing (RFC 3533): 27-byte page header, lacing values of 255 per segment, CRC-32 with polynomial 0x04C11DB7.
/// Concentus encodes Opus but has no Ogg container, hence this small writer.
/// </summary>
internal sealed class OggOpusWriter
{
    /// <summary>Packets per audio page: one second of 20 ms packets keeps page overhead near 1 % and seeking fine-grained.</summary>
    private const int PacketsPerPage = 50;

    private static readonly uint[] CrcTable = BuildCrcTable();

    private readonly Stream _output;
    private readonly uint _serial;
    private readonly List<byte[]> _packets = new(PacketsPerPage);
    private uint _sequence;
    private long _granule;

    /// <param name="preSkip">Samples (48 kHz) the decoder drops at the start: the encoder's lookahead.</param>
    /// <param name="inputSampleRate">The rate the audio was encoded from (informational in OpusHead).</param>
    public OggOpusWriter(Stream output, int preSkip, int inputSampleRate, string vendor, uint serial)
    {
        _output = output;
        _serial = serial;
        _granule = preSkip;

        Span<byte> head = stackalloc byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;                                                          // version
        head[9] = 1;                                                          // channels
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], (ushort)preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], (uint)inputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head[16..], 0);               // output gain
        head[18] = 0;                                                         // channel mapping family 0: mono or stereo
        WritePage([head.ToArray()], granule: 0, flags: 0x02);                 // beginning of stream

        var vendorBytes = Encoding.UTF8.GetBytes(vendor);
        var tags = new byte[8 + 4 + vendorBytes.Length + 4];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(8), (uint)vendorBytes.Length);
        vendorBytes.CopyTo(tags, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(12 + vendorBytes.Length), 0); // no user comments
        WritePage([tags], granule: 0, flags: 0);
    }

    /// <summary>Adds one packet of <paramref name="samples48k"/> samples at 48 kHz.</summary>
    public void Add(ReadOnlySpan<byte> packet, int samples48k)
    {
        _packets.Add(packet.ToArray());
        _granule += samples48k;
        if (_packets.Count == PacketsPerPage)
        {
            WritePage(_packets, _granule, flags: 0);
            _packets.Clear();
        }
    }

    /// <summary>Writes the last page, its granule the exact end (<paramref name="endGranule"/>: pre-skip + the track's samples at 48 kHz).</summary>
    public void Finish(long endGranule)
    {
        WritePage(_packets, Math.Min(endGranule, _granule), flags: 0x04);     // end of stream
        _packets.Clear();
    }

    private void WritePage(IReadOnlyList<byte[]> packets, long granule, byte flags)
    {
        var lacing = new List<byte>();
        var bodyLength = 0;
        foreach (var packet in packets)
        {
            for (var left = packet.Length; ; left -= 255)
            {
                lacing.Add((byte)Math.Min(left, 255));
                if (left < 255)
                {
                    break;
                }
            }

            bodyLength += packet.Length;
        }

        if (lacing.Count > 255)
        {
            throw new InvalidOperationException("An Ogg page holds at most 255 lacing values; write fewer or smaller packets per page.");
        }

        var page = new byte[27 + lacing.Count + bodyLength];
        "OggS"u8.CopyTo(page);
        page[4] = 0;                                                          // stream structure version
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), _serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), _sequence++);
        page[26] = (byte)lacing.Count;
        lacing.CopyTo(page, 27);
        var at = 27 + lacing.Count;
        foreach (var packet in packets)
        {
            packet.CopyTo(page, at);
            at += packet.Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(page)); // computed with the CRC field still zero
        _output.Write(page);
    }

    /// <summary>Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR.</summary>
    internal static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc = (crc << 8) ^ CrcTable[(int)(((crc >> 24) & 0xFF) ^ b)];
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
