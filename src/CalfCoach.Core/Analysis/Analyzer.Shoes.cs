namespace CalfCoach.Core.Analysis;

// Shoes: distance and age at each run against the replacement range (EVIDENCE.md 6).
public sealed partial class Analyzer
{
    private sealed class ShoeTally(string name, DateOnly start, double kilometers, DateOnly? retired, bool fromGear)
    {
        public string Name { get; } = name;

        public DateOnly Start { get; } = start;

        public DateOnly? Retired { get; } = retired;

        public bool FromGear { get; } = fromGear;

        public double Kilometers { get; set; } = kilometers;

        public bool InUseOn(DateOnly date) => date >= Start && (Retired is not { } r || date <= r);
    }

    /// <summary>
    /// Matches runs to shoes by gear name (case-insensitive), else to the one declared shoe in use that day. Gear
    /// names with no declared shoe become shoes of their own, starting at their first run with 0 km.
    /// </summary>
    private List<ShoeStatus> AssignShoes(IReadOnlyList<Shoe> shoes)
    {
        var byName = new Dictionary<string, ShoeTally>(StringComparer.OrdinalIgnoreCase);
        var declared = new List<ShoeTally>();
        foreach (var shoe in shoes)
        {
            var tally = new ShoeTally(shoe.Name, shoe.StartDate, shoe.StartingKilometers, shoe.RetiredDate, false);
            declared.Add(tally);
            byName.TryAdd(shoe.Name, tally);
        }

        foreach (var run in _runs)
        {
            ShoeTally? shoe = null;
            if (run.Features.Gear is { Length: > 0 } gear)
            {
                var name = gear.Trim();
                if (!byName.TryGetValue(name, out shoe))
                {
                    shoe = new ShoeTally(name, run.Date, 0, null, true);
                    byName.Add(name, shoe);
                }
            }
            else
            {
                foreach (var candidate in declared)
                {
                    if (candidate.InUseOn(run.Date))
                    {
                        if (shoe is not null)
                        {
                            shoe = null; // two shoes in use that day: cannot tell which
                            break;
                        }

                        shoe = candidate;
                    }
                }
            }

            if (shoe is not null)
            {
                shoe.Kilometers += run.Kilometers;
                run.Shoe = shoe.Name;
                run.ShoeKilometers = shoe.Kilometers;
                run.ShoeAgeDays = run.Date.DayNumber - shoe.Start.DayNumber;
            }
        }

        return [.. byName.Values.Select(s => new ShoeStatus(
            s.Name, R1(s.Kilometers), (s.Retired is { } r && r < _asOf ? r : _asOf).DayNumber - s.Start.DayNumber,
            s.Retired is { } retired && retired <= _asOf, s.FromGear))];
    }

    private Finding? WornShoes()
    {
        var worn = WindowRuns().Where(r => r.ShoeKilometers > _profile.ShoeReviewKilometers).ToList();
        if (worn.Count == 0)
        {
            return null;
        }

        var pastReplace = worn.Where(r => r.ShoeKilometers > _profile.ShoeReplaceKilometers).ToList();
        var (severity, hits, limit) = pastReplace.Count > 0
            ? (Severity.Moderate, pastReplace, _profile.ShoeReplaceKilometers)
            : (Severity.Low, worn, _profile.ShoeReviewKilometers);
        var top = hits.MaxBy(r => r.Date.DayNumber)!;
        return new Finding(
            FindingIds.WornShoes,
            NearOnset(severity, top.Date),
            [.. hits.Select(r => r.Date)],
            new Dictionary<string, double>
            {
                ["shoeKm"] = R1(top.ShoeKilometers!.Value),
                ["shoeAgeDays"] = top.ShoeAgeDays!.Value,
                ["reviewKm"] = _profile.ShoeReviewKilometers,
                ["replaceKm"] = _profile.ShoeReplaceKilometers,
            },
            string.Create(Invariant,
                $"On {Day(top.Date)} your shoe \"{top.Shoe}\" had {Distance(top.ShoeKilometers.Value)} on it ({FindingText.Count(top.ShoeAgeDays.Value, "day", "days")} in use), past the {Distance(limit)} at which shoes are usually {(severity == Severity.Moderate ? "replaced" : "reviewed")}. ")
            + "Midsoles lose much of their cushioning over the first few hundred kilometres, but no study has shown a distance at which worn shoes cause injury, so check the shoe rather than trust the number.",
            new FindingAction("shoe-review", string.Create(Invariant, $"Check \"{top.Shoe}\" for a creased midsole or a flat ride, and plan a new pair; bring a new pair in gradually.")));
    }
}
