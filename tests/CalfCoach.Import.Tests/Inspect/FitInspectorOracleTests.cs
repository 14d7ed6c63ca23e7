using System.Text.Json;
using CalfCoach.Import.Inspect;

namespace CalfCoach.Import.Tests.Inspect;

/// <summary>
/// <c>inspect</c> must agree with Garmin's own SDK (ORACLE.jsonl): counts and timestamps exactly,
/// distance and time within 0.1 %, except where the corpus README documents that the SDK is wrong.
/// </summary>
public sealed class FitInspectorOracleTests
{
    private static readonly string? Corpus = TestPaths.RealCorpus;

    private static readonly string SkipReason = TestPaths.CorpusSkipReason;

    public static TheoryData<string> OracleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var line in OracleLines())
        {
            data.Add(line.GetProperty("file").GetString()!);
        }

        if (data.Count == 0)
        {
            data.Add("(corpus missing)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OracleFiles))]
    public void Inspect_agrees_with_the_official_sdk(string file)
    {
        Assert.SkipUnless(Corpus is not null, SkipReason);
        var oracle = OracleLines().Single(l => l.GetProperty("file").GetString() == file);
        var report = FitInspector.Inspect(file, TestPaths.ReadCorpusFile(file));

        if (file.EndsWith("compressed-speed-distance.fit", StringComparison.Ordinal))
        {
            // Corpus README: the SDK does not support compressed timestamps; the truth is the CSV (754 records).
            Assert.Equal(754, report.Records);
            return;
        }

        if (file.EndsWith("triathlon_summary_last.fit", StringComparison.Ordinal))
        {
            // Corpus README: the SDK crashes on this CRC-valid file; a correct decoder reads all of it.
            Assert.True(report.Ok);
            Assert.True(report.Records > 4000);
            return;
        }

        Assert.Equal(oracle.GetProperty("ok").GetBoolean(), report.Ok);
        Assert.Equal(oracle.GetProperty("records").GetInt32(), report.Records);
        Assert.Equal(Instant(oracle, "firstTimestamp"), report.FirstTimestamp);
        Assert.Equal(Instant(oracle, "lastTimestamp"), report.LastTimestamp);
        Assert.Equal(Text(oracle, "sport"), report.Sport);
        Assert.Equal(Text(oracle, "subSport"), report.SubSport);
        AssertWithin(Number(oracle, "totalDistanceM"), report.TotalDistanceM);
        AssertWithin(Number(oracle, "totalTimerTimeS"), report.TotalTimerTimeS);
        AssertWithin(Number(oracle, "avgCadenceSpm"), report.AvgCadenceSpm);
        Assert.Equal(oracle.GetProperty("recordsWithPosition").GetInt32(), report.RecordsWithPosition);
        Assert.Equal(oracle.GetProperty("recordsWithCadence").GetInt32(), report.RecordsWithCadence);

        // Exact for files with "hr" messages too: CalfCoach merges them into the records as the SDK does.
        Assert.Equal(oracle.GetProperty("recordsWithHeartRate").GetInt32(), report.RecordsWithHeartRate);
    }

    [Fact]
    public void A_file_that_is_not_fit_is_reported_as_failed_with_the_reason()
    {
        var report = FitInspector.Inspect("notes.fit", "hello, this is not a FIT file"u8);

        Assert.False(report.Ok);
        Assert.Equal("fit", report.Format);
        Assert.Contains("byte 0", Assert.Single(report.Errors));
    }

    private static void AssertWithin(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected.Value * 0.999 - 1e-9, expected.Value * 1.001 + 1e-9);
    }

    private static DateTimeOffset? Instant(JsonElement line, string name) =>
        line.GetProperty(name).ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(line.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonElement line, string name) =>
        line.GetProperty(name).ValueKind == JsonValueKind.String ? line.GetProperty(name).GetString() : null;

    private static double? Number(JsonElement line, string name) =>
        line.GetProperty(name).ValueKind == JsonValueKind.Number ? line.GetProperty(name).GetDouble() : null;

    private static IEnumerable<JsonElement> OracleLines()
    {
        if (Corpus is null)
        {
            yield break;
        }

        foreach (var line in File.ReadLines(Path.Combine(Corpus, "ORACLE.jsonl")))
        {
            if (line.Length > 0)
            {
                yield return JsonDocument.Parse(line).RootElement;
            }
        }
    }

}
