using System.Security.Cryptography;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>A file the runner uploaded, kept byte for byte for their export.</summary>
/// <param name="Name">The name (with any folder path) the file was uploaded under.</param>
public sealed record StoredOriginal(long Id, string Name, string ContentSha256, long Length, DateTimeOffset UploadedAt);

/// <summary>
/// The files a runner uploaded, exactly as they arrived (<c>uploaded_originals</c>, migration 10), so their export gives
/// them back byte-identical and they go with the runner when the account is deleted. Kept once per content; stored and read
/// in chunks of <see cref="ChunkBytes"/>, so memory stays bounded whatever the file's size.
/// </summary>
public sealed class OriginalStore(Database database)
{
    /// <summary>The size of one stored chunk: large enough for few rows, small enough to hold a handful at once.</summary>
    public const int ChunkBytes = 1024 * 1024;

    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>
    /// Keeps <paramref name="content"/> (read from its start to its end) under <paramref name="name"/>, unless the runner
    /// already has a file with the same content. Atomic: after a failure nothing of this file is stored.
    /// </summary>
    /// <param name="content">A seekable stream: it is read twice, once for its hash, once to store it.</param>
    /// <returns>The stored file (the earlier one when the content was stored already).</returns>
    public StoredOriginal Keep(string name, Stream content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable: it is read once for its hash and once to store it.", nameof(content));
        }

        content.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var length = content.Length;
        if (Find(sha) is { } existing)
        {
            return existing;
        }

        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Two uploads of the same file at once: the second insert waits for the first (a unique key) and then inserts nothing.
        var id = connection.ExecuteScalar<long?>(
            """
            INSERT INTO uploaded_originals (runner_id, content_sha256, name, length, uploaded_at_unix_ms) VALUES (@Runner, @Sha, @Name, @Length, @Now)
            ON CONFLICT (runner_id, content_sha256) DO NOTHING RETURNING id
            """,
            new { Runner, Sha = sha, Name = name, Length = length, Now = _database.Time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        if (id is not null)
        {
            content.Position = 0;
            var buffer = new byte[ChunkBytes];
            for (var seq = 0L; ; seq++)
            {
                var read = content.ReadAtLeast(buffer, ChunkBytes, throwOnEndOfStream: false);
                if (read == 0 && seq > 0)
                {
                    break;
                }

                connection.Execute(
                    "INSERT INTO uploaded_original_chunks (runner_id, original_id, seq, bytes) VALUES (@Runner, @Id, @Seq, @Bytes)",
                    new { Runner, Id = id, Seq = seq, Bytes = read == ChunkBytes ? buffer : buffer[..read] },
                    transaction);
                if (read < ChunkBytes)
                {
                    break;
                }
            }
        }

        transaction.Commit();
        return Find(sha) ?? throw new InvalidOperationException("An original just stored could not be read back.");
    }

    /// <summary>The runner's files, in the order they were first uploaded.</summary>
    public IReadOnlyList<StoredOriginal> List()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<Row>($"{Select} WHERE runner_id = @Runner ORDER BY id", new { Runner }).Select(r => r.ToOriginal()).ToList();
    }

    /// <summary>Writes the file's bytes to <paramref name="destination"/>, one chunk at a time.</summary>
    /// <returns>False when the runner has no such file.</returns>
    public bool CopyTo(long id, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var connection = _database.OpenConnection();
        if (connection.ExecuteScalar<long?>("SELECT id FROM uploaded_originals WHERE runner_id = @Runner AND id = @Id", new { Runner, Id = id }) is null)
        {
            return false;
        }

        foreach (var chunk in connection.Query<byte[]>(
            "SELECT bytes FROM uploaded_original_chunks WHERE runner_id = @Runner AND original_id = @Id ORDER BY seq", new { Runner, Id = id }, buffered: false))
        {
            destination.Write(chunk);
        }

        return true;
    }

    private StoredOriginal? Find(string sha)
    {
        using var connection = _database.OpenConnection();
        return connection.QuerySingleOrDefault<Row>($"{Select} WHERE runner_id = @Runner AND content_sha256 = @Sha", new { Runner, Sha = sha })?.ToOriginal();
    }

    private const string Select =
        "SELECT id AS Id, name AS Name, content_sha256 AS Sha, length AS Length, uploaded_at_unix_ms AS UploadedAt FROM uploaded_originals";

    private long Runner => _database.RunnerKey;

    private sealed record Row(long Id, string Name, string Sha, long Length, long UploadedAt)
    {
        public StoredOriginal ToOriginal() => new(Id, Name, Sha, Length, DateTimeOffset.FromUnixTimeMilliseconds(UploadedAt));
    }
}
