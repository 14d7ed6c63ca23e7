using System.Buffers.Binary;
using System.Globalization;

namespace CalfCoach.Formats.Audio;

/// <summary>What a cadence metronome should play.</summary>
/// <param name="StepsPerMinute">Beats per minute: one click per step.</param>
/// <param name="AccentEvery">Every Nth click is higher and louder (0: no accent), e.g. 2 for left/right.</param>
public sealed record ClickTrackSpec(double StepsPerMinute, double Minutes, int AccentEvery = 0)
{
    public const double MinStepsPerMinute = 60;
    public const double MaxStepsPerMinute = 300;
    public const double MaxMinutes = 180;

    public void Validate()
    {
        if (double.IsNaN(StepsPerMinute) || StepsPerMinute < MinStepsPerMinute || StepsPerMinute > MaxStepsPerMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(StepsPerMinute), StepsPerMinute, string.Create(CultureInfo.InvariantCulture, $"Steps per minute must be from {MinStepsPerMinute} to {MaxStepsPerMinute}."));
        }

        if (double.IsNaN(Minutes) || Minutes <= 0 || Minutes > MaxMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, string.Create(CultureInfo.InvariantCulture, $"Minutes must be above 0 and at most {MaxMinutes}."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(AccentEvery);
    }
}

/// <summary>
/// Writes a metronome click track as a WAV file (RIFF, 8-bit unsigned PCM, mono, 8 kHz): the plainest format every
/// phone's own player plays, at 8,000 bytes a second (20 minutes 9.6 MB, 30 minutes 14.4 MB; it was 16-bit 16 kHz, four
/// times that). A short click needs neither depth nor a high rate: 8 bits give ±127 steps and the 1.6 and 2.4 kHz tones
/// sit below the 4 kHz limit of 8 kHz sampling.
/// Beat k starts at sample round(k × 60 × rate ÷ spm), computed from k itself rather than by adding
/// periods, so the beat period is exactly 60/spm s on average with no drift over an hour: every
/// onset is within half a sample (31 µs) of its exact time.
/// </summary>
public static class ClickTrack
{
    /// <summary>The telephone rate: the lowest every player supports, still above twice the 2.4 kHz accent tone.</summary>
    public const int SampleRate = 8_000;

    /// <summary>8-bit PCM: one unsigned byte a sample, silence at 128.</summary>
    public const int BytesPerSample = 1;

    private const int Silence = 128;

    // The click itself, the same in every format (the Opus track uses these too).
    internal const int ClickMilliseconds = 25;
    internal const double ClickHz = 1_600;
    internal const double AccentHz = 2_400;
    private const int HeaderBytes = 44;

    public static long TotalSamples(ClickTrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (long)Math.Round(spec.Minutes * 60 * SampleRate);
    }

    /// <summary>The size of the whole WAV file, header included (known before writing, e.g. for a Content-Length).</summary>
    public static long FileBytes(ClickTrackSpec spec) => HeaderBytes + (TotalSamples(spec) * BytesPerSample);

    /// <summary>The first sample of beat <paramref name="beat"/> (0-based).</summary>
    public static long BeatStartSample(ClickTrackSpec spec, long beat)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return BeatStartSample(spec, beat, SampleRate);
    }

    /// <summary>Streams the file in bounded memory (one second of audio at a time).</summary>
    public static void Write(Stream output, ClickTrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var samples = TotalSamples(spec);
        WriteHeader(output, samples);

        var click = Tone(ClickHz, 0.55);
        var accent = Tone(AccentHz, 0.85);
        var block = new sbyte[SampleRate];
        var bytes = new byte[block.Length * BytesPerSample];
        long beat = 0;
        for (long start = 0; start < samples; start += block.Length)
        {
            var length = (int)Math.Min(block.Length, samples - start);
            PlaceClicks(spec, SampleRate, start, block.AsSpan(0, length), click, accent, ref beat);
            for (var i = 0; i < length; i++)
            {
                bytes[i] = (byte)(Silence + block[i]);
            }

            output.Write(bytes, 0, length * BytesPerSample);
        }
    }

    /// <summary>The first sample of beat <paramref name="beat"/> at <paramref name="sampleRate"/>: from k itself, never by adding periods.</summary>
    internal static long BeatStartSample(ClickTrackSpec spec, long beat, int sampleRate) =>
        (long)Math.Round(beat * 60.0 * sampleRate / spec.StepsPerMinute);

    /// <summary>
    /// Clears <paramref name="block"/> (the samples from <paramref name="start"/>) and writes every click that overlaps it,
    /// including one that began in the previous block; <paramref name="beat"/> carries the first such beat to the next call.
    /// </summary>
    internal static void PlaceClicks<T>(ClickTrackSpec spec, int sampleRate, long start, Span<T> block, T[] click, T[] accent, ref long beat)
    {
        block.Clear();
        while (BeatStartSample(spec, beat, sampleRate) + click.Length <= start)
        {
            beat++;
        }

        for (var b = beat; BeatStartSample(spec, b, sampleRate) < start + block.Length; b++)
        {
            var tone = spec.AccentEvery > 0 && b % spec.AccentEvery == 0 ? accent : click;
            var onset = BeatStartSample(spec, b, sampleRate);
            for (var i = Math.Max(0, (int)(start - onset)); i < tone.Length && onset + i < start + block.Length; i++)
            {
                block[(int)(onset + i - start)] = tone[i];
            }
        }
    }

    /// <summary>A short sine burst with a fast attack and exponential decay, so it clicks without popping.</summary>
    private static sbyte[] Tone(double hz, double amplitude)
    {
        var length = SampleRate * ClickMilliseconds / 1000;
        var tone = new sbyte[length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / SampleRate;
            var envelope = Math.Min(1, i / 16.0) * Math.Exp(-6.0 * i / length);
            tone[i] = (sbyte)Math.Round(sbyte.MaxValue * amplitude * envelope * Math.Sin(2 * Math.PI * hz * t));
        }

        tone[0] = tone[0] == 0 ? (sbyte)1 : tone[0]; // the onset sample is never silent, so it can be found
        return tone;
    }

    /// <summary>The canonical 44-byte RIFF/WAVE header for 8-bit mono PCM.</summary>
    private static void WriteHeader(Stream output, long samples)
    {
        var dataBytes = samples * BytesPerSample;
        if (dataBytes + HeaderBytes - 8 > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The track is too long for a WAV file.");
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(dataBytes + HeaderBytes - 8));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);          // fmt chunk size
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);           // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);           // mono
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], SampleRate * BytesPerSample); // byte rate
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], BytesPerSample); // block align
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 8 * BytesPerSample); // bits per sample
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
        output.Write(header);
    }
}
