namespace CalfCoach.Import.Tests.TestData;

/// <summary>The shared folder of real device recordings, next to the repository.</summary>
internal static class RealData
{
    /// <summary>The shared corpus, or null in a clone without it.</summary>
    public static string? Folder() => TestPaths.RealCorpus;
}
