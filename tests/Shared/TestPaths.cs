using System.IO.Compression;

namespace CalfCoach.Testing;

/// <summary>
/// Where tests find the repository and the shared corpus of real device files. Linked into every test
/// project (tests/Directory.Build.props), so the search is written once.
/// </summary>
internal static class TestPaths
{
    /// <summary>The folder holding CalfCoach.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// <c>../shared/data/real</c> next to the repository (real recordings with ORACLE.jsonl), read in place and never
    /// copied into the project; null in a clone without it (a newcomer's machine).
    /// </summary>
    public static string? RealCorpus { get; } =
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "real")) is var corpus
        && File.Exists(Path.Combine(corpus, "ORACLE.jsonl")) ? corpus : null;

    public static string CorpusSkipReason { get; } =
        "The real-file corpus ../shared/data/real (next to the folder holding CalfCoach.slnx) is absent in this checkout; " +
        "these real-file tests are skipped, not passed. The generated-fixture tests still cover every feature.";

    /// <summary>A corpus file's bytes, gunzipped when its name ends in .gz.</summary>
    public static byte[] ReadCorpusFile(string relativePath)
    {
        var path = Path.Combine(RealCorpus ?? throw new InvalidOperationException(CorpusSkipReason), relativePath);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CalfCoach.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CalfCoach.slnx not found above {AppContext.BaseDirectory}.");
    }
}
