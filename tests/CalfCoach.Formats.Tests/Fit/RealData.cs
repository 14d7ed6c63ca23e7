using System.Text.Json;

namespace CalfCoach.Formats.Tests.Fit;

/// <summary>
/// The shared corpus of real device files (<c>../shared/data/real</c> next to the repository), read in place:
/// nothing from it is copied into the project. Its README.md describes ORACLE.jsonl.
/// </summary>
internal static class RealData
{
    public const string MissingSentinel = "(corpus missing)";

    /// <summary>The corpus folder, or null when this checkout has no <c>../shared/data/real</c>.</summary>
    public static string? Folder => TestPaths.RealCorpus;

    public static string SkipReason =>
        "The real-file corpus was not found: expected ../shared/data/real next to the folder holding CalfCoach.slnx " +
        $"(searched upwards from {AppContext.BaseDirectory}). These oracle tests need it; they are skipped, not passed.";

    /// <summary>The ORACLE.jsonl lines keyed by relative file path.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Oracle { get; } = LoadOracle();

    public static byte[] ReadFitBytes(string relativePath) => TestPaths.ReadCorpusFile(relativePath);


    private static Dictionary<string, JsonElement> LoadOracle()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Folder is null)
        {
            return result;
        }

        foreach (var line in File.ReadLines(Path.Combine(Folder, "ORACLE.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var element = JsonDocument.Parse(line).RootElement.Clone();
            result[element.GetProperty("file").GetString()!] = element;
        }

        return result;
    }
}
