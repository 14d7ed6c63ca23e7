using System.Buffers.Binary;
using CalfCoach.Formats.Audio;

namespace CalfCoach.Formats.Tests.Audio;

public sealed class ClickTrackTests
{
    private static byte[] Write(ClickTrackSpec spec)
    {
        using var buffer = new MemoryStream();
        ClickTrack.Write(buffer, spec);
        return buffer.ToArray();
    }

    /// <summary>The sample as a signed value (8-bit WAV stores it unsigned, silence at 128).</summary>
    private static int Sample(byte[] wav, long index) => wav[44 + (int)index] - 128;

    [Fact]
    public void The_file_is_an_8_bit_mono_8_khz_pcm_wav_of_the_requested_length()
    {
        var wav = Write(new ClickTrackSpec(170, 2));

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(20)));   // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22)));   // mono
        Assert.Equal(8_000u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(8_000u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(28)));  // bytes a second
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(34)));
        Assert.Equal(2 * 60 * 8_000u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(44 + (2 * 60 * 8_000), wav.Length);
        Assert.Equal((uint)(wav.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)));
    }

    [Theory]
    [InlineData(162)]
    [InlineData(170)]
    [InlineData(178.5)]
    public void Every_click_starts_exactly_on_its_beat_and_there_is_silence_between_clicks(double spm)
    {
        var spec = new ClickTrackSpec(spm, 1);
        var wav = Write(spec);
        var samples = ClickTrack.TotalSamples(spec);

        var onsets = new List<long>();
        for (long i = 0; i < samples; i++)
        {
            if (Sample(wav, i) != 0 && (i == 0 || Sample(wav, i - 1) == 0) && (onsets.Count == 0 || i - onsets[^1] > 500))
            {
                onsets.Add(i);
            }
        }

        // One minute at N steps per minute holds ceil(N) beats (beat 0 at t = 0).
        Assert.Equal((int)Math.Ceiling(spm), onsets.Count);
        for (var k = 0; k < onsets.Count; k++)
        {
            Assert.Equal((long)Math.Round(k * 60.0 * 8_000 / spm), onsets[k]);
        }
    }

    [Fact]
    public void Over_an_hour_the_last_beat_is_within_half_a_sample_of_its_exact_time()
    {
        var spec = new ClickTrackSpec(173, 60);
        var lastBeat = (long)Math.Floor(60 * 173.0) - 1;

        var exactSeconds = lastBeat * 60.0 / 173;
        var placedSeconds = ClickTrack.BeatStartSample(spec, lastBeat) / 8_000.0;

        Assert.InRange(Math.Abs(placedSeconds - exactSeconds), 0, 0.5 / 8_000);
    }

    [Fact]
    public void A_whole_hour_streams_in_bounded_memory_and_ends_with_the_last_beat_in_place()
    {
        var spec = new ClickTrackSpec(173, 60);
        var lastBeat = (long)Math.Floor(60 * 173.0) - 1;
        var probe = new ProbeStream(ClickTrack.BeatStartSample(spec, lastBeat));
        var before = GC.GetAllocatedBytesForCurrentThread();

        ClickTrack.Write(probe, spec);

        Assert.Equal(44 + ClickTrack.TotalSamples(spec), probe.Length);
        Assert.NotEqual(0, probe.OnsetSample);
        Assert.Equal(0, probe.SampleBeforeOnset);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
    }

    [Fact]
    public void Accented_clicks_are_louder_than_the_others()
    {
        var spec = new ClickTrackSpec(170, 0.1, AccentEvery: 2);
        var wav = Write(spec);

        int Peak(long beat)
        {
            var start = ClickTrack.BeatStartSample(spec, beat);
            return Enumerable.Range(0, 200).Max(i => Math.Abs(Sample(wav, start + i)));
        }

        Assert.True(Peak(0) > Peak(1) * 1.3);
        Assert.True(Peak(2) > Peak(3) * 1.3);
    }

    [Theory]
    [InlineData(20, 9_600_044)]
    [InlineData(30, 14_400_044)]
    public void A_long_track_is_a_quarter_of_its_16_bit_16_khz_size_and_its_header_says_its_full_duration(double minutes, long bytes)
    {
        var spec = new ClickTrackSpec(168, minutes);
        using var header = new MemoryStream();
        ClickTrack.Write(new FirstBytes(header, 44), spec);
        var wav = header.ToArray();

        var dataBytes = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40));
        var bytesPerSecond = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(28));

        Assert.Equal(bytes, ClickTrack.FileBytes(spec));
        Assert.Equal(bytes, 44 + dataBytes);
        Assert.Equal(minutes * 60, (double)dataBytes / bytesPerSecond, precision: 6);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(double.NaN, 10)]
    [InlineData(400, 10)]
    [InlineData(170, 0)]
    [InlineData(170, 500)]
    public void Impossible_settings_are_refused(double spm, double minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClickTrack.Write(Stream.Null, new ClickTrackSpec(spm, minutes)));
    }

    /// <summary>Keeps the first <paramref name="keep"/> bytes written and counts the rest.</summary>
    private sealed class FirstBytes(Stream inner, int keep) : Stream
    {
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_position < keep)
            {
                inner.Write(buffer[..(int)Math.Min(buffer.Length, keep - _position)]);
            }

            _position += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Keeps nothing but the length and the two samples around one onset of interest.</summary>
    private sealed class ProbeStream(long onsetSample) : Stream
    {
        private long _position;

        public int OnsetSample { get; private set; }

        public int SampleBeforeOnset { get; private set; } = -1;

        public override long Length => _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Capture(buffer, onsetSample, v => OnsetSample = v);
            Capture(buffer, onsetSample - 1, v => SampleBeforeOnset = v);
            _position += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        private void Capture(ReadOnlySpan<byte> buffer, long sample, Action<int> set)
        {
            var at = 44 + sample - _position;
            if (at >= 0 && at < buffer.Length)
            {
                set(buffer[(int)at] - 128);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
