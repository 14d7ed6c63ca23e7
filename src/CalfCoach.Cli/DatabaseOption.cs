using CalfCoach.Storage;

namespace CalfCoach.Cli;

/// <summary>Opens the database a command was pointed at, turning storage failures into clear user errors.</summary>
public static class DatabaseOption
{
    public static Database Open(string? path)
    {
        try
        {
            if (path is null)
            {
                return Database.OpenDefault();
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UserInputException($"--db: the folder \"{folder}\" does not exist; create it or choose another file.");
            }

            return Database.OpenSqlite(path);
        }
        catch (UnsupportedSchemaVersionException ex)
        {
            throw new UserInputException(ex.Message);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot open the database \"{path ?? StoragePaths.DefaultDatabasePath()}\": {ex.Message}");
        }
    }
}
