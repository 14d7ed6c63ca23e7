using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Plans.Json;

// The wire contract of `calfcoach plan --json` and GET /api/plan. Separate from the domain records so the
// programme can change shape without breaking scripts. Words, not numbers, for enums: they are the contract.

/// <param name="Disposition">One of the assessment's four words; rises when escalation fires.</param>
/// <param name="Phase">first-aid, recovery, strengthening, return-to-run or prevention.</param>
/// <param name="Week">Seven days from the as-of date (the first is today), assuming no new check-ins.</param>
/// <param name="HeelDrops">both-legs, one-leg or added-weight.</param>
/// <param name="WalkRunStage">1–5 on the walk–run ladder during return-to-run, else null.</param>
/// <param name="CadenceTargetSpm">The cadence to practise at easy pace (the number the metronome and the report give), or null.</param>
public sealed record PlanDocument(
    string AsOf,
    string StartedOn,
    string Disposition,
    string Headline,
    string Phase,
    string PhaseSince,
    IReadOnlyList<TaskDocument> Today,
    IReadOnlyList<PlanDayDocument> Week,
    string NextReview,
    IReadOnlyList<string> Reasons,
    string HeelDrops,
    int? WalkRunStage,
    double? WeeklyRunningCapKm,
    int? CadenceTargetSpm,
    string Notice);

public sealed record TaskDocument(string Id, string Title, string Details);

public sealed record PlanDayDocument(string Date, IReadOnlyList<TaskDocument> Tasks);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PlanDocument))]
public sealed partial class ProgrammeJsonContext : JsonSerializerContext;

public static class ProgrammeJson
{
    public static PlanDocument ToDocument(ProgrammeState state, DateOnly startedOn)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PlanDocument(
            IsoDate.ToText(state.AsOf),
            IsoDate.ToText(startedOn),
            state.Disposition.WireName(),
            state.Disposition.Headline(),
            state.Phase.WireName(),
            IsoDate.ToText(state.PhaseSince),
            state.Today.Select(ToDocument).ToArray(),
            state.Week.Select(d => new PlanDayDocument(IsoDate.ToText(d.Date), d.Tasks.Select(ToDocument).ToArray())).ToArray(),
            IsoDate.ToText(state.NextReview),
            state.Reasons,
            state.HeelDrops.WireName(),
            state.LadderStage is { } stage ? stage + 1 : null,
            state.WeeklyRunningCapKm is { } km ? Math.Round(km, 1) : null,
            state.CadenceTargetSpm,
            AssessmentResult.Notice);
    }

    public static string Serialize(ProgrammeState state, DateOnly startedOn) =>
        JsonSerializer.Serialize(ToDocument(state, startedOn), ProgrammeJsonContext.Default.PlanDocument);

    private static TaskDocument ToDocument(ProgrammeTask task) => new(task.Id, task.Title, task.Details);

}
