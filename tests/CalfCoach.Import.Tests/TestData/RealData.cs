namespace CalfCoach.Import.Tests.TestData;

/// <summary>The shared folder of real device recordings, next to the repository.</summary>
internal static class RealData
{
    /// <summary>
    /// Walks up from the test binaries to the folder holding CalfCoach.slnx, then to ../shared/data/real.
    /// Null when it is not there (a clone without the shared data).
    /// </summary>
    public static string? Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CalfCoach.slnx")))
            {
                var real = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "real"));
                return Directory.Exists(real) ? real : null;
            }
        }

        return null;
    }
}
