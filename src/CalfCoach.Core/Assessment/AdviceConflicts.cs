namespace CalfCoach.Core.Assessment;

/// <summary>
/// One pair the sources forbid: in this situation, these advice lines must not appear (EVIDENCE.md 7a).
/// </summary>
/// <param name="Situation">Plain words for the situation, for tests and the evidence notes.</param>
/// <param name="Forbidden">Advice ids (do-now lines and plan items) that must not be shown.</param>
public sealed record AdviceConflict(string Situation, Func<AdviceSituation, bool> Applies, IReadOnlySet<string> Forbidden, string Source);

/// <summary>
/// The table of forbidden (situation, advice) pairs: what "contradiction" means. Every composer of advice runs its lines
/// through <see cref="Remove{T}"/>, so where a pair is forbidden the prohibition wins, and the property tests check the
/// final results against the same table over generated answers.
/// </summary>
public static class AdviceConflicts
{
    public static IReadOnlyList<AdviceConflict> Table { get; } =
    [
        new("a concern about the blood supply (claudication, narrowed or squeezed artery, ischaemia)", s => s.Arterial,
            Ids("compression", "elevation"),
            "EVIDENCE 7a; NICE CG147 and compression guidance (contraindicated with arterial insufficiency); NHS PAD"),
        new("suspected acute compartment syndrome", s => s.Compartment,
            Ids("compression", "elevation", "ice", "self-massage", "foam-rolling"),
            "EVIDENCE 7a; NHS compartment syndrome; BOA/BOAST acute compartment syndrome"),
        new("a clot or a bleed into the calf is a concern (any level)", s => s.Clot || s.Is(Concern.BleedingIntoCalf),
            Ids("self-massage", "foam-rolling", "cramp-stretch-massage"),
            "EVIDENCE 7a, 2.3, 2.4; NHS DVT (do not massage); NICE NG158"),
        new("a tear is suggested", s => s.Tear,
            Ids("self-massage", "foam-rolling", "cramp-stretch-massage"),
            "Article (massage not over a tear); EVIDENCE 2.4"),
        new("an ambulance is needed (breathing, chest, collapse, sepsis signs, heat illness, cold foot, spinal signs)", s => s.NeedsAmbulance,
            Ids("call-or-go-to-emergency"),
            "EVIDENCE 7a; NHS DVT/PE and sepsis pages"),
        new("heat illness", s => s.Heat,
            Ids("stop-and-rest"),
            "EVIDENCE 7a; NATA exertional heat illness statement (Casa 2015); ACSM 2023"),
        new("reduced feeling or blood supply (numbness, a cold foot, an arterial concern)", s => s.IceUnsafe,
            Ids("ice"),
            "EVIDENCE 2.1 (no ice with reduced skin sensation or circulatory disease)"),
        new("day 4 or later", s => !s.FirstAidDays,
            Ids("relative-rest", "ice", "compression", "elevation", "avoid-early"),
            "EVIDENCE 7a; NHS sprains and strains (first 2–3 days); Dubois & Esculier 2020"),
        new("urgent or emergency", s => s.Disposition.ForbidsCoaching(),
            Ids("relative-rest", "ice", "compression", "elevation", "avoid-early", "pain-relief", "gentle-movement", "load-as-pain-allows",
                "self-massage", "foam-rolling", "cramp-stretch-massage", "passive-stretching", "fluids-electrolytes", "keep-leg-level", "night-cramp-stretch"),
            "EVIDENCE 1.1 implementation notes (a red flag overrides all coaching)"),
    ];

    /// <summary>The lines (or plan items) with every id this situation forbids removed.</summary>
    public static List<T> Remove<T>(AdviceSituation situation, IEnumerable<T> lines)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(situation);
        var forbidden = ForbiddenIn(situation);
        return lines.Where(line => !forbidden.Contains(IdOf(line))).ToList();
    }

    public static HashSet<string> ForbiddenIn(AdviceSituation situation)
    {
        var forbidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in Table)
        {
            if (conflict.Applies(situation))
            {
                forbidden.UnionWith(conflict.Forbidden);
            }
        }

        return forbidden;
    }

    private static string IdOf<T>(T line) => line switch
    {
        AdviceLine advice => advice.Id,
        PlanItem item => item.Id,
        _ => throw new ArgumentException($"No advice id on {typeof(T).Name}.", nameof(line)),
    };

    private static HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.Ordinal);
}
