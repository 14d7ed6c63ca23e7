namespace CalfCoach.Storage.Tests;

public sealed class StoragePathsTests
{
    private static readonly string LocalData = Path.Combine(Path.GetTempPath(), "local-data");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void CALFCOACH_DB_wins_over_every_default()
    {
        var explicitPath = Path.Combine(Path.GetTempPath(), "mine.db");

        var path = StoragePaths.ResolveDatabasePath(
            Environment(("CALFCOACH_DB", explicitPath), ("XDG_DATA_HOME", "/xdg")), isLinux: true, LocalData);

        Assert.Equal(explicitPath, path);
    }

    [Fact]
    public void On_Linux_an_absolute_XDG_DATA_HOME_is_honoured()
    {
        var xdgDataHome = Path.Combine(Path.GetTempPath(), "xdg-data");

        var path = StoragePaths.ResolveDatabasePath(Environment(("XDG_DATA_HOME", xdgDataHome)), isLinux: true, LocalData);

        Assert.Equal(Path.Combine(xdgDataHome, "calfcoach", "calfcoach.db"), path);
    }

    [Theory]
    [InlineData("relative/data", true)] // the XDG spec says relative paths are invalid and must be ignored
    [InlineData("", true)]
    [InlineData("/xdg", false)] // XDG is a Linux convention
    public void Otherwise_the_local_application_data_folder_is_used(string xdgDataHome, bool isLinux)
    {
        var path = StoragePaths.ResolveDatabasePath(Environment(("XDG_DATA_HOME", xdgDataHome)), isLinux, LocalData);

        Assert.Equal(Path.Combine(LocalData, "calfcoach", "calfcoach.db"), path);
    }

    [Fact]
    public void Without_any_data_folder_the_message_says_to_set_CALFCOACH_DB()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StoragePaths.ResolveDatabasePath(Environment(), isLinux: true, localApplicationData: ""));

        Assert.Contains("CALFCOACH_DB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_folder_of_the_database_is_created()
    {
        var root = Directory.CreateTempSubdirectory("calfcoach-paths-").FullName;
        try
        {
            var path = StoragePaths.DefaultDatabasePath(Environment(("XDG_DATA_HOME", root)), isLinux: true, LocalData);

            Assert.True(Directory.Exists(Path.Combine(root, "calfcoach")));
            Assert.Equal(Path.Combine(root, "calfcoach", "calfcoach.db"), path);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
