using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>
/// hr (132) messages merged into records' heart rate as Garmin's SDKs do (FIT profile: hr.event_timestamp in 1/1024 s,
/// event_timestamp_12 as 12-bit components accumulated into event_timestamp). The real files with hr messages are
/// checked exactly against the SDK in <see cref="FitOracleTests"/>; these cover a clone without them.
/// </summary>
public sealed class HeartRateMessageMergerTests
{
    private const byte LocalRecord = 0;
    private const byte LocalAnchor = 1;
    private const byte LocalBeats = 2;

    private static FitFileBuilder WithRecords(params uint[] seconds)
    {
        var builder = new FitFileBuilder()
            .Definition(LocalRecord, FitProfile.MessageNumber.Record, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(3, FitBaseType.UInt8))
            .Definition(LocalAnchor, FitProfile.MessageNumber.Hr,
                new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(0, FitBaseType.UInt16), new FieldSpec(9, FitBaseType.UInt32), new FieldSpec(6, FitBaseType.UInt8))
            .Definition(LocalBeats, FitProfile.MessageNumber.Hr, new FieldSpec(6, FitBaseType.UInt8, 8), new FieldSpec(10, FitBaseType.Byte, 12));
        foreach (var t in seconds)
        {
            builder.Data(LocalRecord, t, 90);
        }

        return builder;
    }

    /// <summary>Eight 12-bit values packed least significant bit first, as FIT components are.</summary>
    private static byte[] Pack12(params int[] values)
    {
        var packed = new byte[12];
        for (var k = 0; k < values.Length; k++)
        {
            for (var bit = 0; bit < 12; bit++)
            {
                var at = (k * 12) + bit;
                packed[at >> 3] |= (byte)(((values[k] >> bit) & 1) << (at & 7));
            }
        }

        return packed;
    }

    [Fact]
    public void Beats_replace_each_records_heart_rate_with_the_mean_of_the_beats_since_the_previous_record()
    {
        // Anchor: file time 1000.5 s (fractional 16384/32768) is the strap's counter 4090/1024 s, 100 bpm. Then eight beats
        // a quarter second apart (counter + 256 each: the packed 12-bit values wrap past 4095 at once).
        var counters = Enumerable.Range(1, 8).Select(k => (4090 + (256 * k)) & 0xFFF).ToArray();
        var bytes = WithRecords(1000, 1001, 1002, 1003)
            .Data(LocalAnchor, 1000u, 16384, 4090u, 100)
            .Data(LocalBeats, new byte[] { 104, 108, 112, 116, 120, 124, 128, 132 }, Pack12(counters))
            .Build();

        var fit = new FitActivityDecoder().Decode(bytes);

        // 1000: no beat yet (keeps 90). 1001: beats at 1000.5, .75, 1001.0 → (100+104+108)/3 = 104. 1002: 1001.25 … 1002.0
        // → (112+116+120+124)/4 = 118. 1003: beats end before a later one is seen, so it keeps its own 90, as in the SDK.
        Assert.Equal([90, 104, 118, 90], fit.Records.HeartRateBpm.ToArray());
        Assert.Empty(fit.Problems);
    }

    [Fact]
    public void A_gap_between_beats_carries_the_earlier_value_for_up_to_five_seconds()
    {
        // Beats at 1000.0 (60 bpm) and 1010.0 (120 bpm): the 60 is repeated every 0.25 s up to 1005.0, then nothing
        // until 1010.0, so records 1000 … 1005 read 60 (the first record looks one second back), 1006 … 1009 have no
        // beat and keep their own, and 1010 reads 120.
        var bytes = WithRecords(1000, 1001, 1005, 1006, 1010, 1011)
            .Data(LocalAnchor, 1000u, 0, 0u, 60)
            .Data(LocalAnchor, 1010u, 0, 10u * 1024, 120)
            .Data(LocalAnchor, 1012u, 0, 12u * 1024, 120)
            .Build();

        var fit = new FitActivityDecoder().Decode(bytes);

        Assert.Equal([60, 60, 60, 90, 120, 120], fit.Records.HeartRateBpm.ToArray());
    }

    [Fact]
    public void Beats_before_any_anchor_are_skipped_and_reported_the_rest_is_merged()
    {
        var bytes = WithRecords(1000, 1001, 1002)
            .Data(LocalBeats, new byte[] { 70, 70, 70, 70, 70, 70, 70, 70 }, Pack12(1, 2, 3, 4, 5, 6, 7, 8))
            .Data(LocalAnchor, 1000u, 0, 0u, 100)
            .Data(LocalAnchor, 1001u, 0, 1024u, 100)
            .Data(LocalAnchor, 1003u, 0, 3u * 1024, 100)
            .Build();

        var fit = new FitActivityDecoder().Decode(bytes);

        Assert.Equal([100, 100, 100], fit.Records.HeartRateBpm.ToArray());
        var problem = Assert.Single(fit.Problems);
        Assert.Contains("before any hr message with a timestamp", problem.Message, StringComparison.Ordinal);
        Assert.False(fit.IsPartial);
    }

    [Fact]
    public void A_generated_run_with_heart_rate_only_in_hr_messages_gets_it_back_in_its_records()
    {
        var original = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 3, 14, 7, 30, 0, TimeSpan.Zero), 5, 330, 164, Intervals: 4), seed: 7);
        var bytes = FitActivityWriter.Write(original, new FitActivityWriterOptions(HeartRateInHrMessages: true));

        var fit = new FitActivityDecoder().Decode(bytes);
        var run = Assert.Single(FitActivityConverter.ToActivities(fit, new ActivitySource("fit", "hrm-pro.fit", "h")));

        Assert.True(fit.MessageCounts.GetValueOrDefault(FitProfile.MessageNumber.Hr) > original.Streams.Count / 8);
        Assert.Empty(fit.Problems);

        // One beat per sample: a record's merged value lies between its own and the previous sample's heart rate (the
        // previous one is carried across the second in quarter steps). The last record has no later beat, so none.
        var merged = run.Streams.HeartRateBpm;
        var given = original.Streams.HeartRateBpm;
        Assert.Equal(original.Streams.Count, run.Streams.Count);
        for (var i = 1; i < merged.Length - 1; i++)
        {
            var low = Math.Min(given[i - 1], given[i]);
            var high = Math.Max(given[i - 1], given[i]);
            Assert.InRange(merged[i], Math.Round(low) - 1, Math.Round(high) + 1);
        }

        Assert.True(float.IsNaN(merged[^1]));
        Assert.Equal(original.Streams.Count - 1, run.Streams.CountPresent(StreamKind.HeartRate));
    }
}
