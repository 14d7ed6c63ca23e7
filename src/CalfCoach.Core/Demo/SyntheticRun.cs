using System.Globalization;
using CalfCoach.Core.Activities;

namespace CalfCoach.Core.Demo;

/// <summary>What a generated run should look like.</summary>
/// <param name="PaceSecondsPerKm">Average pace; intervals alternate faster and slower around it.</param>
/// <param name="CadenceStepsPerMinute">Cadence at the average pace; it rises a little with speed, as in real runners.</param>
/// <param name="Intervals">Number of fast repeats (0 for a steady run).</param>
/// <param name="Name">The activity's name; without one it is named from its distance or repeats.</param>
public sealed record SyntheticRunSpec(
    DateTimeOffset StartUtc,
    double DistanceKm,
    double PaceSecondsPerKm,
    double CadenceStepsPerMinute,
    int Intervals = 0,
    double HillAmplitudeMeters = 10,
    double TemperatureCelsius = 15,
    string? Gear = null,
    string? Name = null);

/// <summary>
/// Generates a plausible 1 Hz run (position, distance, speed, heart rate, cadence, altitude,
/// temperature, running dynamics) for the demo history, test fixtures and benchmarks. Deterministic
/// for a given seed. Generated data is always labelled as such by its source path.
/// </summary>
public static class SyntheticRun
{
    private const double EarthRadiusMeters = 6371008.8;

    public static Activity Generate(SyntheticRunSpec spec, int seed, string sourcePath = "generated")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.DistanceKm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.PaceSecondsPerKm);
        var random = new Random(seed);
        var targetMeters = spec.DistanceKm * 1000;
        var averageSpeed = 1000 / spec.PaceSecondsPerKm;
        var samples = (int)Math.Ceiling(targetMeters / averageSpeed) + 1;

        var builder = new ActivityStreamsBuilder(samples);
        var s = builder.Columns;
        double distance = 0, heartRate = 95, lat = 51.5 + (random.NextDouble() * 0.01), lon = -0.12;
        var heading = random.NextDouble() * 2 * Math.PI;
        double sumHeartRate = 0, maxHeartRate = 0, sumCadence = 0, ascent = 0, previousAltitude = double.NaN;
        for (var i = 0; i < samples; i++)
        {
            var fraction = distance / targetMeters;
            var fast = spec.Intervals > 0 && fraction is > 0.15 and < 0.85
                && (int)((fraction - 0.15) / 0.7 * spec.Intervals * 2) % 2 == 0;
            var speed = averageSpeed * (spec.Intervals > 0 ? (fast ? 1.18 : 0.88) : 1.0) * (1 + ((random.NextDouble() - 0.5) * 0.04));
            var cadence = spec.CadenceStepsPerMinute + ((speed - averageSpeed) * 9) + ((random.NextDouble() - 0.5) * 3);
            var targetHeartRate = 120 + (speed / averageSpeed * 35) + (fraction * 10);
            heartRate += (targetHeartRate - heartRate) * 0.05;
            var altitude = 40 + (spec.HillAmplitudeMeters * Math.Sin(distance / 800));

            s.ElapsedSeconds[i] = i;
            s.DistanceMeters[i] = (float)distance;
            s.SpeedMetersPerSecond[i] = (float)speed;
            s.HeartRateBpm[i] = (float)Math.Round(heartRate);
            s.Cadence[i] = (float)cadence;
            s.AltitudeMeters[i] = (float)altitude;
            s.LatitudeDegrees[i] = lat;
            s.LongitudeDegrees[i] = lon;
            s.TemperatureCelsius[i] = (float)Math.Round(spec.TemperatureCelsius + (fraction * 2));
            s.StrideLengthMeters[i] = (float)(speed * 60 / cadence);
            s.VerticalOscillationMillimeters[i] = (float)(85 + (random.NextDouble() * 10));
            s.GroundContactTimeMilliseconds[i] = (float)(300 - (speed * 15));

            sumHeartRate += Math.Round(heartRate);
            maxHeartRate = Math.Max(maxHeartRate, Math.Round(heartRate));
            sumCadence += cadence;
            if (!double.IsNaN(previousAltitude) && altitude > previousAltitude)
            {
                ascent += altitude - previousAltitude;
            }

            previousAltitude = altitude;
            heading += (random.NextDouble() - 0.5) * 0.1;
            lat += speed * Math.Cos(heading) / EarthRadiusMeters * (180 / Math.PI);
            lon += speed * Math.Sin(heading) / (EarthRadiusMeters * Math.Cos(lat * Math.PI / 180)) * (180 / Math.PI);
            distance += speed;
        }

        var streams = builder.Build();
        return new Activity
        {
            StartUtc = spec.StartUtc,
            UtcOffset = TimeSpan.Zero,
            Sport = Sport.Running,
            SubSport = SubSport.Road,
            Name = spec.Name ?? (spec.Intervals > 0 ? $"Intervals {spec.Intervals}x" : string.Create(CultureInfo.InvariantCulture, $"Run {spec.DistanceKm:0.#} km")),
            Device = "CalfCoach generator",
            Gear = spec.Gear,
            ElapsedSeconds = samples - 1,
            TimerSeconds = samples - 1,
            DistanceMeters = streams.DistanceMeters[^1],
            AscentMeters = Math.Round(ascent),
            AvgHeartRateBpm = Math.Round(sumHeartRate / samples),
            MaxHeartRateBpm = maxHeartRate,
            AvgCadenceStepsPerMinute = Math.Round(sumCadence / samples, 1),
            Laps = [],
            Streams = streams,
            Source = new ActivitySource("generated", sourcePath, $"generated-{seed}"),
        };
    }
}
