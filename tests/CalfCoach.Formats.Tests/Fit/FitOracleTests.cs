using System.Globalization;
using System.Text.Json;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>
/// End-to-end checks against real device files and the expectations in ORACLE.jsonl, produced by Garmin's FIT
/// JavaScript SDK (see the corpus README). Where the README documents that the SDK is wrong, a second oracle is used.
/// </summary>
public sealed class FitOracleTests
{
    private const string CompressedSpeedDistance = "dtcooper_python-fitparse/compressed-speed-distance.fit";
    private const string TriathlonSdkCrash = "muktihari_fit/triathlon_summary_last.fit";

    private static readonly Dictionary<string, ushort> ManufacturerIds = new(StringComparer.Ordinal)
    {
        // FIT profile type manufacturer (Garmin fit-javascript-sdk src/profile.js).
        ["garmin"] = 1,
        ["dynastream"] = 15,
        ["suunto"] = 23,
        ["peaksware"] = 28,
        ["wahooFitness"] = 32,
        ["sigmasport"] = 70,
        ["tomtom"] = 71,
        ["stryd"] = 95,
        ["zwift"] = 260,
        ["coros"] = 294,
        ["onelap"] = 307,
    };

    private static readonly Dictionary<string, ushort> MessageNumbers = new(StringComparer.Ordinal)
    {
        ["file_id"] = 0,
        ["user_profile"] = 3,
        ["sport"] = 12,
        ["session"] = 18,
        ["lap"] = 19,
        ["record"] = 20,
        ["event"] = 21,
        ["device_info"] = 23,
        ["activity"] = 34,
        ["hr"] = 132,
        ["field_description"] = 206,
        ["developer_data_id"] = 207,
    };

