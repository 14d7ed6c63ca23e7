using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalfCoach.Core.Analysis.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<DistanceUnit>)])]
[JsonSerializable(typeof(AthleteProfile))]
public sealed partial class AthleteProfileJsonContext : JsonSerializerContext;

/// <summary>The athlete profile as stored: read back through its validating constructor.</summary>
public static class AthleteProfileJson
{
    public static string Serialize(AthleteProfile profile) =>
        JsonSerializer.Serialize(profile, AthleteProfileJsonContext.Default.AthleteProfile);

    /// <exception cref="JsonException">The text is not a stored profile.</exception>
    public static AthleteProfile Deserialize(string json) =>
        JsonSerializer.Deserialize(json, AthleteProfileJsonContext.Default.AthleteProfile)
        ?? throw new JsonException("Expected an athlete profile object, found null.");
}
