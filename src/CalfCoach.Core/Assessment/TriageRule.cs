namespace CalfCoach.Core.Assessment;

/// <summary>
/// One triage rule: when <see cref="Applies"/> holds for the answers, the runner needs at least
/// <see cref="Disposition"/>. Because the result is the most urgent rule that fires, a rule that needs a sign
/// to be absent may only pick the gentler branch of an answer whose worrying branch fires a more urgent rule
/// (see <see cref="TriageRules"/>): that keeps adding a red flag unable to lower urgency.
/// </summary>
/// <param name="Id">Stable identifier, shown as the red flag's id.</param>
/// <param name="Because">Why it matters, in the runner's words.</param>
/// <param name="Source">Where the rule comes from (article sentence or EVIDENCE.md row).</param>
public sealed record TriageRule(
    string Id,
    Disposition Disposition,
    IReadOnlyList<Concern> Concerns,
    string Because,
    string Source,
    Func<RunnerAnswers, bool> Applies);
