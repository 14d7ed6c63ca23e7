using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>Generated runs written as FIT and read back: the fixtures every newcomer's test run relies on.</summary>
public sealed class FitActivityWriterTests
{
    private static readonly SyntheticRunSpec Spec = new(new DateTimeOffset(2026, 3, 14, 7, 30, 0, TimeSpan.Zero), 5, 330, 164, Intervals: 4);

    private static (Activity Original, Activity Decoded, FitActivity Fit) RoundTrip()
    {
        var original = SyntheticRun.Generate(Spec, seed: 7);
        var bytes = FitActivityWriter.Write(original);
        var fit = new FitActivityDecoder().Decode(bytes);
        var decoded = Assert.Single(FitActivityConverter.ToActivities(fit, new ActivitySource("fit", "generated.fit", "h")));
        return (original, decoded, fit);
    }

    [Fact]
    public void A_written_file_has_valid_crcs_and_decodes_without_problems()
    {
        var (_, decoded, fit) = RoundTrip();

        Assert.False(fit.IsPartial);
        Assert.Empty(fit.Problems);
        Assert.False(decoded.IsPartial);
    }

    [Fact]
    public void Summary_fields_survive_the_round_trip()
    {
        var (original, decoded, _) = RoundTrip();

        Assert.Equal(original.StartUtc, decoded.StartUtc);
        Assert.Equal(Sport.Running, decoded.Sport);
        Assert.Equal(SubSport.Road, decoded.SubSport);
        Assert.Equal(original.ElapsedSeconds, decoded.ElapsedSeconds, 3);
        Assert.Equal(original.DistanceMeters!.Value, decoded.DistanceMeters!.Value, 2);
        Assert.Equal(original.AvgHeartRateBpm, decoded.AvgHeartRateBpm);
        Assert.Equal(original.AvgCadenceStepsPerMinute!.Value, decoded.AvgCadenceStepsPerMinute!.Value, 1);
        Assert.Equal(TimeSpan.Zero, decoded.UtcOffset);
    }

    [Fact]
    public void Every_stream_survives_within_the_fit_resolution()
    {
        var (original, decoded, _) = RoundTrip();
        var a = original.Streams;
        var b = decoded.Streams;

        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a.ElapsedSeconds[i], b.ElapsedSeconds[i]);
            Assert.Equal(a.DistanceMeters[i], b.DistanceMeters[i], 0.006);      // scale 100
            Assert.Equal(a.SpeedMetersPerSecond[i], b.SpeedMetersPerSecond[i], 0.0006); // scale 1000
            Assert.Equal(a.AltitudeMeters[i], b.AltitudeMeters[i], 0.11);        // scale 5
            Assert.Equal(a.HeartRateBpm[i], b.HeartRateBpm[i]);
            Assert.Equal(a.Cadence[i], b.Cadence[i], 0.02); // 1/128 stride
            Assert.Equal(a.LatitudeDegrees[i], b.LatitudeDegrees[i], 1e-6);
            Assert.Equal(a.LongitudeDegrees[i], b.LongitudeDegrees[i], 1e-6);
            Assert.Equal(a.TemperatureCelsius[i], b.TemperatureCelsius[i]);
            Assert.Equal(a.StrideLengthMeters[i], b.StrideLengthMeters[i], 0.0002);
            Assert.Equal(a.VerticalOscillationMillimeters[i], b.VerticalOscillationMillimeters[i], 0.06);
            Assert.Equal(a.GroundContactTimeMilliseconds[i], b.GroundContactTimeMilliseconds[i], 0.06);
        }
    }

    [Fact]
    public void Missing_channels_are_written_as_invalid_values_and_read_back_as_missing()
    {
        var original = SyntheticRun.Generate(Spec, seed: 3);
        original.Streams.HeartRateBpm.AsSpan().Fill(float.NaN);
        original.Streams.PowerWatts.AsSpan().Fill(float.NaN);

        var fit = new FitActivityDecoder().Decode(FitActivityWriter.Write(original));
        var decoded = Assert.Single(FitActivityConverter.ToActivities(fit, new ActivitySource("fit", "x.fit", "h")));

        Assert.Equal(0, decoded.Streams.CountPresent(StreamKind.HeartRate));
        Assert.Equal(0, decoded.Streams.CountPresent(StreamKind.Power));
        Assert.Equal(original.Streams.Count, decoded.Streams.CountPresent(StreamKind.Cadence));
    }
}
