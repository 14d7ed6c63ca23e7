using System.Globalization;
using CalfCoach.Core.Activities;

namespace CalfCoach.Storage.Tests;

/// <summary>Activities and streams shaped like real recordings, seeded so every run sees the same data.</summary>
internal static class TestActivities
{
    public static readonly DateTimeOffset MorningRun = new(2024, 5, 1, 6, 30, 15, 123, TimeSpan.Zero);

    private const double DegreesPerSemicircle = 180.0 / 2147483648.0;

    /// <summary>
    /// A 1 Hz run as a FIT decoder delivers it: values on the FIT profile's scales (distance 1/100 m,
    /// speed 1/1000 m/s, altitude 1/5 m − 500, semicircle positions, whole bpm, watts and °C,
    /// half-step cadence), with a GPS dropout and a heart-rate strap that starts late.
    /// </summary>
    public static ActivityStreams FitLikeRun(int seconds, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new ActivityStreamsBuilder(seconds);
        var s = builder.Columns;
        long distanceCm = 0;
        var altitudeRaw = 2500 + (312 * 5);
        var heartRate = 118.0;
        long lat = (long)(47.3769 / DegreesPerSemicircle);
        long lon = (long)(8.5417 / DegreesPerSemicircle);
        var heading = 0.3;
        var speedMmPerS = 2800;
        var cadenceHalfSteps = 2 * 172;
        var power = 250;
        var stepMm = 1000;
        var oscillationTenthsMm = 820;
        var contactTenthsMs = 2450;
        for (var i = 0; i < seconds; i++)
        {
            // Sensors drift rather than jump: each channel is a clamped random walk.
            speedMmPerS = Math.Clamp(speedMmPerS + random.Next(-40, 41), 2200, 3600);
            cadenceHalfSteps = Math.Clamp(cadenceHalfSteps + random.Next(-1, 2), 320, 370);
            power = Math.Clamp(power + random.Next(-6, 7), 180, 330);
            stepMm = Math.Clamp(stepMm + random.Next(-6, 7), 850, 1150);
            oscillationTenthsMm = Math.Clamp(oscillationTenthsMm + random.Next(-5, 6), 700, 950);
            contactTenthsMs = Math.Clamp(contactTenthsMs + random.Next(-20, 21), 2100, 2800);
            distanceCm += speedMmPerS / 10;
            altitudeRaw += random.Next(-2, 3);
            heartRate = Math.Clamp(heartRate + random.Next(-1, 2) + ((150 - heartRate) * 0.01), 90, 190);
            heading += (random.NextDouble() - 0.5) * 0.1;
            var step = speedMmPerS / 1000.0 / 111_000 / DegreesPerSemicircle;
            lat += (long)(step * Math.Cos(heading));
            lon += (long)(step * Math.Sin(heading) / 0.68);

            s.ElapsedSeconds[i] = i;
            s.DistanceMeters[i] = (float)(distanceCm / 100.0);
            s.SpeedMetersPerSecond[i] = (float)(speedMmPerS / 1000.0);
            s.AltitudeMeters[i] = (float)((altitudeRaw / 5.0) - 500);
            s.Cadence[i] = cadenceHalfSteps / 2f;
            s.PowerWatts[i] = power;
            s.TemperatureCelsius[i] = 18 + (i / 1200);
            s.StrideLengthMeters[i] = (float)(stepMm / 1000.0);
            s.VerticalOscillationMillimeters[i] = (float)(oscillationTenthsMm / 10.0);
            s.GroundContactTimeMilliseconds[i] = (float)(contactTenthsMs / 10.0);
            if (i >= 20)
            {
                s.HeartRateBpm[i] = (float)Math.Round(heartRate);
            }

            if (i is < 600 or > 640)
            {
                s.LatitudeDegrees[i] = lat * DegreesPerSemicircle;
                s.LongitudeDegrees[i] = lon * DegreesPerSemicircle;
            }
        }

        return builder.Build();
    }

