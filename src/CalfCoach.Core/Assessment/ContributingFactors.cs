using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Assessment;

/// <summary>A likely contributing cause, with the evidence for it and where it came from.</summary>
/// <param name="Source">"answers" for what the runner reported; later issues add "training-data".</param>
public sealed record ContributingFactor(string Id, string Title, string Evidence, string Source);

/// <summary>Turns what the runner reported into contributing factors (the article's four families of causes).</summary>
public static class ContributingFactors
{
    public const string FromAnswers = "answers";
    public const string FromTrainingData = "training-data";
    public const string FromBoth = "answers and training-data";

    /// <summary>Where a cause came from, in words for the runner; the <see cref="ContributingFactor.Source"/> key stays in JSON.</summary>
    public static string SourceText(string source) => source switch
    {
        FromAnswers => "what you told us",
        FromTrainingData => "your training data",
        FromBoth => "what you told us and your training data",
        _ => source,
    };

    /// <summary>Which reported cause each finding in the runner's data is evidence of.</summary>
    private static readonly Dictionary<string, RecentChange> CauseOfFinding = new(StringComparer.Ordinal)
    {
        [FindingIds.WeeklyDistanceSpike] = RecentChange.DistanceIncrease,
        [FindingIds.AcuteChronicRatioHigh] = RecentChange.DistanceIncrease,
        [FindingIds.ReturnAfterBreak] = RecentChange.DistanceIncrease,
        [FindingIds.LongRunSpike] = RecentChange.LongerLongRun,
        [FindingIds.NewSpeedwork] = RecentChange.NewSpeedwork,
        [FindingIds.PaceIncrease] = RecentChange.PaceIncrease,
        [FindingIds.HillIncrease] = RecentChange.MoreHills,
        [FindingIds.LowCadence] = RecentChange.LowCadence,
        [FindingIds.Overstriding] = RecentChange.Overstriding,
        [FindingIds.WornShoes] = RecentChange.WornShoes,
        [FindingIds.CrampRiskEfforts] = RecentChange.LongHotEfforts,
    };

    public static RecentChange CauseOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return CauseOfFinding.TryGetValue(finding.Id, out var cause)
            ? cause
            : throw new ArgumentException($"Unknown finding id \"{finding.Id}\".", nameof(finding));
    }

    /// <summary>
    /// The runner's report merged with the findings in their data: the causes the runner reported first (those the data
    /// also shows carry its dates and numbers), then those found only in the data, most relevant first.
    /// </summary>
    public static IReadOnlyList<ContributingFactor> Merge(RunnerAnswers answers, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var reported = FromReportedAnswers(answers);
        var merged = new List<ContributingFactor>();
        foreach (var group in findings.GroupBy(f => CauseOf(f).Id()))
        {
            var evidence = string.Join(" ", group.Select(f => f.Explanation));
            var alsoReported = reported.Any(r => r.Id == group.Key);
            var (title, _) = Describe(CauseOf(group.First()));
            merged.Add(new ContributingFactor(group.Key, title,
                alsoReported ? $"You reported this, and your data shows it. {evidence}" : $"Your data shows this. {evidence}",
                alsoReported ? FromBoth : FromTrainingData));
        }

        merged.AddRange(reported.Where(r => merged.All(m => m.Id != r.Id)));

        // What the runner said comes first ("I added intervals" is not listed fifth behind the data's causes): reported and
        // seen in the data, then reported only, then seen in the data only, each kept in the order of relevance above.
        return [.. merged.OrderBy(f => f.Source == FromTrainingData ? 1 : 0)];
    }
    public const string CrampDuringRunId = "cramp-during-run";

    public static string Id(this RecentChange change) => change switch
    {
        RecentChange.DistanceIncrease => "distance-increase",
        RecentChange.PaceIncrease => "pace-increase",
        RecentChange.NewSpeedwork => "new-speedwork",
        RecentChange.MoreHills => "more-hills",
        RecentChange.LongerLongRun => "longer-long-run",
        RecentChange.WornShoes => "worn-shoes",
        RecentChange.NewShoes => "new-shoes",
        RecentChange.MinimalShoes => "minimal-shoes",
        RecentChange.LongHotEfforts => "long-hot-efforts",
        RecentChange.LowCadence => "low-cadence",
        RecentChange.Overstriding => "overstriding",
        RecentChange.WeakHipsHamstrings => "weak-hips-hamstrings",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static (string Title, string Why) Describe(RecentChange change) => change switch
    {
        RecentChange.DistanceIncrease => ("A jump in weekly distance",
            "More running than the calf is used to, added quickly, outpaces how fast muscle and tendon adapt."),
        RecentChange.PaceIncrease => ("Running faster than usual",
            "Faster running loads the calf and Achilles harder with every step; calf problems seem to follow pace more than distance."),
        RecentChange.NewSpeedwork => ("New speedwork",
            "Intervals, tempo runs or races added after weeks without them ask the calf for forces it has not trained for."),
        RecentChange.MoreHills => ("More hills",
            "Uphill running makes the calf push harder and downhill running loads it while it lengthens."),
        RecentChange.LongerLongRun => ("A longer long run",
            "A single run well beyond the longest of the past month is the best-supported load warning sign for runners."),
        RecentChange.WornShoes => ("Worn-out shoes",
            "Old midsoles absorb less of each landing, passing more load to the lower leg."),
        RecentChange.NewShoes => ("A recent change of shoes",
            "A sudden change of shoe changes how the calf and Achilles are loaded."),
        RecentChange.MinimalShoes => ("Minimal or low-drop shoes",
            "Low-drop and minimal shoes, and landing on the forefoot, increase the work of the calf and Achilles."),
        RecentChange.LongHotEfforts => ("Long, hard or hot efforts",
            "Cramps and calf fatigue cluster late in long, intense or hot sessions, where fatigue and fluid and salt losses add up."),
        RecentChange.LowCadence => ("Low cadence",
            "Few, long steps mean more braking at each landing, which the calf has to absorb."),
        RecentChange.Overstriding => ("Overstriding",
            "Landing with the foot far ahead of the body turns the calf into a brake."),
        RecentChange.WeakHipsHamstrings => ("Weak hips and hamstrings",
            "When the glutes and hamstrings do too little of the push-off and stabilising, the calf makes up the difference."),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    public static IReadOnlyList<ContributingFactor> FromReportedAnswers(RunnerAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var factors = new List<ContributingFactor>();
        foreach (var change in Enum.GetValues<RecentChange>())
        {
            if (!answers.Reported(change))
            {
                continue;
            }

            var (title, why) = Describe(change);
            factors.Add(new ContributingFactor(change.Id(), title, $"You reported this. {why}", FromAnswers));
        }

        if (answers.CrampDuringRun == true)
        {
            factors.Add(new ContributingFactor(CrampDuringRunId, "Cramp during a run",
                "You reported a cramp while running. Fatigue and pacing matter most; fluids and electrolytes may also play a part.",
                FromAnswers));
        }

        return factors;
    }
}
