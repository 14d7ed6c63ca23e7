using Npgsql;

namespace CalfCoach.Storage;

/// <summary>
/// Which database to open, read from what a person typed (<c>--db</c>, <c>CALFCOACH_DB</c>): a SQLite file path, or a
/// PostgreSQL connection string as a URI (<c>postgres://user:pass@host:port/db?sslmode=require</c>) or in Npgsql's
/// <c>Host=…;Database=…</c> form.
/// </summary>
public abstract record DatabaseTarget
{
    private DatabaseTarget()
    {
    }

    /// <summary>Where the data lives, for messages: the file path, or the server and database without the password.</summary>
    public abstract string DisplayName { get; }

    /// <summary>A SQLite file (created on first open).</summary>
    public sealed record SqliteFile(string Path) : DatabaseTarget
    {
        public override string DisplayName => Path;
    }

    /// <summary>A PostgreSQL database, as an Npgsql connection string.</summary>
    public sealed record Postgres(string ConnectionString) : DatabaseTarget
    {
        public override string DisplayName
        {
            get
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                return $"PostgreSQL database \"{builder.Database ?? builder.Username}\" on {builder.Host}:{builder.Port}";
            }
        }

        /// <summary>The connection string without the password, safe to log or show.</summary>
        public override string ToString() => DisplayName;
    }

    /// <summary>The database named by <c>CALFCOACH_DB</c>, else the default file (<see cref="StoragePaths.DefaultDatabasePath()"/>).</summary>
    /// <exception cref="FormatException">CALFCOACH_DB holds a connection string that cannot be read.</exception>
    public static DatabaseTarget Default()
    {
        var variable = Environment.GetEnvironmentVariable(StoragePaths.DatabaseVariable);
        return !string.IsNullOrWhiteSpace(variable) && LooksLikePostgres(variable)
            ? Parse(variable)
            : new SqliteFile(StoragePaths.DefaultDatabasePath());
    }

    /// <exception cref="FormatException">A connection string that cannot be read; the message names the part and never the password.</exception>
    public static DatabaseTarget Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (IsPostgresUri(trimmed))
        {
            return new Postgres(FromUri(trimmed));
        }

        if (LooksLikePostgres(trimmed))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(trimmed);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new FormatException("The PostgreSQL connection string has no Host=…; add the server's name or address.");
                }

                return new Postgres(builder.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The PostgreSQL connection string cannot be read: {ex.Message}", ex);
            }
        }

        return new SqliteFile(System.IO.Path.GetFullPath(trimmed));
    }

    private static bool IsPostgresUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A URI, or key=value pairs with a host key: a file path never starts with "Host=".</summary>
    private static bool LooksLikePostgres(string text)
    {
        if (IsPostgresUri(text))
        {
            return true;
        }

        var firstKey = text.Split(';', 2)[0].Split('=', 2);
        return firstKey.Length == 2 && firstKey[0].Trim().ToUpperInvariant() is "HOST" or "SERVER" or "DATABASE" or "USERNAME" or "USER ID";
    }

    private static string FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("The PostgreSQL address is not a valid URI; write it as postgres://user:password@host:5432/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var keyValue = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(keyValue[0]);
            var value = keyValue.Length == 2 ? Uri.UnescapeDataString(keyValue[1]) : "";
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = value.ToLowerInvariant() switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new FormatException($"sslmode={value} is not one of disable, allow, prefer, require, verify-ca, verify-full."),
                    };
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, out var seconds) && seconds > 0
                        ? seconds
                        : throw new FormatException($"connect_timeout={value} is not a whole number of seconds.");
                    break;
                default:
                    throw new FormatException(
                        $"The PostgreSQL address has an option CalfCoach does not know: \"{key}\" (known: sslmode, application_name, connect_timeout); use the Host=…;Database=… form for others.");
            }
        }

        return builder.ConnectionString;
    }
}
