namespace CalfCoach.Storage.Tests;

/// <summary>What <c>--db</c> and <c>CALFCOACH_DB</c> accept: a file, a PostgreSQL URI, or Npgsql's key=value form.</summary>
public sealed class DatabaseTargetTests
{
    [Fact]
    public void A_path_is_a_SQLite_file_made_absolute()
    {
        var target = DatabaseTarget.Parse("runs/calfcoach.db");

        var file = Assert.IsType<DatabaseTarget.SqliteFile>(target);
        Assert.Equal(Path.GetFullPath("runs/calfcoach.db"), file.Path);
    }

    [Fact]
    public void A_postgres_URI_becomes_a_connection_string_with_its_escaped_password_and_options()
    {
        var target = DatabaseTarget.Parse("postgres://coach:p%40ss%3Bword@db.example.org:6543/calfcoach?sslmode=require&application_name=calfcoach");

        var postgres = Assert.IsType<DatabaseTarget.Postgres>(target);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        Assert.Equal(("db.example.org", 6543, "coach", "p@ss;word", "calfcoach"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("calfcoach", builder.ApplicationName);
        Assert.DoesNotContain("p@ss", postgres.DisplayName, StringComparison.Ordinal);
        Assert.Contains("db.example.org:6543", postgres.DisplayName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://localhost/calfcoach")]
    [InlineData("Host=localhost;Database=calfcoach;Username=coach")]
    [InlineData("  host=localhost; database=calfcoach  ")]
    public void Both_PostgreSQL_forms_are_recognised(string text)
    {
        var postgres = Assert.IsType<DatabaseTarget.Postgres>(DatabaseTarget.Parse(text));

        Assert.Equal("calfcoach", new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString).Database);
    }

    [Theory]
    [InlineData("postgres://localhost/calfcoach?sslmode=sometimes", "sslmode=sometimes")]
    [InlineData("postgres://localhost/calfcoach?pool=9", "\"pool\"")]
    [InlineData("postgres://localhost/calfcoach?connect_timeout=soon", "connect_timeout=soon")]
    [InlineData("Database=calfcoach;Username=coach", "Host=")]
    [InlineData("Host=localhost;Frobnicate=1", "Frobnicate")]
    public void A_connection_string_that_cannot_be_read_is_refused_naming_the_part(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseTarget.Parse(text));

        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
