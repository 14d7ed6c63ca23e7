using Concentus.Enums;

namespace CalfCoach.Formats.Audio;

/// <summary>
/// The metronome as Ogg Opus (RFC 7845, file extension .opus, media type audio/ogg): the compressed format Android's own
/// player and current browsers play, with the screen locked like any music file. Encoded in process by Concentus (a
/// managed port of the reference Opus encoder, BSD licence) at 16 kHz mono, 16 kbit/s VBR: a click is mostly silence, so
/// 30 minutes come to about 1 MB against 14.4 MB for the 8 kHz WAV (<see cref="ClickTrack"/>).
/// Beat k starts at sample round(k × 60 × 16,000 ÷ spm) of the decoded audio, computed from k itself as in the WAV, so
/// there is no drift; the encoder's lookahead is written as the pre-skip and the end granule trims the padding, so a
/// player's decoded samples line up with those positions.
/// </summary>
public static class OpusClickTrack
{
    /// <summary>Wideband: ample for the 1.6 and 2.4 kHz tones and three times cheaper to encode than 48 kHz.</summary>
    public const int SampleRate = 16_000;

    /// <summary>Target bit rate of the variable-rate encoder; the silence between clicks costs almost nothing.</summary>
    public const int BitsPerSecond = 16_000;

    /// <summary>20 ms frames, the usual Opus packet length.</summary>
    public const int FrameSamples = SampleRate / 50;

    public const string MediaType = "audio/ogg";

    public const string FileExtension = ".opus";

    /// <summary>The encoder, as the page and the README name it.</summary>
    public const string EncoderName = "Concentus 2.2.2, a managed port of the Opus reference encoder";

    private const int OggRate = 48_000;

    /// <summary>Samples of the track at <see cref="SampleRate"/>.</summary>
    public static long TotalSamples(ClickTrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (long)Math.Round(spec.Minutes * 60 * SampleRate);
    }

    /// <summary>The first sample of beat <paramref name="beat"/> in the decoded audio at <see cref="SampleRate"/>.</summary>
    public static long BeatStartSample(ClickTrackSpec spec, long beat)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ClickTrack.BeatStartSample(spec, beat, SampleRate);
    }

    /// <summary>Encodes and streams the file in bounded memory (one 20 ms frame at a time, a page a second).</summary>
    public static void Write(Stream output, ClickTrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();

        // The managed encoder itself, not the factory: the factory may pick a native libopus, whose output differs.
#pragma warning disable CS0618 // the constructor is marked for the factory's sake; the managed encoder is what we want
        var encoder = new Concentus.Structs.OpusEncoder(SampleRate, 1, OpusApplication.OPUS_APPLICATION_AUDIO)
#pragma warning restore CS0618
        {
            Bitrate = BitsPerSecond,
            UseVBR = true,
            SignalType = OpusSignal.OPUS_SIGNAL_MUSIC,
            Complexity = 5, // of 10: the same size for clicks, about half the encoding time (30 minutes: about 4 s instead of 7 s on one core)
        };
        var toOgg = OggRate / SampleRate;
        var lookahead = encoder.Lookahead;
        var samples = TotalSamples(spec);
        var ogg = new OggOpusWriter(output, lookahead * toOgg, SampleRate, "CalfCoach metronome; " + EncoderName, serial: 0x43616C66);

        var click = Tone(ClickTrack.ClickHz, 0.55);
        var accent = Tone(ClickTrack.AccentHz, 0.85);
        var frame = new short[FrameSamples];
        var packet = new byte[1275];   // the largest Opus frame
        long beat = 0;

        // The decoder's output lags its input by the lookahead: encode that many samples more, which the pre-skip drops.
        for (long start = 0; start < samples + lookahead; start += FrameSamples)
        {
            ClickTrack.PlaceClicks(spec, SampleRate, start, frame, click, accent, ref beat);
            if (start + FrameSamples > samples)
            {
                frame.AsSpan((int)Math.Max(0, samples - start)).Clear(); // the track ends at its length, mid-click or not
            }

            var length = encoder.Encode(frame, FrameSamples, packet, packet.Length);
            ogg.Add(packet.AsSpan(0, length), FrameSamples * toOgg);
        }

        ogg.Finish((lookahead + samples) * toOgg);
    }

    /// <summary>A short sine burst with a fast attack and exponential decay, as in the WAV, at full 16-bit scale.</summary>
    private static short[] Tone(double hz, double amplitude)
    {
        var length = SampleRate * ClickTrack.ClickMilliseconds / 1000;
        var attack = SampleRate / 500.0; // 2 ms
        var tone = new short[length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / SampleRate;
            var envelope = Math.Min(1, i / attack) * Math.Exp(-6.0 * i / length);
            tone[i] = (short)Math.Round(short.MaxValue * amplitude * envelope * Math.Sin(2 * Math.PI * hz * t));
        }

        return tone;
    }
}
