using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

public sealed class FitActivityConverterTests
{
    private static readonly FitActivityDecoder Decoder = new();

    private static IReadOnlyList<Activity> Convert(string relativePath)
    {
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);
        var fit = Decoder.Decode(RealData.ReadFitBytes(relativePath));
        return FitActivityConverter.ToActivities(fit, new ActivitySource("fit", relativePath, "hash"));
    }

    [Fact]
    public void A_fenix_5_run_becomes_one_running_activity_with_steps_per_minute()
    {
        var run = Assert.Single(Convert("dtcooper_python-fitparse/garmin-fenix-5-run.fit"));

        // Oracle (Garmin SDK): 21 records, 157.56 m, avg cadence 83.672 strides/min = 167.344 steps/min.
        Assert.Equal(Sport.Running, run.Sport);
        Assert.Equal(21, run.Streams.Count);
        Assert.Equal(157.56, run.DistanceMeters!.Value, 2);
        Assert.Equal(167.344, run.AvgCadenceStepsPerMinute!.Value, 3);
        Assert.Equal(21, run.Streams.CountPresent(StreamKind.Cadence));
        // Steps, not strides: the moving samples average near the session's 167 steps/min (a few are 0 while standing).
        Assert.InRange(run.Streams.Cadence.Where(c => c > 0).Average(), 150, 185);
        Assert.StartsWith("Garmin", run.Device);
        Assert.True(run.CountsAsRunningLoad);
    }

    [Fact]
    public void A_track_run_keeps_its_sub_sport()
    {
        var run = Assert.Single(Convert("msimms_rust_fit_file/20210610_track_garmin_fenix_6.fit.gz"));

        Assert.Equal(SubSport.Track, run.SubSport);
        Assert.Equal(1672, run.Streams.Count);
    }

    [Fact]
    public void Elapsed_seconds_start_at_zero_and_never_go_backwards()
    {
        var run = Assert.Single(Convert("dtcooper_python-fitparse/activity-small-fenix2-run.fit"));
        var elapsed = run.Streams.ElapsedSeconds;

        Assert.Equal(0, elapsed[0]);
        for (var i = 1; i < elapsed.Length; i++)
        {
            Assert.True(elapsed[i] >= elapsed[i - 1], $"sample {i} goes back in time");
        }

        Assert.InRange(elapsed[^1], run.ElapsedSeconds - 60, run.ElapsedSeconds + 1);
    }

    [Fact]
    public void A_triathlon_is_split_so_only_the_run_counts_as_running_load()
    {
        var parts = Convert("muktihari_fit/triathlon_summary_last.fit");

        Assert.Equal(5, parts.Count);
        Assert.Equal(Sport.Swimming, parts[0].Sport);
        Assert.Contains(parts, p => p.Sport == Sport.Cycling);
        var run = Assert.Single(parts, p => p.CountsAsRunningLoad);
        Assert.True(run.Streams.Count > 0);
        Assert.All(parts, p => Assert.Null(ActivityPlausibility.Mark(p).NotCountedBecause)); // a real triathlon counts
        Assert.True(parts.Zip(parts.Skip(1)).All(pair => pair.First.StartUtc <= pair.Second.StartUtc));
    }

    [Fact]
    public void A_ride_keeps_its_cadence_in_rpm()
    {
        var ride = Assert.Single(Convert("adriangibbons_php-fit-file-analysis/power-analysis.fit"));

        // Oracle (Garmin SDK): 3043 records, all with cadence; session avg_cadence 73 rpm (not doubled: no feet).
        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.Equal(CadenceUnit.RevolutionsPerMinute, ride.CadenceUnit);
        Assert.Equal(3043, ride.Streams.CountPresent(StreamKind.Cadence));
        Assert.InRange(ride.Streams.Cadence.Where(c => c > 0).Average(), 60, 90);
        Assert.Null(ride.AvgCadenceStepsPerMinute);
    }

    [Fact]
    public void A_generated_ride_keeps_its_cadence_in_rpm_through_a_fit_file()
    {
        var run = CalfCoach.Core.Demo.SyntheticRun.Generate(new CalfCoach.Core.Demo.SyntheticRunSpec(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero), 3, 330, 88), seed: 3);
        var ride = run with { Sport = Sport.Cycling, SubSport = SubSport.Generic, AvgCadenceStepsPerMinute = null };

        var decoded = Assert.Single(FitActivityConverter.ToActivities(Decoder.Decode(FitActivityWriter.Write(ride)), new ActivitySource("fit", "ride.fit", "h")));

        Assert.Equal(CadenceUnit.RevolutionsPerMinute, decoded.CadenceUnit);
        for (var i = 0; i < ride.Streams.Count; i++)
        {
            Assert.Equal(ride.Streams.Cadence[i], decoded.Streams.Cadence[i], 0.01f); // FIT's 1/128 fractional cadence
        }
    }

    [Fact]
    public void A_truncated_file_is_kept_as_partial_with_the_byte_offset()
    {
        var run = Assert.Single(Convert("dtcooper_python-fitparse/activity-unexpected-eof.fit"));

        Assert.True(run.IsPartial);
        Assert.Matches("^byte [0-9]+: ", Assert.Single(run.Problems));
    }

    [Fact]
    public void A_cycling_file_is_kept_but_not_counted_as_running()
    {
        var ride = Assert.Single(Convert("adriangibbons_php-fit-file-analysis/road-cycling.fit"));

        Assert.Equal(Sport.Cycling, ride.Sport);
        Assert.False(ride.CountsAsRunningLoad);
        Assert.Equal(0, ride.Streams.CountPresent(StreamKind.Cadence));
    }

    [Fact]
    public void Decoding_straight_to_activities_reuses_columns_without_carrying_values_from_the_previous_file()
    {
        // ToActivities(bytes) decodes into columns reused for the next file. Long then short files, with
        // and without each channel, in both orders, must give exactly what a fresh decode gives.
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);
        string[] files =
        [
            "dtcooper_python-fitparse/activity-large-fenxi2-multisport.fit",
            "dtcooper_python-fitparse/garmin-fenix-5-run.fit",
            "grimbough_FITfileR/garmin-edge530-ride.fit",
            "dtcooper_python-fitparse/developer-types-sample.fit",
            "dtcooper_python-fitparse/compressed-speed-distance.fit",
            "adriangibbons_php-fit-file-analysis/swim.fit",
            "dtcooper_python-fitparse/activity-unexpected-eof.fit",
        ];
        var source = new ActivitySource("fit", "x.fit", "hash");
        foreach (var order in new[] { files, files.Reverse().ToArray() })
        {
            foreach (var file in order)
            {
                var bytes = RealData.ReadFitBytes(file);
                var expected = FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(bytes), source);
                var actual = FitActivityConverter.ToActivities(bytes, source);

                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(expected[i].Streams.Count, actual[i].Streams.Count);
                    Assert.Equal(expected[i].Streams.ElapsedSeconds, actual[i].Streams.ElapsedSeconds);
                    Assert.Equal(expected[i].Streams.LatitudeDegrees, actual[i].Streams.LatitudeDegrees);
                    Assert.Equal(expected[i].Streams.LongitudeDegrees, actual[i].Streams.LongitudeDegrees);
                    foreach (var kind in Enum.GetValues<StreamKind>().Where(k => k != StreamKind.Position))
                    {
                        Assert.Equal(expected[i].Streams.Column(kind), actual[i].Streams.Column(kind));
                    }

                    Assert.Equal(expected[i].Problems, actual[i].Problems);
                }
            }
        }
    }

    [Fact]
    public void Streams_equal_the_per_sample_definition_on_every_corpus_file()
    {
        // The converter narrows whole columns (vectorised) and computes elapsed time in ticks; each sample must be
        // what the plain definition gives: (float)value, stride length / 1000, (instant − start).TotalSeconds.
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);
        var source = new ActivitySource("fit", "x.fit", "hash");
        foreach (var file in RealData.Oracle.Keys)
        {
            FitActivity fit;
            IReadOnlyList<Activity> activities;
            try
            {
                fit = Decoder.Decode(RealData.ReadFitBytes(file));
                activities = FitActivityConverter.ToActivities(fit, source);
            }
            catch (FitFormatException)
            {
                continue;
            }

            var r = fit.Records;
            foreach (var activity in activities)
            {
                var s = activity.Streams;
                var from = 0;
                while (from < r.Count && (r.TimestampsUtc.Span[from] is not { } t || t < activity.StartUtc))
                {
                    from++;
                }

                if (activities.Count == 1)
                {
                    from = 0;
                }

                var previous = 0f;
                for (var j = 0; j < s.Count; j++)
                {
                    var i = from + j;
                    if (r.TimestampsUtc.Span[i] is { } instant)
                    {
                        previous = (float)(instant - activity.StartUtc).TotalSeconds;
                    }

                    Assert.Equal(previous, s.ElapsedSeconds[j]);
                    Assert.Equal((float)r.DistanceMeters.Span[i], s.DistanceMeters[j]);
                    Assert.Equal((float)r.SpeedMetersPerSecond.Span[i], s.SpeedMetersPerSecond[j]);
                    Assert.Equal((float)r.HeartRateBpm.Span[i], s.HeartRateBpm[j]);
                    Assert.Equal((float)(activity.CadenceUnit == CadenceUnit.StepsPerMinute ? r.CadenceStepsPerMinute : r.Cadence).Span[i], s.Cadence[j]);
                    Assert.Equal((float)r.AltitudeMeters.Span[i], s.AltitudeMeters[j]);
                    Assert.Equal(r.LatitudeDegrees.Span[i], s.LatitudeDegrees[j]);
                    Assert.Equal((float)r.PowerWatts.Span[i], s.PowerWatts[j]);
                    Assert.Equal((float)(r.StepLengthMillimeters.Span[i] / 1000), s.StrideLengthMeters[j]);
                    Assert.Equal((float)r.TemperatureCelsius.Span[i], s.TemperatureCelsius[j]);
                }
            }
        }
    }

    [Fact]
    public void Decoding_straight_to_activities_on_several_threads_at_once_gives_each_file_its_own_columns()
    {
        // The reused columns are shared by all threads (one rented set per decode): concurrent decodes of different
        // files must never see each other's values.
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);
        string[] files =
        [
            "dtcooper_python-fitparse/garmin-fenix-5-run.fit",
            "grimbough_FITfileR/garmin-fenix6-swim.fit",
            "dtcooper_python-fitparse/developer-types-sample.fit",
            "adriangibbons_php-fit-file-analysis/mountain-biking.fit",
        ];
        var source = new ActivitySource("fit", "x.fit", "hash");
        var bytes = files.Select(RealData.ReadFitBytes).ToArray();
        var expected = bytes.Select(b => FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(b), source)[0].Streams).ToArray();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = i % files.Length;
            var actual = FitActivityConverter.ToActivities(bytes[k], source)[0].Streams;
            Assert.Equal(expected[k].HeartRateBpm, actual.HeartRateBpm);
            Assert.Equal(expected[k].DistanceMeters, actual.DistanceMeters);
            Assert.Equal(expected[k].LatitudeDegrees, actual.LatitudeDegrees);
        });
    }
}