    /// <summary>A GPX export of a run: whole-second times, 7-decimal positions, 1-decimal elevation, heart rate.</summary>
    public static ActivityStreams GpxLikeRun(int seconds, int seed = 2)
    {
        var random = new Random(seed);
        var builder = new ActivityStreamsBuilder(seconds);
        var s = builder.Columns;
        var lat = 47.3769;
        var lon = 8.5417;
        var elevation = 412.0;
        for (var i = 0; i < seconds; i++)
        {
            lat += random.Next(-5, 30) * 1e-7;
            lon += random.Next(-5, 40) * 1e-7;
            elevation += random.Next(-3, 4) / 10.0;
            s.ElapsedSeconds[i] = i;
            s.LatitudeDegrees[i] = double.Parse(lat.ToString("F7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            s.LongitudeDegrees[i] = double.Parse(lon.ToString("F7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            s.AltitudeMeters[i] = float.Parse(elevation.ToString("F1", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            s.HeartRateBpm[i] = 140 + random.Next(0, 20);
        }

        return builder.Build();
    }

    /// <summary>Values on no grid at all: random bits, signed zeros, infinities, subnormals and extremes.</summary>
    public static ActivityStreams Awkward(int count, int seed = 3)
    {
        var random = new Random(seed);
        var builder = new ActivityStreamsBuilder(count);
        var s = builder.Columns;
        float[] specials = [-0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1e-30f];
        for (var i = 0; i < count; i++)
        {
            s.ElapsedSeconds[i] = (float)(i * 0.997 + random.NextDouble());
            s.SpeedMetersPerSecond[i] = i < specials.Length ? specials[i] : BitConverter.Int32BitsToSingle(random.Next()) * (random.Next(2) == 0 ? 1 : -1);
            s.HeartRateBpm[i] = (float)(random.NextDouble() * 200);
            s.LatitudeDegrees[i] = (random.NextDouble() * 180) - 90;
            s.LongitudeDegrees[i] = i == 0 ? -0.0 : i == 1 ? 1e300 : (random.NextDouble() * 360) - 180;
            if (float.IsNaN(s.SpeedMetersPerSecond[i]))
            {
                s.SpeedMetersPerSecond[i] = 1;
            }
        }

        return builder.Build();
    }

    /// <summary>A running activity with every field set, from a FIT file.</summary>
    public static Activity FullRun(string sha256 = "aa01", DateTimeOffset? start = null, int seconds = 600) => new()
    {
        StartUtc = start ?? MorningRun,
        UtcOffset = TimeSpan.FromSeconds(7199),
        Sport = Sport.Running,
        SubSport = SubSport.Trail,
        Name = "Üetliberg \"hill\" reps, 'quoted'",
        Device = "garmin fenix2",
        Gear = "Hoka Speedgoat 5",
        ElapsedSeconds = seconds + 0.25,
        TimerSeconds = seconds - 12.5,
        DistanceMeters = 1712.43,
        AscentMeters = 84,
        AvgHeartRateBpm = 151.5,
        MaxHeartRateBpm = 178,
        AvgCadenceStepsPerMinute = 172.25,
        Laps =
        [
            new((start ?? MorningRun).AddSeconds(0), 300, 295.5, 850.1, 149, 171, 2.88),
            new((start ?? MorningRun).AddSeconds(300), seconds - 299.75, null, null, null, null, null),
        ],
        Streams = FitLikeRun(seconds),
        Source = new ActivitySource("fit", $"export.zip!activities/{sha256}.fit.gz", sha256),
        IsPartial = true,
        Problems = ["byte 1234: record message truncated", "line 7: ünïcödé, \"quotes\" and \\ backslash"],
    };

    /// <summary>The bare minimum: no optional field, no laps, no streams.</summary>
    public static Activity MinimalRun(string sha256, DateTimeOffset start, Sport sport = Sport.Running, string format = "gpx") => new()
    {
        StartUtc = start,
        Sport = sport,
        ElapsedSeconds = 1800,
        Source = new ActivitySource(format, $"{sha256}.{format}", sha256),
    };

    public static void AssertIdentical(ActivityStreams expected, ActivityStreams actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var kind in Enum.GetValues<StreamKind>())
        {
            if (kind == StreamKind.Position)
            {
                AssertSameBits(expected.LatitudeDegrees, actual.LatitudeDegrees, "latitude");
                AssertSameBits(expected.LongitudeDegrees, actual.LongitudeDegrees, "longitude");
            }
            else
            {
                AssertSameBits(expected.Column(kind), actual.Column(kind), kind.ToString());
            }
        }

        AssertSameBits(expected.ElapsedSeconds, actual.ElapsedSeconds, "elapsed");
    }

    private static void AssertSameBits(float[] expected, float[] actual, string column)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var same = float.IsNaN(expected[i])
                ? float.IsNaN(actual[i])
                : BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]);
            Assert.True(same, $"{column}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static void AssertSameBits(double[] expected, double[] actual, string column)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var same = double.IsNaN(expected[i])
                ? double.IsNaN(actual[i])
                : BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]);
            Assert.True(same, $"{column}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
