using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalfCoach.Core.Assessment.Json;

// The wire contract of an assessment (CLI --json, and later the web API). Kept separate from the
// domain records so the domain can change shape without breaking scripts that read this.

public sealed record AssessmentDocument(
    string AsOf,
    string Disposition,
    string Headline,
    IReadOnlyList<string> DoNow,
    IReadOnlyList<string> DoNowIds,
    IReadOnlyList<RedFlagDocument> RedFlags,
    IReadOnlyList<ConcernDocument> Concerns,
    IReadOnlyList<FactorDocument> ContributingFactors,
    IReadOnlyList<PlanItemDocument> SelfCare,
    IReadOnlyList<WithheldDocument> Withheld,
    IReadOnlyList<PlanItemDocument> Prevention,
    FollowUpDocument FollowUp,
    IReadOnlyList<string> NotAsked,
    EmergencyServicesDocument Services,
    string Notice);

/// <param name="Emergency">The number to dial for an ambulance; empty when the country is not known (then <c>EmergencyText</c> names the common ones).</param>
public sealed record EmergencyServicesDocument(string Country, string Emergency, string EmergencyText, string SameDayCare);

public sealed record RedFlagDocument(string Id, string Disposition, string Because, IReadOnlyList<string> Concerns);

public sealed record ConcernDocument(string Id, string Possibility);

public sealed record FactorDocument(string Id, string Title, string Evidence, string Source);

public sealed record PlanItemDocument(string Id, string Title, string Details, string When, IReadOnlyList<string> Addresses);

public sealed record WithheldDocument(string Id, string Reason);

public sealed record FollowUpDocument(string ReviewOn, IReadOnlyList<TriggerDocument> Triggers);

public sealed record TriggerDocument(string Id, string When, string Then, string? EscalatesTo);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AssessmentDocument))]
public sealed partial class AssessmentJsonContext : JsonSerializerContext;

public static class AssessmentJson
{
    public static AssessmentDocument ToDocument(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AssessmentDocument(
            IsoDate.ToText(result.AsOf),
            result.Disposition.WireName(),
            result.Disposition.Headline(),
            result.DoNowText,
            result.DoNow.Select(line => line.Id).ToArray(),
            result.RedFlags.Select(f => new RedFlagDocument(f.Id, f.Disposition.WireName(), f.Because, f.Concerns.Select(c => c.Id()).ToArray())).ToArray(),
            result.Concerns.Select(c => new ConcernDocument(c.Id(), c.Possibility())).ToArray(),
            result.ContributingFactors.Select(f => new FactorDocument(f.Id, f.Title, f.Evidence, f.Source)).ToArray(),
            result.SelfCare.Select(ToDocument).ToArray(),
            result.Withheld.Select(w => new WithheldDocument(w.Id, w.Reason)).ToArray(),
            result.Prevention.Select(ToDocument).ToArray(),
            new FollowUpDocument(
                IsoDate.ToText(result.FollowUp.ReviewOn),
                result.FollowUp.Triggers.Select(t => new TriggerDocument(t.Id, t.When, t.Then, t.EscalatesTo?.WireName())).ToArray()),
            result.NotAsked.Select(s => Questionnaire.For(s).Key).ToArray(),
            new EmergencyServicesDocument(result.Services.Country, result.Services.Emergency, result.Services.EmergencyNumberText, result.Services.SameDayCare),
            AssessmentResult.Notice);
    }

    public static string Serialize(AssessmentResult result) =>
        JsonSerializer.Serialize(ToDocument(result), AssessmentJsonContext.Default.AssessmentDocument);

    private static PlanItemDocument ToDocument(PlanItem item) =>
        new(item.Id, item.Title, item.Details, item.When, item.Addresses);

}
