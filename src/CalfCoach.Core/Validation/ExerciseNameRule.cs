using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Validation;

/// <summary>
/// An exercise name from outside must be one the programme knows (<see cref="ExerciseNames.Loggable"/>): a typo such as
/// "heel-drop" would otherwise be stored and never count. Case and surrounding spaces are forgiven; the refusal lists the
/// valid names and, for a near miss, suggests the closest one.
/// </summary>
public sealed record ExerciseNameRule(string What)
{
    private static readonly TextRule Text = new("The exercise's name", 60, Required: true);

    public Checked<string?> Check(string key, string? name)
    {
        var text = Text.Check(key, name);
        if (!text.IsValid)
        {
            return text;
        }

        var typed = text.Value!;
        var known = ExerciseNames.Loggable.FirstOrDefault(e => string.Equals(e.Id, typed, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return Checked.Valid<string?>(known.Id);
        }

        var suggestion = Closest(typed);
        var didYouMean = suggestion is null ? string.Empty : $" Did you mean \"{suggestion}\"?";
        return Checked.Refused<string?>(new InputError(key,
            $"{What} \"{typed}\" is not one the programme knows.{didYouMean} Choose one of: {string.Join(", ", ExerciseNames.Loggable.Select(e => e.Id))}."));
    }

    /// <summary>The valid id nearest to <paramref name="typed"/> by edit distance, when near enough to be a typo.</summary>
    public static string? Closest(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var lower = typed.ToLowerInvariant();
        var best = ExerciseNames.Loggable
            .Select(e => (e.Id, Distance: Spelling.EditDistance(lower, e.Id)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id.Length)
            .First();

        // A third of the name may be wrong ("heel-drop", "walkrun", "knee-to-wal"); "banana" is nothing like any of them.
        var allowed = Math.Max(2, best.Id.Length / 3);
        if (best.Distance <= allowed)
        {
            return best.Id;
        }

        // A clear start of one name only ("single-leg" is ambiguous, "walk" is not).
        var starts = ExerciseNames.Loggable.Where(e => lower.Length >= 3 && e.Id.StartsWith(lower, StringComparison.Ordinal)).ToList();
        return starts.Count == 1 ? starts[0].Id : null;
    }
}
