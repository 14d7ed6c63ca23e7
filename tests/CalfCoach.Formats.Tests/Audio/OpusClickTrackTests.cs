using CalfCoach.Formats.Audio;

namespace CalfCoach.Formats.Tests.Audio;

/// <summary>The compressed metronome, read back with our own Ogg reader and decoded with Concentus's Opus decoder.</summary>
public sealed class OpusClickTrackTests
{
    private static byte[] Write(ClickTrackSpec spec)
    {
        using var buffer = new MemoryStream();
        OpusClickTrack.Write(buffer, spec);
        return buffer.ToArray();
    }

    /// <summary>The audio a player hears: every packet decoded at 16 kHz, the pre-skip dropped, cut at the end granule.</summary>
    private static short[] Decode(OggOpusFile file)
    {
        var decoder = Concentus.OpusCodecFactory.CreateDecoder(OpusClickTrack.SampleRate, 1);
        var pcm = new List<short>();
        var frame = new short[5760];
        foreach (var packet in file.AudioPackets)
        {
            var samples = decoder.Decode(packet, frame, frame.Length, false);
            pcm.AddRange(frame.AsSpan(0, samples).ToArray());
        }

        const int per48k = 48_000 / OpusClickTrack.SampleRate;
        return pcm.Skip(file.PreSkip / per48k).Take((int)((file.EndGranule - file.PreSkip) / per48k)).ToArray();
    }

    [Fact]
    public void The_file_is_mono_ogg_opus_of_the_requested_length_naming_its_encoder()
    {
        var file = OggOpusFile.Read(Write(new ClickTrackSpec(170, 2)));

        Assert.Equal(1, file.Channels);
        Assert.Equal(16_000u, file.InputSampleRate);
        Assert.Equal(120, file.Seconds, precision: 6);
        Assert.Contains("Concentus", file.Vendor, StringComparison.Ordinal);
        Assert.True(file.PreSkip > 0, "the encoder's lookahead is written as the pre-skip");
    }

    [Theory]
    [InlineData(162, false)]
    [InlineData(178.5, true)]
    public void Decoded_clicks_start_within_two_milliseconds_of_their_beats_with_no_drift(double spm, bool accented)
    {
        var spec = new ClickTrackSpec(spm, 1, AccentEvery: accented ? 2 : 0);
        var pcm = Decode(OggOpusFile.Read(Write(spec)));
        var threshold = pcm.Max(s => Math.Abs((int)s)) / 8;

        // An onset: the first sample above an eighth of the loudest after at least 100 ms below it.
        var onsets = new List<long>();
        var quietSince = 0L;
        for (var i = 0; i < pcm.Length; i++)
        {
            if (Math.Abs((int)pcm[i]) < threshold)
            {
                continue;
            }

            if (onsets.Count == 0 || i - quietSince > OpusClickTrack.SampleRate / 10)
            {
                onsets.Add(i);
            }

            quietSince = i;
        }

        Assert.Equal(pcm.Length, OpusClickTrack.TotalSamples(spec));
        Assert.Equal((int)Math.Ceiling(spm), onsets.Count);
        for (var k = 0; k < onsets.Count; k++)
        {
            var late = (onsets[k] - OpusClickTrack.BeatStartSample(spec, k)) * 1000.0 / OpusClickTrack.SampleRate;
            // Opus's transform spreads a sharp attack up to about 2.5 ms early (pre-echo); far below what a runner can hear.
            Assert.InRange(late, -2, 2);
        }
    }

    [Fact]
    public void Thirty_minutes_play_thirty_minutes_in_under_two_megabytes()
    {
        var bytes = Write(new ClickTrackSpec(168, 30));
        var file = OggOpusFile.Read(bytes);

        Assert.Equal(30 * 60, file.Seconds, precision: 6);
        Assert.InRange(bytes.Length, 100_000, 2_000_000); // 14.4 MB as 8 kHz WAV
    }

    [Fact]
    public void Impossible_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpusClickTrack.Write(Stream.Null, new ClickTrackSpec(400, 10)));
    }
}
