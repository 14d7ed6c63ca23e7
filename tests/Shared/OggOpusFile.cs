using System.Buffers.Binary;

namespace CalfCoach.Testing;

/// <summary>
/// An Ogg Opus file read back independently of the writer (RFC 3533 pages, RFC 7845 headers): every page's capture
/// pattern, sequence and CRC checked, packets reassembled from the lacing values.
/// </summary>
public sealed record OggOpusFile(int Channels, int PreSkip, uint InputSampleRate, string Vendor, long EndGranule, IReadOnlyList<byte[]> AudioPackets, int Pages)
{
    /// <summary>The playing time a player shows: (end granule − pre-skip) at 48 kHz.</summary>
    public double Seconds => (EndGranule - PreSkip) / 48_000.0;

    public static OggOpusFile Read(byte[] file)
    {
        var packets = new List<byte[]>();
        var current = new List<byte>();
        var at = 0;
        uint sequence = 0;
        long granule = 0;
        var lastFlags = 0;
        while (at < file.Length)
        {
            if (file.Length - at < 27 || !file.AsSpan(at, 4).SequenceEqual("OggS"u8))
            {
                throw new InvalidDataException($"No Ogg page at byte {at}.");
            }

            var segments = file[at + 26];
            var length = 27 + segments + file.AsSpan(at + 27, segments).ToArray().Sum(b => b);
            var page = file.AsSpan(at, length).ToArray();
            if (BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(18)) != sequence++)
            {
                throw new InvalidDataException($"Page at byte {at} is out of sequence.");
            }

            var stored = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
            page.AsSpan(22, 4).Clear();
            if (Crc(page) != stored)
            {
                throw new InvalidDataException($"Page at byte {at} has a wrong CRC.");
            }

            granule = BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(6));
            lastFlags = page[5];
            var body = 27 + segments;
            for (var s = 0; s < segments; s++)
            {
                var lace = page[27 + s];
                current.AddRange(page.AsSpan(body, lace).ToArray());
                body += lace;
                if (lace < 255)
                {
                    packets.Add([.. current]);
                    current.Clear();
                }
            }

            at += length;
        }

        if ((lastFlags & 0x04) == 0)
        {
            throw new InvalidDataException("The last page is not marked end-of-stream.");
        }

        var head = packets[0];
        if (!head.AsSpan(0, 8).SequenceEqual("OpusHead"u8) || !packets[1].AsSpan(0, 8).SequenceEqual("OpusTags"u8))
        {
            throw new InvalidDataException("Not an Opus stream: OpusHead and OpusTags must come first.");
        }

        var vendorLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(packets[1].AsSpan(8));
        return new OggOpusFile(
            head[9],
            BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10)),
            BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(12)),
            System.Text.Encoding.UTF8.GetString(packets[1], 12, vendorLength),
            granule,
            packets[2..],
            (int)sequence);
    }

    private static uint Crc(byte[] data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }
}
