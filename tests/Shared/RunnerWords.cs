using System.Text.RegularExpressions;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Testing;

/// <summary>
/// Issue 11, "words and keys": text a runner reads never shows an id, a camelCase key of the answers contract or a
/// file reference. The ids come from the core's catalogues at run time (plus any a caller read from a JSON contract,
/// such as the plan's task ids), never from a hand-written list.
/// </summary>
internal static class RunnerWords
{
    /// <summary>Ids and keys from the core's catalogues: findings, prevention items, loggable exercises, triage rules and the answers keys.</summary>
    public static IEnumerable<string> CatalogueKeys =>
        FindingIds.All
            .Concat(PreventionPlan.ItemIds)
            .Concat(ExerciseNames.Loggable.Select(e => e.Id))
            .Concat(TriageRules.All.Select(r => r.Id))
            .Concat(Questionnaire.AllKeys);

    /// <summary>
    /// The ids and keys found in <paramref name="text"/>, plus "EVIDENCE.md". Only keys that cannot be ordinary words
    /// count: hyphenated ids ("long-run-spike") and camelCase keys ("cannotRiseOnToes"); "ice" or "swelling" are words.
    /// </summary>
    /// <param name="titles">Titles shown for these ids: an id spelt like its own title ("self-massage", "Self-massage") is a word.</param>
    public static IReadOnlyList<string> CodeNamesIn(string text, IEnumerable<string>? moreIds = null, IEnumerable<string>? titles = null)
    {
        var words = (titles ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = CatalogueKeys.Concat(moreIds ?? [])
            .Where(k => k.Contains('-', StringComparison.Ordinal) || k.Any(char.IsUpper))
            .Where(k => !words.Contains(k))
            .Distinct(StringComparer.Ordinal);
        var found = keys.Where(k => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(k)}(?![\w-])", RegexOptions.CultureInvariant)).ToList();
        if (text.Contains("EVIDENCE.md", StringComparison.OrdinalIgnoreCase))
        {
            found.Add("EVIDENCE.md");
        }

        return found;
    }
}
