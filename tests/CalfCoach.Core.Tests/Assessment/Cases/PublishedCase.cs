using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment.Cases;

/// <summary>Where a case description comes from, and the phrase in it that sets the disposition.</summary>
internal sealed record CaseSource(string Title, string Url, string Quote);

/// <summary>
/// One held-out case: a runner's description written from a published source, the disposition a
/// clinician following that source would give (gold), the lowest disposition that is still safe,
/// and the facts of the case in an engine-independent vocabulary (<see cref="CaseFacts"/>).
/// </summary>
internal sealed record PublishedCase(
    string Id,
    string Kind,
    string Description,
    CaseSource Source,
    string Gold,
    string LowestSafe,
    string Basis,
    IReadOnlyList<string> Facts)
{
    public Disposition GoldDisposition => CaseSet.ParseDisposition(Gold);

    public Disposition LowestSafeDisposition => CaseSet.ParseDisposition(LowestSafe);

    public override string ToString() => Id;
}

internal sealed record CaseFile(int Version, string Note, IReadOnlyList<PublishedCase> Cases);

/// <summary>Loads <c>published-cases.json</c> (copied next to the test binaries).</summary>
internal static class CaseSet
{
    public const string FileName = "published-cases.json";

    /// <summary>The basis of a gold disposition (issue 10, "How the article and the sources combine").</summary>
    public static readonly IReadOnlySet<string> Bases = new HashSet<string>(StringComparer.Ordinal)
    {
        // The article is explicit about the situation: gold is the more urgent of the article and the clinical source.
        "article-explicit",
        // The article speaks loosely or not at all: gold is the clinical source's level.
        "clinical-source",
    };

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly Lazy<CaseFile> Loaded = new(Load);

    public static IReadOnlyList<PublishedCase> All => Loaded.Value.Cases;

    public static CaseFile File => Loaded.Value;

    public static Disposition ParseDisposition(string wire) =>
        Enum.GetValues<Disposition>().SingleOrDefault(d => d.WireName() == wire, (Disposition)(-1)) is var d && Enum.IsDefined(d)
            ? d
            : throw new FormatException($"\"{wire}\" is not a disposition wire name.");

    public static bool IsDisposition(string wire) => Enum.GetValues<Disposition>().Any(d => d.WireName() == wire);

    private static CaseFile Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Assessment", "Cases", FileName);
        return JsonSerializer.Deserialize<CaseFile>(System.IO.File.ReadAllText(path), Options)
            ?? throw new InvalidOperationException($"{path} holds no case set.");
    }
}
