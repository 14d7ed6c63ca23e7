using System.Text.Json.Serialization;

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
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    double? TotalDistanceM,
    double? TotalTimerTimeS,
    double? AvgCadenceSpm,
    int RecordsWithPosition,
    int RecordsWithHeartRate,
    int RecordsWithCadence)
{
    public static InspectReport Failed(string file, string? format, string error) =>
        new(file, false, [error], format, null, null, 0, null, null, null, null, null, 0, 0, 0);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(InspectReport))]
public sealed partial class InspectJsonContext : JsonSerializerContext;
