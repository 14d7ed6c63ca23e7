using System.Runtime.CompilerServices;

namespace CalfCoach.Testing;

/// <summary>
/// Points CALFCOACH_DB at a fresh temporary file before any test of the assembly runs, so no command
/// run without --db can ever read or write the database of the person running the tests. A real
/// database left there (say by a manual run) once made every later "self-care" test see earlier
/// emergencies, and tests writing to it would corrupt a developer's own history.
/// </summary>
internal static class NoUserDatabase
{
    [ModuleInitializer]
    internal static void PointTheDefaultDatabaseAtATemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("calfcoach-tests-default-db-").FullName;
        Environment.SetEnvironmentVariable("CALFCOACH_DB", Path.Combine(folder, "default.db"));
    }
}
