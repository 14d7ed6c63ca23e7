using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Activities;

namespace CalfCoach.Core.Analysis.Json;

/// <summary>Enums as camelCase strings ("running", "treadmill"), matching <see cref="SportExtensions.WireName(Sport)"/>.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The stored form of <see cref="RunFeatures"/> (the storage layer keeps it as JSON text next to each activity).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<Sport>), typeof(CamelCaseEnumConverter<SubSport>)])]
[JsonSerializable(typeof(RunFeatures))]
public sealed partial class RunFeaturesJsonContext : JsonSerializerContext;

public static class RunFeaturesJson
{
    /// <summary>Bumped when a field changes meaning, so storage can re-extract older rows from their files.</summary>
    /// <remarks>2: <see cref="RunFeatures.NotCountedBecause"/> (implausible activities left out), cadence read as steps only.</remarks>
    public const int Version = 2;

    public static string Serialize(RunFeatures features) =>
        JsonSerializer.Serialize(features, RunFeaturesJsonContext.Default.RunFeatures);

    /// <exception cref="JsonException">The text is not a stored <see cref="RunFeatures"/>.</exception>
    public static RunFeatures Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RunFeaturesJsonContext.Default.RunFeatures)
        ?? throw new JsonException("Expected a run-features object, found null.");
}
