using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Demo;

namespace CalfCoach.Core.Tests.Analysis;

public sealed class RunFeatureExtractorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 7, 0, 0, TimeSpan.Zero);

    private static Activity Constant(int seconds, float speed, float cadence, float heartRate = 150)
    {
        var builder = new ActivityStreamsBuilder(seconds + 1);
        var s = builder.Columns;
        for (var i = 0; i <= seconds; i++)
        {
            s.ElapsedSeconds[i] = i;
            s.DistanceMeters[i] = i * speed;
            s.SpeedMetersPerSecond[i] = speed;
            s.Cadence[i] = cadence;
            s.HeartRateBpm[i] = heartRate;
        }

        return new Activity
        {
            StartUtc = Start,
            Sport = Sport.Running,
            ElapsedSeconds = seconds,
            Streams = builder.Build(),
            Source = new ActivitySource("generated", "test", "h"),
        };
    }

    [Fact]
    public void A_constant_run_has_its_cadence_step_length_and_one_speed_bin()
    {
        // 600 s at 3.0 m/s and 170 spm: 600 one-second intervals, step = 3.0 × 60 / 170 = 1.0588 m, bin [3.00, 3.25).
        var features = RunFeatureExtractor.Extract(Constant(600, 3.0f, 170));

        Assert.Equal(170, features.MedianCadenceStepsPerMinute);
        Assert.Equal(1.059, features.MedianStepLengthMeters!.Value, 2);
        Assert.Equal(new SpeedBin(3.0, 600, 170), Assert.Single(features.SpeedBins));
        Assert.Equal(new HeartRateBin(150, 600), Assert.Single(features.HeartRateBins));
        Assert.Equal(600, features.MovingSeconds);
        Assert.Equal(1800, features.DistanceMeters);
        Assert.Equal(0, features.IntervalRepeats);
        Assert.Null(features.BestTwentyMinuteSpeedMetersPerSecond); // shorter than 20 minutes
    }

    [Theory]
    [InlineData(Sport.Cycling, null)]
    [InlineData(Sport.Running, CadenceUnit.RevolutionsPerMinute)]
    [InlineData(Sport.Swimming, null)]
    public void Cadence_that_is_not_steps_never_enters_the_step_rate_features(Sport sport, CadenceUnit? unit)
    {
        // 110 at 3 m/s would be a (low) running cadence if read as steps; as pedal revolutions or strokes it is no step.
        var activity = Constant(600, 3.0f, 110) with { Sport = sport };
        if (unit is { } given)
        {
            activity = activity with { CadenceUnit = given };
        }

        var features = RunFeatureExtractor.Extract(activity);

        Assert.NotEqual(CadenceUnit.StepsPerMinute, activity.CadenceUnit);
        Assert.Null(features.MedianCadenceStepsPerMinute);
        Assert.Null(features.MedianStepLengthMeters);
        Assert.All(features.SpeedBins, bin => Assert.Null(bin.MedianCadenceStepsPerMinute));
        Assert.Equal(600, features.MovingSeconds);
    }

    [Fact]
    public void Walking_samples_do_not_count_for_cadence()
    {
        var features = RunFeatureExtractor.Extract(Constant(600, 1.4f, 115));

        Assert.Null(features.MedianCadenceStepsPerMinute);
        Assert.Empty(features.SpeedBins);
        Assert.Equal(600, features.MovingSeconds);
    }

    [Fact]
    public void A_generated_interval_session_has_its_repeats_and_a_steady_run_none()
    {
        var intervals = SyntheticRun.Generate(new SyntheticRunSpec(Start, 10, 300, 170, Intervals: 6), seed: 3);
        var steady = SyntheticRun.Generate(new SyntheticRunSpec(Start, 10, 300, 170), seed: 3);

        var repeats = RunFeatureExtractor.Extract(intervals);
        var easy = RunFeatureExtractor.Extract(steady);

        Assert.Equal(6, repeats.IntervalRepeats);
        Assert.InRange(repeats.IntervalSpeedMetersPerSecond!.Value, 3.7, 4.1); // 1.18 × 3.33 m/s
        Assert.Equal(0, easy.IntervalRepeats);
        Assert.Equal(170, easy.MedianCadenceStepsPerMinute!.Value, 0);
        Assert.Equal(3.33, easy.BestTwentyMinuteSpeedMetersPerSecond!.Value, 1);
        Assert.InRange(easy.MeanTemperatureCelsius!.Value, 15, 17);
    }

    [Theory]
    [InlineData("Sunday parkrun", true)]
    [InlineData("Berlin Marathon", true)]
    [InlineData("10K race", true)]
    [InlineData("Grace's loop", false)]
    [InlineData("Morning Run", false)]
    [InlineData(null, false)]
    public void A_name_suggests_a_race_only_on_a_whole_word(string? name, bool race)
    {
        Assert.Equal(race, RunFeatureExtractor.NameSuggestsRace(name));
    }

    [Fact]
    public void Features_round_trip_through_json()
    {
        var run = SyntheticRun.Generate(new SyntheticRunSpec(Start, 8, 330, 166, Intervals: 4, Gear: "Pegasus 40"), seed: 9);
        var features = RunFeatureExtractor.Extract(run with { UtcOffset = TimeSpan.FromHours(-5) });

        var json = RunFeaturesJson.Serialize(features);
        var back = RunFeaturesJson.Deserialize(json);

        Assert.Contains("\"sport\":\"running\"", json, StringComparison.Ordinal);
        Assert.Contains("\"speedBins\":[", json, StringComparison.Ordinal);
        Assert.Equal(json, RunFeaturesJson.Serialize(back));
        Assert.Equal(features.SpeedBins, back.SpeedBins);
        Assert.Equal(features.HeartRateBins, back.HeartRateBins);
        Assert.Equal(features with { SpeedBins = back.SpeedBins, HeartRateBins = back.HeartRateBins }, back);
    }
}
