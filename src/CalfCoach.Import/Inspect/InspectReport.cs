using System.Text.Json.Serialization;
using CalfCoach.Core;

namespace CalfCoach.Import.Inspect;

/// <summary>
/// What <c>calfcoach inspect --json</c> prints for one file (the contract). For FIT files it
/// describes the whole file as Garmin's SDK would (all sessions, every record message), so it can be
/// compared field by field with ORACLE.jsonl.
/// </summary>
public sealed record InspectReport(
    string File,
    bool Ok,
    IReadOnlyList<string> Errors,
    string? Format,
    string? Sport,
    string? SubSport,
    int Records,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset? FirstTimestamp,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset? LastTimestamp,
    double? TotalDistanceM,
    double? TotalTimerTimeS,
    double? AvgCadenceSpm,
    int RecordsWithPosition,
    int RecordsWithHeartRate,
    int RecordsWithCadence)
{
    /// <summary>
    /// Why an activity of the file would be stored but not counted (an implausible duration, speed or number of
    /// sessions: <see cref="CalfCoach.Core.Activities.ActivityPlausibility"/>), or null when every one would count.
    /// </summary>
    public string? NotCountedBecause { get; init; }

    public static InspectReport Failed(string file, string? format, string error) =>
        new(file, false, [ProblemText.Bound(error)], format, null, null, 0, null, null, null, null, null, 0, 0, 0);
}

/// <summary>Writes instants as ISO 8601 UTC with a "Z" ("2017-06-11T14:34:09.000Z"), as Garmin's SDK prints them.</summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Null ? null : reader.GetDateTimeOffset();

    public override void Write(System.Text.Json.Utf8JsonWriter writer, DateTimeOffset? value, System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } instant)
        {
            writer.WriteStringValue(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(InspectReport))]
public sealed partial class InspectJsonContext : JsonSerializerContext;