    public static TheoryData<string> OracleFiles()
    {
        var data = new TheoryData<string>();
        if (RealData.Folder is null)
        {
            data.Add(RealData.MissingSentinel);
            return data;
        }

        foreach (var file in RealData.Oracle.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OracleFiles))]
    public void Decode_RealFile_AgreesWithTheOracle(string file)
    {
        if (file == RealData.MissingSentinel)
        {
            Assert.Skip(RealData.SkipReason);
        }

        var oracle = RealData.Oracle[file];
        var activity = new FitActivityDecoder().Decode(RealData.ReadFitBytes(file));
        var differences = new List<string>();

        void Check<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                differences.Add($"{what}: oracle {expected}, decoder {actual}");
            }
        }

        void CheckNear(string what, double? expected, double? actual, double tolerance)
        {
            if (expected is null != actual is null || (expected is { } e && actual is { } a && Math.Abs(e - a) > tolerance))
            {
                differences.Add($"{what}: oracle {expected}, decoder {actual}");
            }
        }

        var records = activity.Records;
        var firstSession = activity.Sessions.Count > 0 ? activity.Sessions[0] : null;
        var sdkWrong = file is CompressedSpeedDistance or TriathlonSdkCrash;
        if (!sdkWrong)
        {
            // When the SDK stopped at damage (ok = false) its counts are what came before the damage, as are ours.
            Check("ok (no problems)", oracle.GetProperty("ok").GetBoolean(), activity.Problems.Count == 0);
            Check("IsPartial", !oracle.GetProperty("ok").GetBoolean(), activity.IsPartial);
            Check("records", oracle.GetProperty("records").GetInt32(), records.Count);
            Check("firstTimestamp", Instant(oracle, "firstTimestamp"), FirstTimestamp(records, fromEnd: false));
            Check("lastTimestamp", Instant(oracle, "lastTimestamp"), FirstTimestamp(records, fromEnd: true));
            Check("sport", Text(oracle, "sport"), Name(activity.Sport));
            Check("subSport", Text(oracle, "subSport"), Name(activity.SubSport));
            CheckNear("totalDistanceM", Number(oracle, "totalDistanceM"), Sum(activity, s => s.TotalDistanceMeters), 0.01);
            CheckNear("totalTimerTimeS", Number(oracle, "totalTimerTimeS"), Sum(activity, s => s.TotalTimerTimeSeconds), 0.001);
            CheckNear("totalElapsedTimeS", Number(oracle, "totalElapsedTimeS"), Sum(activity, s => s.TotalElapsedTimeSeconds), 0.001);
            CheckNear("avgHeartRate", Number(oracle, "avgHeartRate"), firstSession?.AvgHeartRateBpm, 0);
            CheckNear("avgCadenceRaw", Number(oracle, "avgCadenceRaw"), firstSession?.AvgCadence, 0.001);
            CheckNear("avgCadenceSpm", Number(oracle, "avgCadenceSpm"), firstSession?.AvgCadenceStepsPerMinute, 0.001);
            Check("recordsWithPosition", oracle.GetProperty("recordsWithPosition").GetInt32(), CountValid(records.LatitudeDegrees));
            Check("recordsWithDistance", oracle.GetProperty("recordsWithDistance").GetInt32(), CountValid(records.DistanceMeters));
            Check("recordsWithAltitude", oracle.GetProperty("recordsWithAltitude").GetInt32(), CountValid(records.AltitudeMeters));
            Check("recordsWithCadence", oracle.GetProperty("recordsWithCadence").GetInt32(), CountValid(records.Cadence));
            Check("recordsWithPower", oracle.GetProperty("recordsWithPower").GetInt32(), CountValid(records.PowerWatts));
            Check("recordsWithDeveloperFields", oracle.GetProperty("recordsWithDeveloperFields").GetInt32(), records.RecordsWithDeveloperFields);

            // Exact also for files with hr messages: their beats are merged into the records as the SDK does.
            Check("recordsWithHeartRate", oracle.GetProperty("recordsWithHeartRate").GetInt32(), CountValid(records.HeartRateBpm));

            Check("developerFieldCount", oracle.GetProperty("developerFieldCount").GetInt32(), activity.DeveloperFieldCount);
            Check("developerDataIdCount", oracle.GetProperty("developerDataIdCount").GetInt32(), activity.DeveloperDataIdCount);
            Check("timeCreated", Instant(oracle, "timeCreated"), activity.FileId?.TimeCreatedUtc);
            if (Text(oracle, "manufacturer") is { } manufacturer && ManufacturerIds.TryGetValue(manufacturer, out var manufacturerId))
            {
                Check("manufacturer", manufacturerId, activity.FileId?.Manufacturer);
            }

            foreach (var (name, number) in MessageNumbers)
            {
                var expected = oracle.GetProperty("messageCounts").TryGetProperty(name, out var count) ? count.GetInt32() : 0;
                Check($"messageCounts.{name}", expected, activity.MessageCounts.GetValueOrDefault(number));
            }
        }
        else
        {
            // The README: the SDK cannot read these; a correct decoder reads the whole file without problems.
            Check("problems", 0, activity.Problems.Count);
            Check("IsPartial", false, activity.IsPartial);
        }

        Check("file count", oracle.GetProperty("scan").GetProperty("segments").GetArrayLength(), activity.FileCount);
        Assert.True(differences.Count == 0, $"{file}:\n  " + string.Join("\n  ", differences));
    }

    /// <summary>
    /// Sums of record heart rate from Garmin's SDK (@garmin/fitsdk 21.217.0, Decoder.read() with its default
    /// mergeHeartRates: true, summing recordMesgs[].heartRate) for the two corpus files with hr messages. ORACLE.jsonl
    /// has only the counts; the sums were taken with the same SDK and version on the same files.
    /// </summary>
    [Theory]
    [InlineData("dtcooper_python-fitparse/sample_mulitple_header.fit", 1161, 1773, 304358)]
    [InlineData("polyvertex_fitdecode/garmin-fr935-cr.fit", 1432, 7483, 638688)]
    public void Decode_FileWithHrMessages_HasTheSdksMergedHeartRate(string file, int hrMessages, int recordsWithHeartRate, long heartRateSum)
    {
        Assert.SkipUnless(RealData.Folder is not null, RealData.SkipReason);

        var activity = new FitActivityDecoder().Decode(RealData.ReadFitBytes(file));

        Assert.Equal(hrMessages, activity.MessageCounts.GetValueOrDefault(FitProfile.MessageNumber.Hr));
        Assert.Equal(RealData.Oracle[file].GetProperty("recordsWithHeartRate").GetInt32(), recordsWithHeartRate);
        Assert.Equal(recordsWithHeartRate, CountValid(activity.Records.HeartRateBpm));
        var sum = 0L;
        foreach (var bpm in activity.Records.HeartRateBpm.Span)
        {
            sum += double.IsNaN(bpm) ? 0 : (long)bpm;
        }

        Assert.Equal(heartRateSum, sum);
        Assert.Empty(activity.Problems);
    }

    [Fact]
    public void Decode_CompressedSpeedDistanceFile_MatchesPythonFitparseRecords()
    {
        // The SDK stops at the first compressed-timestamp header; python-fitparse's per-record values are the
        // truth here (compressed-speed-distance-records.csv: timestamp as raw FIT seconds, heart rate, speed,
        // distance, cadence).
        if (RealData.Folder is null)
        {
            Assert.Skip(RealData.SkipReason);
        }

        var activity = new FitActivityDecoder().Decode(RealData.ReadFitBytes(CompressedSpeedDistance));
        var lines = File.ReadAllLines(Path.Combine(RealData.Folder, "dtcooper_python-fitparse/compressed-speed-distance-records.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .ToArray();
        var records = activity.Records;

        Assert.Empty(activity.Problems);
        Assert.Equal(754, lines.Length);
        Assert.Equal(lines.Length, records.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            var timestamp = FitDateTime.ToDateTimeOffset(uint.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(timestamp, records.TimestampsUtc.Span[i]);
            AssertCell(cells[1], records.HeartRateBpm.Span[i], 0, i, "heart rate");
            AssertCell(cells[2], records.SpeedMetersPerSecond.Span[i], 0.001, i, "speed");
            AssertCell(cells[3], records.DistanceMeters.Span[i], 0.01, i, "distance");
            AssertCell(cells[4], records.Cadence.Span[i], 0, i, "cadence");
        }
    }

    [Fact]
    public void Decode_TriathlonFileThatCrashesTheSdk_ReadsEveryRecordAndSession()
    {
        if (RealData.Folder is null)
        {
            Assert.Skip(RealData.SkipReason);
        }

        var bytes = RealData.ReadFitBytes(TriathlonSdkCrash);
        var activity = new FitActivityDecoder().Decode(bytes);

        // The independent header walk in ORACLE.jsonl ("scan") counts data messages; every record is one of them.
        Assert.Empty(activity.Problems);
        Assert.True(activity.Records.Count > 0);
        Assert.Equal(activity.Records.Count, activity.MessageCounts[FitProfile.MessageNumber.Record]);
        Assert.Equal(
            RealData.Oracle[TriathlonSdkCrash].GetProperty("scan").GetProperty("dataMessages").GetInt32(),
            activity.MessageCounts.Values.Sum());
        Assert.Equal(FitSport.Swimming, activity.Sport);
        Assert.True(activity.Sessions.Count > 1, "a triathlon has one session per leg");
        Assert.Contains(activity.Sessions, s => s.Sport == FitSport.Running);
    }

    private static void AssertCell(string cell, double actual, double tolerance, int index, string what)
    {
        if (cell == "null")
        {
            Assert.True(double.IsNaN(actual), $"record {index} {what}: expected none, got {actual}");
            return;
        }

        var expected = double.Parse(cell, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"record {index} {what}: expected {expected}, got {actual}");
    }

    private static int CountValid(ReadOnlyMemory<double> column)
    {
        var count = 0;
        foreach (var value in column.Span)
        {
            if (!double.IsNaN(value))
            {
                count++;
            }
        }

        return count;
    }

    private static DateTimeOffset? FirstTimestamp(FitRecordStreams records, bool fromEnd)
    {
        var span = records.TimestampsUtc.Span;
        for (var k = 0; k < span.Length; k++)
        {
            var value = span[fromEnd ? span.Length - 1 - k : k];
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    private static double? Sum(FitActivity activity, Func<FitSession, double?> select)
    {
        var values = activity.Sessions.Select(select).Where(v => v is not null).ToList();
        return values.Count == 0 ? null : Math.Round(values.Sum()!.Value, 3);
    }

    /// <summary>The SDK's names are the profile names in camelCase; ours are PascalCase.</summary>
    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is not { } v)
        {
            return null;
        }

        var name = v.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string? Text(JsonElement oracle, string property) =>
        oracle.GetProperty(property).ValueKind == JsonValueKind.Null ? null : oracle.GetProperty(property).ToString();

    private static double? Number(JsonElement oracle, string property) =>
        oracle.GetProperty(property).ValueKind == JsonValueKind.Number ? oracle.GetProperty(property).GetDouble() : null;

    private static DateTimeOffset? Instant(JsonElement oracle, string property) =>
        oracle.GetProperty(property).ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(oracle.GetProperty(property).GetString()!, CultureInfo.InvariantCulture)
            : null;
}
