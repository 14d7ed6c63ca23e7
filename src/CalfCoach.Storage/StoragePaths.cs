namespace CalfCoach.Storage;

/// <summary>Where CalfCoach keeps its data on this machine.</summary>
public static class StoragePaths
{
    /// <summary>Environment variable naming the database file to use instead of the default.</summary>
    public const string DatabaseVariable = "CALFCOACH_DB";

    /// <summary>
    /// The database file: <c>$CALFCOACH_DB</c> when set; otherwise <c>calfcoach/calfcoach.db</c> under
    /// <c>$XDG_DATA_HOME</c> on Linux (when set to an absolute path, as the XDG spec requires) or under the
    /// user's local application data folder. Creates the containing folder.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no user data folder and <c>CALFCOACH_DB</c> is not set.</exception>
    public static string DefaultDatabasePath() =>
        DefaultDatabasePath(
            Environment.GetEnvironmentVariable,
            OperatingSystem.IsLinux(),
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify));

    internal static string DefaultDatabasePath(Func<string, string?> environment, bool isLinux, string localApplicationData)
    {
        var path = ResolveDatabasePath(environment, isLinux, localApplicationData);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    internal static string ResolveDatabasePath(Func<string, string?> environment, bool isLinux, string localApplicationData)
    {
        var explicitPath = environment(DatabaseVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var xdgDataHome = isLinux ? environment("XDG_DATA_HOME") : null;
        var dataFolder = !string.IsNullOrWhiteSpace(xdgDataHome) && Path.IsPathFullyQualified(xdgDataHome)
            ? xdgDataHome
            : localApplicationData;
        if (string.IsNullOrWhiteSpace(dataFolder))
        {
            throw new InvalidOperationException(
                $"This user has no local data folder (is HOME set?). Set {DatabaseVariable} to the database file to use.");
        }

        return Path.Combine(dataFolder, "calfcoach", "calfcoach.db");
    }
}