/// <summary>Plausibility of what a FIT file holds: sessions per file (generated files, so a clone without the corpus checks it).</summary>
public sealed class FitSessionPlausibilityTests
{
    private static readonly ActivitySource Source = new("fit", "sessions.fit", "h");

    /// <summary>
    /// Records every 10 s, and one session per <paramref name="sessionSeconds"/>-second block with the given sports
    /// (running = 1, cycling = 2), in file order as devices write them: records, then the sessions.
    /// </summary>
    private static byte[] File(int sessions, int sessionSeconds, Func<int, byte> sport)
    {
        const uint start = 1_000_000_000;
        var builder = new FitFileBuilder()
            .Definition(0, CalfCoach.Formats.Fit.Profile.FitProfile.MessageNumber.Record, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(5, FitBaseType.UInt32))
            .Definition(1, CalfCoach.Formats.Fit.Profile.FitProfile.MessageNumber.Session,
                new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(2, FitBaseType.UInt32), new FieldSpec(5, FitBaseType.Enum),
                new FieldSpec(7, FitBaseType.UInt32), new FieldSpec(9, FitBaseType.UInt32));
        for (var t = 0; t < sessions * sessionSeconds; t += 10)
        {
            builder.Data(0, start + (uint)t, t * 300); // 3 m/s, distance in cm
        }

        for (var i = 0; i < sessions; i++)
        {
            var from = start + (uint)(i * sessionSeconds);
            builder.Data(1, from + (uint)sessionSeconds - 10, from, sport(i), (sessionSeconds - 10) * 1000, (sessionSeconds - 10) * 300);
        }

        return builder.Build();
    }

