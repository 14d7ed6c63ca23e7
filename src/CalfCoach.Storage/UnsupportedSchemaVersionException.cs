namespace CalfCoach.Storage;

/// <summary>
/// The database was written by a newer CalfCoach whose schema this build does not know. Opening it anyway
/// could misread or damage data, so the database is left untouched; the fix is to upgrade CalfCoach.
/// </summary>
public sealed class UnsupportedSchemaVersionException : Exception
{
    public UnsupportedSchemaVersionException()
    {
    }

    public UnsupportedSchemaVersionException(string message)
        : base(message)
    {
    }

    public UnsupportedSchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnsupportedSchemaVersionException(string database, int databaseVersion, int supportedVersion)
        : base($"The database {database} has schema version {databaseVersion}, but this CalfCoach knows versions up to {supportedVersion}. "
            + "A newer CalfCoach wrote it; upgrade CalfCoach to open it. The database was not changed.")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    public int DatabaseVersion { get; }

    public int SupportedVersion { get; }
}
