using System.Globalization;
using System.Text.Json;
using CalfCoach.Formats.Fit;
using static CalfCoach.Bench.FitFileBuilder;
using P = CalfCoach.Formats.Fit.Profile.FitProfile;

namespace CalfCoach.Bench;

/// <summary>
/// Generates FIT files unlike the shared corpus and unlike <c>FitActivityWriter</c>'s single layout, for the speed
/// comparison with Garmin's SDK (<c>bench/fit-vs-sdk.sh</c>): developer fields, many message types and local
/// definitions (with redefinitions), compressed-timestamp headers, multisport, pool swims and big-endian cycling
/// files. Deterministic: the same seed gives the same bytes. Each file's record count, records with heart rate and
/// heart-rate sum are written next to it (<c>expected.jsonl</c>) as the truth both decoders are checked against.
/// </summary>
internal static class VariedFitFiles
{
    // FIT profile message numbers not in CalfCoach's profile subset (Garmin FIT SDK, Profile.xlsx).
    private const ushort HrvMessage = 78;
    private const ushort LengthMessage = 101;
    private const ushort ManufacturerSpecificMessage = 65282;

    private static readonly uint Epoch2026 = (uint)(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero) - FitDateTime.Epoch).TotalSeconds;

    private static readonly (string Kind, Func<int, Truth, byte[]> Write)[] Kinds =
    [
        ("devfields-run", DeveloperFieldRun),
        ("many-locals", ManyLocalsAndMessages),
        ("compressed-ts", CompressedTimestamps),
        ("multisport", Multisport),
        ("pool-swim", PoolSwim),
        ("cycling-be", BigEndianCycling),
    ];

    /// <summary>Writes <paramref name="perKind"/> files of each kind to <paramref name="directory"/> with expected.jsonl.</summary>
    public static (int Files, long Bytes) Write(string directory, int perKind)
    {
        Directory.CreateDirectory(directory);
        using var expected = new StreamWriter(Path.Combine(directory, "expected.jsonl"));
        long bytes = 0;
        var files = 0;
        foreach (var (kind, write) in Kinds)
        {
            for (var seed = 1; seed <= perKind; seed++)
            {
                var truth = new Truth();
                var file = write(seed, truth);
                var name = string.Create(CultureInfo.InvariantCulture, $"{kind}-{seed:D2}.fit");
                File.WriteAllBytes(Path.Combine(directory, name), file);
                expected.WriteLine(JsonSerializer.Serialize(new
                {
                    file = name,
                    records = truth.Records,
                    recordsWithHeartRate = truth.WithHeartRate,
                    heartRateSum = truth.HeartRateSum,
                    compressedTimestamps = truth.CompressedTimestamps,
                }));
                bytes += file.Length;
                files++;
            }
        }

        return (files, bytes);
    }

    /// <summary>What the generator wrote into the records, to check decoders against.</summary>
    private sealed class Truth
    {
        public int Records;
        public int WithHeartRate;
        public long HeartRateSum;
        public bool CompressedTimestamps;

        /// <summary>A record's heart rate: invalid (null) now and then, as when a strap loses contact; counted.</summary>
        public int? HeartRate(Random random, double bpm)
        {
            Records++;
            if (random.NextDouble() < 0.02)
            {
                return null;
            }

            var value = (int)Math.Clamp(Math.Round(bpm), 40, 220);
            WithHeartRate++;
            HeartRateSum += value;
            return value;
        }

        /// <summary>A record without a heart-rate field.</summary>
        public void NoHeartRate() => Records++;
    }

    /// <summary>A moving athlete: position, distance, altitude and heart rate that drift plausibly second by second.</summary>
    private sealed class Motion(Random random, double speed)
    {
        private const double SemicirclesPerDegree = 2147483648.0 / 180.0;
        private double _latitude = 46.5 + random.NextDouble();
        private double _longitude = 6.5 + random.NextDouble();
        private double _heading = random.NextDouble() * Math.Tau;

        public double Speed { get; private set; } = speed;

        public double Distance { get; private set; }

        public double Altitude { get; private set; } = 300 + (random.Next(500));

        public double HeartRate { get; private set; } = 100;

        public int LatitudeSemicircles => (int)(_latitude * SemicirclesPerDegree);

        public int LongitudeSemicircles => (int)(_longitude * SemicirclesPerDegree);

        public void Step(double targetSpeed, double targetHeartRate)
        {
            Speed = Math.Max(0.3, Speed + ((targetSpeed - Speed) * 0.1) + ((random.NextDouble() - 0.5) * 0.2));
            HeartRate += ((targetHeartRate - HeartRate) * 0.05) + ((random.NextDouble() - 0.5) * 2);
            _heading += (random.NextDouble() - 0.5) * 0.2;
            Distance += Speed;
            Altitude += (random.NextDouble() - 0.5) * 0.8;
            _latitude += Math.Cos(_heading) * Speed / 111_000;
            _longitude += Math.Sin(_heading) * Speed / 78_000;
        }

        /// <summary>Stored values: distance (scale 100), speed (scale 1000), altitude (scale 5, offset 500).</summary>
        public long DistanceRaw => (long)Math.Round(Distance * 100);

        public long SpeedRaw => (long)Math.Round(Speed * 1000);

        public long AltitudeRaw => (long)Math.Round((Altitude + 500) * 5);
    }

    private static void FileId(FitFileBuilder fit, byte local, uint created, int manufacturer, int product)
    {
        fit.Define(local, P.MessageNumber.FileId,
            [new(0, FitBaseType.Enum), new(1, FitBaseType.UInt16), new(2, FitBaseType.UInt16), new(3, FitBaseType.UInt32z), new(4, FitBaseType.UInt32)]);
        fit.Data(local, 4, manufacturer, product, 3_900_000_000u + (uint)product, created);
    }

    private static readonly Field[] EventFields = [new(253, FitBaseType.UInt32), new(0, FitBaseType.Enum), new(1, FitBaseType.Enum), new(3, FitBaseType.UInt32)];

    private static readonly Field[] DeviceInfoFields =
    [
        new(253, FitBaseType.UInt32), new(0, FitBaseType.UInt8), new(1, FitBaseType.UInt8), new(2, FitBaseType.UInt16),
        new(3, FitBaseType.UInt32z), new(4, FitBaseType.UInt16), new(5, FitBaseType.UInt16), new(10, FitBaseType.UInt16), new(27, 20, FitBaseType.String),
    ];

    private static readonly Field[] LapFields =
    [
        new(253, FitBaseType.UInt32), new(254, FitBaseType.UInt16), new(2, FitBaseType.UInt32), new(7, FitBaseType.UInt32),
        new(8, FitBaseType.UInt32), new(9, FitBaseType.UInt32), new(15, FitBaseType.UInt8), new(25, FitBaseType.Enum),
    ];

    private static readonly Field[] SessionFields =
    [
        new(253, FitBaseType.UInt32), new(254, FitBaseType.UInt16), new(2, FitBaseType.UInt32), new(5, FitBaseType.Enum), new(6, FitBaseType.Enum),
        new(7, FitBaseType.UInt32), new(8, FitBaseType.UInt32), new(9, FitBaseType.UInt32), new(16, FitBaseType.UInt8), new(26, FitBaseType.UInt16),
    ];

    private static readonly Field[] ActivityFields =
        [new(253, FitBaseType.UInt32), new(0, FitBaseType.UInt32), new(1, FitBaseType.UInt16), new(5, FitBaseType.UInt32)];

    private static void Session(FitFileBuilder fit, byte local, int index, uint start, uint end, int sport, int subSport, double distance, int avgHeartRate, int laps)
    {
        fit.Data(local, end, index, start, sport, subSport, (end - start) * 1000L, (end - start) * 1000L, (long)(distance * 100), avgHeartRate, laps);
    }

    private static void Lap(FitFileBuilder fit, byte local, int index, uint start, uint end, double distance, int avgHeartRate, int sport)
    {
        fit.Data(local, end, index, start, (end - start) * 1000L, (end - start) * 1000L, (long)(distance * 100), avgHeartRate, sport);
    }

    private static void Activity(FitFileBuilder fit, byte local, uint end, uint timer, int sessions)
    {
        fit.Define(local, P.MessageNumber.Activity, ActivityFields);
        fit.Data(local, end, timer * 1000L, sessions, end + 3600);
    }

    /// <summary>A run with a Stryd-like power meter and a Connect IQ app writing developer fields into every record.</summary>
    private static byte[] DeveloperFieldRun(int seed, Truth truth)
    {
        var random = new Random(1000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        FileId(fit, 0, start, 1, 3113);

        // Two developers: index 0 a power meter, index 1 a data field app (FIT protocol 2.0, "Developer Data").
        fit.Define(1, P.MessageNumber.DeveloperDataId,
            [new(0, 16, FitBaseType.Byte), new(1, 16, FitBaseType.Byte), new(2, FitBaseType.UInt16), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt32)]);
        fit.Data(1, Enumerable.Repeat((byte)0xA5, 16).ToArray(), Enumerable.Repeat((byte)0x11, 16).ToArray(), 95, 0, 140);
        fit.Data(1, Enumerable.Repeat((byte)0x5A, 16).ToArray(), Enumerable.Repeat((byte)0x22, 16).ToArray(), 255, 1, 7);
        fit.Define(2, P.MessageNumber.FieldDescription,
            [new(0, FitBaseType.UInt8), new(1, FitBaseType.UInt8), new(2, FitBaseType.UInt8), new(3, 32, FitBaseType.String), new(8, 16, FitBaseType.String)]);
        fit.Data(2, 0, 0, (int)FitBaseType.UInt16, "Power", "Watts");
        fit.Data(2, 0, 1, (int)FitBaseType.UInt16, "Form Power", "Watts");
        fit.Data(2, 0, 2, (int)FitBaseType.Float32, "Leg Spring Stiffness", "kN/m");
        fit.Data(2, 0, 3, (int)FitBaseType.UInt8, "Air Power", "Watts");
        fit.Data(2, 1, 0, (int)FitBaseType.SInt16, "Ground Time Balance", "%");
        fit.Data(2, 1, 1, (int)FitBaseType.UInt32, "Effort", "points");

        fit.Define(3, P.MessageNumber.Event, EventFields);
        fit.Data(3, start, 0, 0, 0);
        fit.Define(4, P.MessageNumber.DeviceInfo, DeviceInfoFields);
        for (var d = 0; d < 4; d++)
        {
            fit.Data(4, start, d, d == 0 ? 0 : 120 + d, d == 1 ? 95 : 1, 1000 + d, 3113 + d, 1250, 3 * 256, d == 1 ? "Stryd" : "device");
        }

        fit.Define(5, P.MessageNumber.Record,
        [
            new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(5, FitBaseType.UInt32),
            new(73, FitBaseType.UInt32), new(78, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8),
            new(53, FitBaseType.UInt8), new(7, FitBaseType.UInt16), new(39, FitBaseType.UInt16), new(41, FitBaseType.UInt16),
            new(83, FitBaseType.UInt16), new(85, FitBaseType.UInt16), new(13, FitBaseType.SInt8),
        ],
        [
            new(0, 2, 0, FitBaseType.UInt16), new(1, 2, 0, FitBaseType.UInt16), new(2, 4, 0, FitBaseType.Float32),
            new(3, 1, 0, FitBaseType.UInt8), new(0, 2, 1, FitBaseType.SInt16), new(1, 4, 1, FitBaseType.UInt32),
        ]);

        fit.Define(6, P.MessageNumber.Lap, LapFields);
        var motion = new Motion(random, 3.2);
        var seconds = 2400 + (seed * 600);
        uint lapStart = start;
        double lapDistance = 0;
        var lapIndex = 0;
        for (var t = 0; t < seconds; t++)
        {
            motion.Step(3.0 + Math.Sin(t / 300.0), 150 + (10 * Math.Sin(t / 500.0)));
            var power = 230 + random.Next(-30, 30);
            var cadence = 85 + random.NextDouble() * 5;
            fit.Data(5, start + (uint)t, motion.LatitudeSemicircles, motion.LongitudeSemicircles, motion.DistanceRaw, motion.SpeedRaw, motion.AltitudeRaw,
                truth.HeartRate(random, motion.HeartRate), (int)cadence, (int)((cadence - Math.Floor(cadence)) * 128), power,
                820 + random.Next(60), 2400 + random.Next(300), 780 + random.Next(60), 1150 + random.Next(80), 18,
                power, 60 + random.Next(10), 9.5 + random.NextDouble(), random.Next(0, 4) == 0 ? null : random.Next(2, 9),
                random.Next(-200, 200), random.Next(0, 1000));
            if (motion.Distance - lapDistance >= 1000)
            {
                Lap(fit, 6, lapIndex++, lapStart, start + (uint)t, motion.Distance - lapDistance, 150, 1);
                lapStart = start + (uint)t;
                lapDistance = motion.Distance;
            }
        }

        var end = start + (uint)seconds;
        fit.Data(3, end, 0, 4, 0);
        Lap(fit, 6, lapIndex++, lapStart, end, motion.Distance - lapDistance, 150, 1);
        fit.Define(7, P.MessageNumber.Session, SessionFields);
        Session(fit, 7, 0, start, end, 1, 0, motion.Distance, 150, lapIndex);
        Activity(fit, 8, end, (uint)seconds, 1);
        return fit.ToFile();
    }

    /// <summary>
    /// A trail run from a watch that uses nine local messages for records of different shapes (GPS on and off,
    /// running dynamics pod connected or not), redefines them as sensors come and go, and writes HRV, events,
    /// battery and manufacturer-specific messages between the records.
    /// </summary>
    private static byte[] ManyLocalsAndMessages(int seed, Truth truth)
    {
        var random = new Random(2000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        FileId(fit, 0, start, 1, 4024);
        fit.Define(10, P.MessageNumber.Event, EventFields);
        fit.Define(11, HrvMessage, [new(0, 10, FitBaseType.UInt16)]);
        fit.Define(12, P.MessageNumber.DeviceInfo, DeviceInfoFields);
        fit.Define(13, ManufacturerSpecificMessage, [new(253, FitBaseType.UInt32), new(0, FitBaseType.UInt16), new(1, FitBaseType.SInt16), new(2, 6, FitBaseType.Byte)]);
        fit.Define(14, P.MessageNumber.Lap, LapFields);

        Field[][] shapes =
        [
            [new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(5, FitBaseType.UInt32), new(73, FitBaseType.UInt32), new(78, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8)],
            [new(253, FitBaseType.UInt32), new(5, FitBaseType.UInt32), new(6, FitBaseType.UInt16), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(53, FitBaseType.UInt8)],
            [new(253, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(2, FitBaseType.UInt16), new(5, FitBaseType.UInt32), new(6, FitBaseType.UInt16), new(39, FitBaseType.UInt16), new(41, FitBaseType.UInt16), new(85, FitBaseType.UInt16)],
            [new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(78, FitBaseType.UInt32), new(73, FitBaseType.UInt32), new(5, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(53, FitBaseType.UInt8), new(13, FitBaseType.SInt8), new(7, FitBaseType.UInt16), new(83, FitBaseType.UInt16), new(32, FitBaseType.SInt16), new(31, FitBaseType.UInt8)],
            [new(253, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(5, FitBaseType.UInt32)],
        ];

        // Locals 1-9 each get a shape; every 400 s, three of them are redefined with another shape.
        var localShape = new int[10];
        for (byte local = 1; local <= 9; local++)
        {
            localShape[local] = local % shapes.Length;
            fit.Define(local, P.MessageNumber.Record, shapes[localShape[local]]);
        }

        var motion = new Motion(random, 2.8);
        var seconds = 3000 + (seed * 700);
        uint lapStart = start;
        double lapDistance = 0;
        var lapIndex = 0;
        fit.Data(10, start, 0, 0, 0);
        for (var t = 0; t < seconds; t++)
        {
            var time = start + (uint)t;
            motion.Step(2.6 + Math.Sin(t / 200.0), 145 + (15 * Math.Sin(t / 700.0)));
            if (t > 0 && t % 400 == 0)
            {
                for (var k = 0; k < 3; k++)
                {
                    var local = (byte)(1 + random.Next(9));
                    localShape[local] = (localShape[local] + 1 + random.Next(shapes.Length - 1)) % shapes.Length;
                    fit.Define(local, P.MessageNumber.Record, shapes[localShape[local]]);
                }
            }

            var recordLocal = (byte)(1 + ((t / 7) % 9));
            var shape = shapes[localShape[recordLocal]];
            var values = new object?[shape.Length];
            for (var f = 0; f < shape.Length; f++)
            {
                values[f] = shape[f].Number switch
                {
                    253 => time,
                    0 => motion.LatitudeSemicircles,
                    1 => motion.LongitudeSemicircles,
                    2 => (long)Math.Round((motion.Altitude + 500) * 5),
                    3 => truth.HeartRate(random, motion.HeartRate),
                    4 => 84 + random.Next(6),
                    5 => motion.DistanceRaw,
                    6 => Math.Min(motion.SpeedRaw, 65_534),
                    7 => 200 + random.Next(80),
                    13 => 12 + random.Next(4),
                    31 => 3 + random.Next(5),
                    32 => random.Next(-300, 300),
                    39 => 850 + random.Next(60),
                    41 => 2500 + random.Next(200),
                    53 => random.Next(128),
                    73 => motion.SpeedRaw,
                    78 => motion.AltitudeRaw,
                    83 => 800 + random.Next(50),
                    85 => 1100 + random.Next(100),
                    _ => null,
                };
            }

            fit.Data(recordLocal, values);
            fit.Data(11, 300 + random.Next(200));
            if (t % 10 == 0)
            {
                var blob = new byte[6];
                random.NextBytes(blob);
                fit.Data(13, time, random.Next(1000), random.Next(-500, 500), blob);
            }

            if (t % 120 == 60)
            {
                fit.Data(10, time, 22, 3, random.Next(100));
            }

            if (t % 300 == 0)
            {
                fit.Data(12, time, 0, 0, 1, 1234, 4024, 1510, (int)((3.9 - (t / 36000.0)) * 256), "fenix");
            }

            if (motion.Distance - lapDistance >= 1000)
            {
                Lap(fit, 14, lapIndex++, lapStart, time, motion.Distance - lapDistance, 140, 1);
                lapStart = time;
                lapDistance = motion.Distance;
            }
        }

        var end = start + (uint)seconds;
        fit.Data(10, end, 0, 4, 0);
        Lap(fit, 14, lapIndex++, lapStart, end, motion.Distance - lapDistance, 140, 1);
        fit.Define(15, P.MessageNumber.Session, SessionFields);
        Session(fit, 15, 0, start, end, 1, 3, motion.Distance, 145, lapIndex);
        Activity(fit, 15, end, (uint)seconds, 1);
        return fit.ToFile();
    }

    /// <summary>
    /// An older-watch run: one record with a full timestamp, then records with compressed-timestamp headers carrying
    /// heart rate, cadence and compressed_speed_distance (Garmin's JavaScript SDK stops at the first of them).
    /// </summary>
    private static byte[] CompressedTimestamps(int seed, Truth truth)
    {
        var random = new Random(3000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        truth.CompressedTimestamps = true;
        FileId(fit, 1, start, 1, 1436);
        fit.Define(2, P.MessageNumber.Event, EventFields);
        fit.Data(2, start, 0, 0, 0);
        fit.Define(3, P.MessageNumber.Record, [new(253, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(8, 3, FitBaseType.Byte)]);
        fit.Define(0, P.MessageNumber.Record, [new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(8, 3, FitBaseType.Byte)]);
        var motion = new Motion(random, 3.0);
        var seconds = 3000 + (seed * 900);
        for (var t = 0; t < seconds; t++)
        {
            motion.Step(3.0 + (0.5 * Math.Sin(t / 400.0)), 150);

            // record.compressed_speed_distance: speed (scale 100) in 12 bits, distance (scale 16) in 12 bits wrapping.
            var speed = (int)Math.Round(motion.Speed * 100) & 0xFFF;
            var distance = (int)Math.Round(motion.Distance * 16) & 0xFFF;
            byte[] packed = [(byte)speed, (byte)((speed >> 8) | ((distance & 0x0F) << 4)), (byte)(distance >> 4)];
            var heartRate = truth.HeartRate(random, motion.HeartRate);
            if (t == 0)
            {
                fit.Data(3, start, heartRate, 85 + random.Next(5), packed);
            }
            else
            {
                fit.CompressedData(0, start + (uint)t, heartRate, 85 + random.Next(5), packed);
            }
        }

        var end = start + (uint)seconds;
        fit.Data(2, end, 0, 4, 0);
        fit.Define(4, P.MessageNumber.Lap, LapFields);
        Lap(fit, 4, 0, start, end, motion.Distance, 150, 1);
        fit.Define(5, P.MessageNumber.Session, SessionFields);
        Session(fit, 5, 0, start, end, 1, 0, motion.Distance, 150, 1);
        Activity(fit, 6, end, (uint)seconds, 1);
        return fit.ToFile();
    }

    /// <summary>A triathlon: open-water swim, transition, ride with power, transition, run; one session per leg.</summary>
    private static byte[] Multisport(int seed, Truth truth)
    {
        var random = new Random(4000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        FileId(fit, 0, start, 1, 3990);
        fit.Define(1, P.MessageNumber.Event, EventFields);
        fit.Define(2, P.MessageNumber.Sport, [new(0, FitBaseType.Enum), new(1, FitBaseType.Enum), new(3, 16, FitBaseType.String)]);
        fit.Define(3, P.MessageNumber.Lap, LapFields);
        fit.Define(4, P.MessageNumber.Session, SessionFields);
        fit.Define(5, P.MessageNumber.Record, [new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(5, FitBaseType.UInt32), new(73, FitBaseType.UInt32), new(4, FitBaseType.UInt8), new(3, FitBaseType.UInt8)]);
        fit.Define(6, P.MessageNumber.Record,
        [
            new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(78, FitBaseType.UInt32), new(5, FitBaseType.UInt32),
            new(73, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(7, FitBaseType.UInt16), new(13, FitBaseType.SInt8),
            new(30, FitBaseType.UInt8), new(43, FitBaseType.UInt8), new(44, FitBaseType.UInt8), new(45, FitBaseType.UInt8), new(46, FitBaseType.UInt8),
        ]);
        fit.Define(7, P.MessageNumber.Record,
        [
            new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(78, FitBaseType.UInt32), new(5, FitBaseType.UInt32),
            new(73, FitBaseType.UInt32), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(53, FitBaseType.UInt8), new(7, FitBaseType.UInt16),
            new(39, FitBaseType.UInt16), new(41, FitBaseType.UInt16), new(83, FitBaseType.UInt16), new(85, FitBaseType.UInt16),
        ]);

        (int Sport, int SubSport, string Name, int Seconds, double Speed, byte Local)[] legs =
        [
            (5, 18, "Swim", 1500 + (seed * 60), 1.1, 5),
            (3, 0, "T1", 120, 1.5, 5),
            (2, 7, "Bike", 3600 + (seed * 300), 9.5, 6),
            (3, 0, "T2", 90, 1.5, 5),
            (1, 0, "Run", 2400 + (seed * 200), 3.3, 7),
        ];

        var motion = new Motion(random, 1.1);
        var time = start;
        var sessionIndex = 0;
        var lapIndex = 0;
        fit.Data(1, time, 0, 0, 0);
        foreach (var leg in legs)
        {
            fit.Data(2, leg.Sport, leg.SubSport, leg.Name);
            var legStart = time;
            var legDistance = motion.Distance;
            for (var t = 0; t < leg.Seconds; t++)
            {
                motion.Step(leg.Speed, leg.Sport == 5 ? 135 : 150);
                switch (leg.Local)
                {
                    case 5:
                        // Under water a wrist sensor reads no heart rate: only the transitions have it.
                        int? swimHeartRate = leg.Sport == 5 ? null : truth.HeartRate(random, motion.HeartRate);
                        if (leg.Sport == 5)
                        {
                            truth.NoHeartRate();
                        }

                        fit.Data(5, time, motion.LatitudeSemicircles, motion.LongitudeSemicircles, motion.DistanceRaw, motion.SpeedRaw,
                            leg.Sport == 5 ? 28 + random.Next(4) : null, swimHeartRate);
                        break;
                    case 6:
                        var power = 210 + random.Next(-60, 60);
                        fit.Data(6, time, motion.LatitudeSemicircles, motion.LongitudeSemicircles, motion.AltitudeRaw, motion.DistanceRaw,
                            motion.SpeedRaw, truth.HeartRate(random, motion.HeartRate), 88 + random.Next(8), power, 21, 0x80 | (48 + random.Next(5)),
                            140 + random.Next(40), 140 + random.Next(40), 40 + random.Next(20), 40 + random.Next(20));
                        break;
                    default:
                        fit.Data(7, time, motion.LatitudeSemicircles, motion.LongitudeSemicircles, motion.AltitudeRaw, motion.DistanceRaw,
                            motion.SpeedRaw, truth.HeartRate(random, motion.HeartRate), 86 + random.Next(5), random.Next(128), 250 + random.Next(40),
                            830 + random.Next(50), 2300 + random.Next(200), 760 + random.Next(40), 1200 + random.Next(80));
                        break;
                }

                time++;
            }

            Lap(fit, 3, lapIndex++, legStart, time, motion.Distance - legDistance, 140, leg.Sport);
            Session(fit, 4, sessionIndex++, legStart, time, leg.Sport, leg.SubSport, motion.Distance - legDistance, 140, 1);
            fit.Data(1, time, 28, 3, sessionIndex);
        }

        Activity(fit, 8, time, time - start, sessionIndex);
        return fit.ToFile();
    }

    /// <summary>A pool swim: a length message per 25 m, a lap per set, rests between sets, sparse records.</summary>
    private static byte[] PoolSwim(int seed, Truth truth)
    {
        var random = new Random(5000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        FileId(fit, 0, start, 1, 3290);
        fit.Define(1, P.MessageNumber.Event, EventFields);
        fit.Define(2, LengthMessage,
        [
            new(253, FitBaseType.UInt32), new(254, FitBaseType.UInt16), new(0, FitBaseType.Enum), new(1, FitBaseType.Enum), new(2, FitBaseType.UInt32),
            new(3, FitBaseType.UInt32), new(4, FitBaseType.UInt32), new(5, FitBaseType.UInt16), new(6, FitBaseType.UInt16), new(7, FitBaseType.Enum),
            new(9, FitBaseType.UInt8), new(12, FitBaseType.Enum),
        ]);
        fit.Define(3, P.MessageNumber.Lap, LapFields);
        fit.Define(4, P.MessageNumber.Record, [new(253, FitBaseType.UInt32), new(5, FitBaseType.UInt32), new(6, FitBaseType.UInt16), new(4, FitBaseType.UInt8), new(3, FitBaseType.UInt8)]);
        fit.Define(5, P.MessageNumber.DeviceInfo, DeviceInfoFields);
        fit.Data(5, start, 0, 0, 1, 1234, 3290, 2010, 4 * 256, "fenix");
        var time = start;
        double distance = 0;
        var lengthIndex = 0;
        var lapIndex = 0;
        fit.Data(1, time, 0, 0, 0);
        var sets = 10 + (seed * 2);
        for (var set = 0; set < sets; set++)
        {
            var lapStart = time;
            var lapDistance = distance;
            var lengths = 4 * (1 + random.Next(4));
            for (var l = 0; l < lengths; l++)
            {
                var lengthStart = time;
                var lengthSeconds = 22 + random.Next(8);
                for (var s = 0; s < lengthSeconds; s++)
                {
                    distance += 25.0 / lengthSeconds;
                    time++;

                    // Records every few seconds, as pool swims have them.
                    if (s % 4 == 0)
                    {
                        fit.Data(4, time, (long)(distance * 100), (long)(25_000 / lengthSeconds), 25 + random.Next(6), truth.HeartRate(random, 125 + random.Next(20)));
                    }
                }

                fit.Data(2, time, lengthIndex++, 28, 1, lengthStart, lengthSeconds * 1000, lengthSeconds * 1000, 14 + random.Next(4),
                    (long)(25_000 / lengthSeconds), random.Next(0, 3), 25 + random.Next(6), 1);
            }

            Lap(fit, 3, lapIndex++, lapStart, time, distance - lapDistance, 130, 5);

            // A rest: an idle length, a pause event and its restart.
            var rest = 15 + random.Next(30);
            fit.Data(1, time, 0, 4, 0);
            fit.Data(2, time + (uint)rest, lengthIndex++, 28, 1, time, rest * 1000, rest * 1000, 0, 0, null, null, 0);
            time += (uint)rest;
            fit.Data(1, time, 0, 0, 0);
        }

        fit.Define(6, P.MessageNumber.Session, SessionFields);
        Session(fit, 6, 0, start, time, 5, 17, distance, 130, lapIndex);
        Activity(fit, 7, time, time - start, 1);
        return fit.ToFile();
    }

    /// <summary>A road ride from a bike computer writing big-endian definitions, with power, balance and temperature.</summary>
    private static byte[] BigEndianCycling(int seed, Truth truth)
    {
        var random = new Random(6000 + seed);
        var fit = new FitFileBuilder();
        var start = Epoch2026 + (uint)(seed * 86_400);
        fit.Define(0, P.MessageNumber.FileId, [new(0, FitBaseType.Enum), new(1, FitBaseType.UInt16), new(2, FitBaseType.UInt16), new(4, FitBaseType.UInt32)], bigEndian: true);
        fit.Data(0, 4, 1, 1561, start);
        fit.Define(1, P.MessageNumber.Event, EventFields, bigEndian: true);
        fit.Data(1, start, 0, 0, 0);
        fit.Define(2, P.MessageNumber.Record,
        [
            new(253, FitBaseType.UInt32), new(0, FitBaseType.SInt32), new(1, FitBaseType.SInt32), new(2, FitBaseType.UInt16), new(5, FitBaseType.UInt32),
            new(6, FitBaseType.UInt16), new(3, FitBaseType.UInt8), new(4, FitBaseType.UInt8), new(7, FitBaseType.UInt16), new(13, FitBaseType.SInt8),
            new(30, FitBaseType.UInt8), new(29, FitBaseType.UInt32), new(9, FitBaseType.SInt16),
        ], bigEndian: true);
        fit.Define(3, P.MessageNumber.Lap, LapFields, bigEndian: true);
        var motion = new Motion(random, 8.0);
        var seconds = 4000 + (seed * 1200);
        long accumulatedPower = 0;
        uint lapStart = start;
        double lapDistance = 0;
        var lapIndex = 0;
        for (var t = 0; t < seconds; t++)
        {
            motion.Step(8.5 + (2 * Math.Sin(t / 600.0)), 140 + (12 * Math.Sin(t / 900.0)));
            var power = random.Next(10) == 0 ? 0 : 180 + random.Next(-70, 90);
            accumulatedPower += power;
            fit.Data(2, start + (uint)t, motion.LatitudeSemicircles, motion.LongitudeSemicircles, (long)Math.Round((motion.Altitude + 500) * 5), motion.DistanceRaw,
                motion.SpeedRaw, truth.HeartRate(random, motion.HeartRate), power == 0 ? 0 : 85 + random.Next(10), power, 17 + random.Next(3),
                0x80 | (47 + random.Next(6)), accumulatedPower, random.Next(-400, 400));
            if (motion.Distance - lapDistance >= 5000)
            {
                Lap(fit, 3, lapIndex++, lapStart, start + (uint)t, motion.Distance - lapDistance, 140, 2);
                lapStart = start + (uint)t;
                lapDistance = motion.Distance;
            }
        }

        var end = start + (uint)seconds;
        fit.Data(1, end, 0, 4, 0);
        Lap(fit, 3, lapIndex++, lapStart, end, motion.Distance - lapDistance, 140, 2);
        fit.Define(4, P.MessageNumber.Session, SessionFields, bigEndian: true);
        Session(fit, 4, 0, start, end, 2, 7, motion.Distance, 140, lapIndex);
        Activity(fit, 5, end, (uint)seconds, 1);
        return fit.ToFile();
    }
}