    [Fact]
    public void A_multisport_file_with_several_sessions_counts_every_part()
    {
        // A brick: run, ride, run, each 20 minutes.
        var parts = FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(File(3, 1200, i => i == 1 ? (byte)2 : (byte)1)), Source);

        Assert.Equal([Sport.Running, Sport.Cycling, Sport.Running], parts.Select(p => p.Sport));
        Assert.All(parts, p => Assert.Null(ActivityPlausibility.Mark(p).NotCountedBecause));
        Assert.Equal(2, parts.Count(p => ActivityPlausibility.Mark(p).CountsAsRunningLoad));
    }

    [Fact]
    public void A_file_with_hundreds_of_sessions_is_one_activity_with_a_note_and_not_counted()
    {
        var bytes = File(300, 60, _ => 1);

        var activity = Assert.Single(FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(bytes), Source));

        Assert.Equal("the file has 300 sessions; more than 256 is not one day's sport, so they are kept together as one activity and not counted", activity.NotCountedBecause);
        Assert.False(activity.CountsAsRunningLoad);
        Assert.Equal(300 * 6, activity.Streams.Count); // every record kept
        Assert.Equal(Sport.Running, activity.Sport);
    }

    [Fact]
    public void A_file_with_256_sessions_is_still_split()
    {
        var parts = FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(File(256, 60, _ => 1)), Source);

        Assert.Equal(256, parts.Count);
        Assert.All(parts, p => Assert.Null(p.NotCountedBecause));
    }
}
