using CalfCoach.Cli.Resources;
using CalfCoach.Storage;
using Npgsql;

namespace CalfCoach.Cli;

/// <summary>Opens the database a command was pointed at, turning storage failures into clear user errors.</summary>
public static class DatabaseOption
{
    /// <summary>What <c>--db</c> (or, without it, <c>CALFCOACH_DB</c> and the default file) names.</summary>
    /// <exception cref="UserInputException">A connection string that cannot be read.</exception>
    public static DatabaseTarget Target(string? text)
    {
        try
        {
            return text is null ? DatabaseTarget.Default() : DatabaseTarget.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UserInputException($"{(text is null ? StoragePaths.DatabaseVariable : "--db")}: {ex.Message}");
        }
    }

    public static Database Open(string? text) => Open(Target(text));

    public static Database Open(DatabaseTarget target)
    {
        try
        {
            if (target is DatabaseTarget.SqliteFile file)
            {
                var folder = Path.GetDirectoryName(file.Path);
                if (folder is not null && !Directory.Exists(folder))
                {
                    throw new UserInputException(CommonText.NoSuchFolder(folder));
                }
            }

            return Database.Open(target);
        }
        catch (UnsupportedSchemaVersionException ex)
        {
            throw new UserInputException(ex.Message);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(CommonText.CannotOpenDatabase(target.DisplayName, ex.Message));
        }
        catch (NpgsqlException ex)
        {
            // Npgsql's messages name the server and the refusal (no such database, wrong password), never the password itself.
            throw new UserInputException(CommonText.CannotUseServer(target.DisplayName, ex.Message));
        }
    }
}
