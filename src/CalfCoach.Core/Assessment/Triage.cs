namespace CalfCoach.Core.Assessment;

/// <summary>A triage rule that fired for these answers.</summary>
public sealed record RedFlag(string Id, Disposition Disposition, string Because, IReadOnlyList<Concern> Concerns);

/// <summary>The disposition and the red flags that drove it.</summary>
public sealed record TriageOutcome(Disposition Disposition, IReadOnlyList<RedFlag> RedFlags)
{
    /// <summary>The distinct concerns of the red flags, most urgent flag first.</summary>
    public IReadOnlyList<Concern> Concerns { get; } =
        RedFlags.SelectMany(f => f.Concerns).Distinct().ToArray();
}

public static class Triage
{
    /// <summary>
    /// Applies every rule and takes the most urgent. Because each rule is monotone and the result
    /// is their maximum, a "yes" added to any warning sign can never lower the disposition.
    /// </summary>
    public static TriageOutcome Evaluate(RunnerAnswers answers, IReadOnlyList<TriageRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var fired = new List<RedFlag>();
        var disposition = Disposition.SelfCare;
        foreach (var rule in rules ?? TriageRules.All)
        {
            if (!rule.Applies(answers))
            {
                continue;
            }

            fired.Add(new RedFlag(rule.Id, rule.Disposition, rule.Because, rule.Concerns));
            disposition = DispositionExtensions.MostUrgent(disposition, rule.Disposition);
        }

        // Most urgent first; the rule table order breaks ties so output is stable.
        var ordered = fired
            .Select((flag, index) => (flag, index))
            .OrderByDescending(x => x.flag.Disposition)
            .ThenBy(x => x.index)
            .Select(x => x.flag)
            .ToArray();
        return new TriageOutcome(disposition, ordered);
    }

    /// <summary>
    /// True when the signs answered "yes" so far already mean an emergency, whatever the rest.
    /// Sound because rules are monotone: unanswered signs can only add urgency, never remove it.
    /// </summary>
    public static bool IsEmergencyAlready(IReadOnlySet<Symptom> answeredYes)
    {
        ArgumentNullException.ThrowIfNull(answeredYes);
        var lowerBound = new RunnerAnswers(answeredYes, daysSinceOnset: 0, daysOfHomeCare: 0);
        return Evaluate(lowerBound).Disposition == Disposition.Emergency;
    }
}
