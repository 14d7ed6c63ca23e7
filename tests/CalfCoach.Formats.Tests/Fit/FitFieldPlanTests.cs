using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>
/// The decoder reads records through per-definition field plans (fixed offsets); these tests check that it gives
/// exactly what the reader's generic <c>TryGet…</c> lookups give, on real files, damaged files and random definitions.
/// </summary>
public sealed class FitFieldPlanTests
{
    private const uint Start = 1_000_000_000;

    // Every record field number the decoder reads, plus timestamp and one it ignores.
    private static readonly byte[] FieldNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 18, 39, 41, 53, 73, 78, 83, 85, 253, 9];

    private static readonly FitBaseType[] BaseTypes = Enum.GetValues<FitBaseType>();

    [Theory]
    [MemberData(nameof(FitOracleTests.OracleFiles), MemberType = typeof(FitOracleTests))]
    public void Decode_RealFile_FieldPlanPathEqualsTheGenericPath(string file)
    {
        if (file == RealData.MissingSentinel)
        {
            Assert.Skip(RealData.SkipReason);
        }

        var bytes = RealData.ReadFitBytes(file);
        AssertSamePaths(bytes);

        // Damaged copies too: cut inside the data, and a flipped byte (which also breaks the CRC).
        AssertSamePaths(bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray());
        var flipped = (byte[])bytes.Clone();
        flipped[flipped.Length / 2] ^= 0x10;
        AssertSamePaths(flipped);
    }

    [Fact]
    public void Decode_GeneratedAndHandMadeFiles_FieldPlanPathEqualsTheGenericPath()
    {
        var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), 3, 300, 168), seed: 3);
        AssertSamePaths(FitActivityWriter.Write(run));
        AssertSamePaths(FitReaderTests.BuildRichFile());
    }

    [Fact]
    public void Decode_RandomRecordDefinitions_FieldPlanPathEqualsTheGenericPath()
    {
        // Random field sets, base types (including ones no profile field has), sizes that are not whole elements,
        // repeated field numbers, both byte orders, and values biased towards the invalid ones.
        var random = new Random(20);
        for (var file = 0; file < 300; file++)
        {
            var builder = new FitFileBuilder();
            for (var definition = 0; definition < 3; definition++)
            {
                var local = (byte)random.Next(4);
                var fields = new FieldSpec[random.Next(0, 12)];
                for (var f = 0; f < fields.Length; f++)
                {
                    var type = BaseTypes[random.Next(BaseTypes.Length)];
                    var size = random.Next(4) == 0 ? (byte)random.Next(1, 10) : (byte)0;
                    fields[f] = new FieldSpec(FieldNumbers[random.Next(FieldNumbers.Length)], type, size);
                }

                var developerFields = random.Next(4) == 0 ? new[] { new DeveloperFieldSpec(0, 0, FitBaseType.UInt16) } : [];
                builder.Definition(local, FitProfile.MessageNumber.Record, random.Next(2) == 0, fields, developerFields);
                for (var message = 0; message < 5; message++)
                {
                    var values = new object?[fields.Length + developerFields.Length];
                    for (var v = 0; v < values.Length; v++)
                    {
                        values[v] = RandomValue(random);
                    }

                    if (local < 4 && random.Next(3) == 0)
                    {
                        builder.CompressedData(local, random.Next(32), values);
                    }
                    else
                    {
                        builder.Data(local, values);
                    }
                }
            }

            AssertSamePaths(builder.Build());
        }
    }

    [Fact]
    public void Decode_RedefinedLocalMessage_UsesTheNewLayout()
    {
        var bytes = new FitFileBuilder()
            .Definition(0, FitProfile.MessageNumber.Record, new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(3, FitBaseType.UInt8))
            .Data(0, Start, 140)
            .Definition(0, FitProfile.MessageNumber.Record, new FieldSpec(3, FitBaseType.UInt8), new FieldSpec(253, FitBaseType.UInt32), new FieldSpec(7, FitBaseType.UInt16))
            .Data(0, 150, Start + 1, 250)
            .Build();

        var records = new FitActivityDecoder().Decode(bytes).Records;

        Assert.Equal([140.0, 150.0], records.HeartRateBpm.ToArray());
        Assert.Equal([double.NaN, 250.0], records.PowerWatts.ToArray());
        Assert.Equal([Start, Start + 1], records.TimestampSeconds.ToArray());
        Assert.Equal([FitDateTime.ToDateTimeOffset(Start), FitDateTime.ToDateTimeOffset(Start + 1)], records.TimestampsUtc.ToArray());

        // A channel no record carries is NaN for every record (from the shared array), like any missing value.
        Assert.Equal([double.NaN, double.NaN], records.Cycles.ToArray());
        Assert.Equal([double.NaN, double.NaN], records.CadenceStepsPerMinute.ToArray());
        AssertSamePaths(bytes);
    }

    [Fact]
    public void Read_RandomTimestampLayouts_TimestampEqualsTheGenericFieldRead()
    {
        // The reader caches where field 253 lies in each definition; its timestamp must be TryGetUInt32(253).
        var random = new Random(21);
        for (var file = 0; file < 200; file++)
        {
            var type = BaseTypes[random.Next(BaseTypes.Length)];
            var size = random.Next(3) == 0 ? (byte)random.Next(1, 10) : (byte)0;
            var fields = new[] { new FieldSpec(3, FitBaseType.UInt8), new FieldSpec(253, type, size) };
            var builder = new FitFileBuilder().Definition(0, FitProfile.MessageNumber.Record, random.Next(2) == 0, fields, []);
            for (var message = 0; message < 4; message++)
            {
                builder.Data(0, RandomValue(random), RandomValue(random));
            }

            var reader = new FitReader(builder.Build());
            while (reader.Read())
            {
                if (reader.TokenKind == FitTokenKind.Data)
                {
                    var expected = reader.TryGetUInt32(253, out var value);
                    Assert.Equal(expected, reader.TryGetTimestampSeconds(out var seconds));
                    Assert.Equal(expected ? value : 0, seconds);
                }
            }
        }
    }

    private static byte[]? RandomValue(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return null;
            case 1:
                return new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F };
            case 2:
                return new byte[9];
            default:
                var raw = new byte[9];
                random.NextBytes(raw);
                return raw;
        }
    }

    private static void AssertSamePaths(byte[] bytes)
    {
        var decoder = new FitActivityDecoder();
        var planned = decoder.Decode(bytes, useFieldPlans: true);
        var generic = decoder.Decode(bytes, useFieldPlans: false);

        Assert.Equal(generic.Problems, planned.Problems);
        Assert.Equal(generic.IsPartial, planned.IsPartial);
        Assert.Equal(generic.MessageCounts.OrderBy(p => p.Key), planned.MessageCounts.OrderBy(p => p.Key));
        var a = generic.Records;
        var b = planned.Records;
        Assert.Equal(a.Count, b.Count);
        Assert.Equal(a.RecordsWithDeveloperFields, b.RecordsWithDeveloperFields);
        Assert.Equal(a.TimestampSeconds.ToArray(), b.TimestampSeconds.ToArray());
        AssertSameBits(a.LatitudeDegrees, b.LatitudeDegrees, "latitude");
        AssertSameBits(a.LongitudeDegrees, b.LongitudeDegrees, "longitude");
        AssertSameBits(a.DistanceMeters, b.DistanceMeters, "distance");
        AssertSameBits(a.SpeedMetersPerSecond, b.SpeedMetersPerSecond, "speed");
        AssertSameBits(a.AltitudeMeters, b.AltitudeMeters, "altitude");
        AssertSameBits(a.HeartRateBpm, b.HeartRateBpm, "heart rate");
        AssertSameBits(a.Cadence, b.Cadence, "cadence");
        AssertSameBits(a.CadenceStepsPerMinute, b.CadenceStepsPerMinute, "steps per minute");
        AssertSameBits(a.PowerWatts, b.PowerWatts, "power");
        AssertSameBits(a.TemperatureCelsius, b.TemperatureCelsius, "temperature");
        AssertSameBits(a.VerticalOscillationMillimeters, b.VerticalOscillationMillimeters, "vertical oscillation");
        AssertSameBits(a.StanceTimeMilliseconds, b.StanceTimeMilliseconds, "stance time");
        AssertSameBits(a.StepLengthMillimeters, b.StepLengthMillimeters, "step length");
        AssertSameBits(a.VerticalRatioPercent, b.VerticalRatioPercent, "vertical ratio");
        AssertSameBits(a.Cycles, b.Cycles, "cycles");
    }

    private static void AssertSameBits(ReadOnlyMemory<double> expected, ReadOnlyMemory<double> actual, string column)
    {
        var e = expected.Span;
        var a = actual.Span;
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(e[i]) != BitConverter.DoubleToInt64Bits(a[i]))
            {
                Assert.Fail($"{column}[{i}]: generic path {e[i]}, field plan {a[i]}");
            }
        }
    }
}
