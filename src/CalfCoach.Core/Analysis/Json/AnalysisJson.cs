using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalfCoach.Core.Analysis.Json;

// The wire contract of `calfcoach analyze --json` (issue 4). Separate from the domain records so those can change
// without breaking scripts that read this.

public sealed record AnalysisDocument(string AsOf, string Onset, IReadOnlyList<FindingDocument> Findings);

public sealed record FindingDocument(
    string Id,
    string Severity,
    IReadOnlyList<string> Dates,
    IReadOnlyDictionary<string, double> Values,
    string Explanation,
    ActionDocument Action);

/// <param name="Id">A prevention plan item id (e.g. "cadence-retraining").</param>
public sealed record ActionDocument(string Id, string? Detail);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnalysisDocument))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;

public static class AnalysisJson
{
    public static AnalysisDocument ToDocument(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AnalysisDocument(
            IsoDate.ToText(result.AsOf),
            IsoDate.ToText(result.Onset),
            [.. result.Findings.Select(f => new FindingDocument(
                f.Id,
                f.Severity.WireName(),
                [.. f.Dates.Select(IsoDate.ToText)],
                f.Values,
                f.Explanation,
                new ActionDocument(f.Action.PlanItemId, f.Action.Detail)))]);
    }

    public static string Serialize(AnalysisResult result) =>
        JsonSerializer.Serialize(ToDocument(result), AnalysisJsonContext.Default.AnalysisDocument);

}
