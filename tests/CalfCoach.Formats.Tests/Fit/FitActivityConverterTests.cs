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
        Assert.InRange(run.Streams.CadenceStepsPerMinute.Where(c => c > 0).Average(), 150, 185);
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
        Assert.True(parts.Zip(parts.Skip(1)).All(pair => pair.First.StartUtc <= pair.Second.StartUtc));
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
                    Assert.Equal((float)r.CadenceStepsPerMinute.Span[i], s.CadenceStepsPerMinute[j]);
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
