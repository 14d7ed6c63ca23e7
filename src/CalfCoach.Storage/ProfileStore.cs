using CalfCoach.Core;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>A stored shoe. Dates are the runner's local calendar dates.</summary>
public sealed record StoredShoe(long Id, string Name, DateOnly StartDate, double StartDistanceMeters, DateOnly? RetiredOn);

/// <summary>Run features per activity (as JSON, shaped by the analysis core), the athlete profile and shoes.</summary>
/// <remarks>
/// Features and the profile are stored as JSON text written by the core's own serialiser: the storage
/// layer does not need to know their shape, and a new field needs no migration. Each features row
/// carries the version of the extractor that wrote it, so stale rows can be recomputed.
/// </remarks>
public sealed class ProfileStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    public void SaveFeatures(long activityId, int version, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var connection = _database.OpenConnection();
        connection.Execute(
            """
            INSERT INTO activity_features (runner_id, activity_id, features_version, features_json) VALUES (@Runner, @ActivityId, @Version, @Json)
            ON CONFLICT (runner_id, activity_id) DO UPDATE SET features_version = excluded.features_version, features_json = excluded.features_json
            """,
            new { Runner, ActivityId = activityId, Version = version, Json = json });
    }

    /// <summary>Every stored features row, oldest activity first.</summary>
    public IReadOnlyList<StoredFeatures> LoadFeatures()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<StoredFeatures>(
            """
            SELECT f.activity_id AS ActivityId, f.features_version AS Version, f.features_json AS Json
            FROM activity_features f JOIN activities a ON a.runner_id = f.runner_id AND a.id = f.activity_id
            WHERE f.runner_id = @Runner
            ORDER BY a.start_unix_ms, a.id
            """,
            new { Runner }).ToList();
    }

    /// <summary>Ids of activities that have no features of <paramref name="version"/> (new, or written by an older extractor).</summary>
    public IReadOnlyList<long> ActivitiesMissingFeatures(int version)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<long>(
            """
            SELECT a.id FROM activities a LEFT JOIN activity_features f ON f.runner_id = a.runner_id AND f.activity_id = a.id
            WHERE a.runner_id = @Runner AND (f.activity_id IS NULL OR f.features_version <> @Version) ORDER BY a.id
            """,
            new { Runner, Version = version }).ToList();
    }

    public string? LoadProfileJson()
    {
        using var connection = _database.OpenConnection();
        return connection.QuerySingleOrDefault<string>("SELECT profile_json FROM athlete_profile WHERE runner_id = @Runner", new { Runner });
    }

    public void SaveProfileJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var connection = _database.OpenConnection();
        connection.Execute(
            """
            INSERT INTO athlete_profile (runner_id, profile_json, updated_at_unix_ms) VALUES (@Runner, @Json, @Now)
            ON CONFLICT (runner_id) DO UPDATE SET profile_json = excluded.profile_json, updated_at_unix_ms = excluded.updated_at_unix_ms
            """,
            new { Runner, Json = json, Now = _database.Time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    /// <returns>The new shoe's id.</returns>
    /// <exception cref="InvalidOperationException">A shoe of that name exists already.</exception>
    public long AddShoe(string name, DateOnly startDate, double startDistanceMeters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(startDistanceMeters);
        if (!double.IsFinite(startDistanceMeters))
        {
            // Infinity would be stored and then break every read of the shoes; shells check InputRules.ShoeStartKm first.
            throw new ArgumentOutOfRangeException(nameof(startDistanceMeters), startDistanceMeters, "A shoe's starting distance must be finite.");
        }

        using var connection = _database.OpenConnection();
        var id = connection.QuerySingleOrDefault<long?>(
            """
            INSERT INTO shoes (runner_id, name, start_date, start_distance_m) VALUES (@Runner, @Name, @StartDate, @StartDistance)
            ON CONFLICT (runner_id, name) DO NOTHING RETURNING id
            """,
            new { Runner, Name = name.Trim(), StartDate = IsoDate.ToText(startDate), StartDistance = startDistanceMeters });
        return id ?? throw new InvalidOperationException($"A shoe named \"{name.Trim()}\" exists already.");
    }

    public IReadOnlyList<StoredShoe> ListShoes()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<ShoeRow>(
            "SELECT id AS Id, name AS Name, start_date AS StartDate, start_distance_m AS StartDistance, retired_on AS RetiredOn FROM shoes WHERE runner_id = @Runner ORDER BY start_date, id",
            new { Runner })
            .Select(r => new StoredShoe(r.Id, r.Name, IsoDate.Parse(r.StartDate), r.StartDistance, r.RetiredOn is null ? null : IsoDate.Parse(r.RetiredOn)))
            .ToList();
    }

    /// <returns>False when there is no shoe of that name.</returns>
    public bool RetireShoe(string name, DateOnly retiredOn)
    {
        using var connection = _database.OpenConnection();
        return connection.Execute("UPDATE shoes SET retired_on = @RetiredOn WHERE runner_id = @Runner AND name = @Name", new { Runner, Name = name.Trim(), RetiredOn = IsoDate.ToText(retiredOn) }) > 0;
    }

    /// <summary>Assigns a shoe to one activity (by hand).</summary>
    /// <returns>False when the activity or the shoe does not exist.</returns>
    public bool AssignShoe(long activityId, string shoeName)
    {
        using var connection = _database.OpenConnection();
        return connection.Execute(
            """
            UPDATE activities SET shoe_id = (SELECT id FROM shoes WHERE runner_id = @Runner AND name = @Name)
            WHERE runner_id = @Runner AND id = @Id AND EXISTS (SELECT 1 FROM shoes WHERE runner_id = @Runner AND name = @Name)
            """,
            new { Runner, Id = activityId, Name = shoeName.Trim() }) > 0;
    }

    /// <summary>Activity id → assigned shoe name, for every activity that has one.</summary>
    public IReadOnlyDictionary<long, string> ShoeAssignments()
    {
        using var connection = _database.OpenConnection();
        return connection.Query<(long Id, string Name)>(
                "SELECT a.id, s.name FROM activities a JOIN shoes s ON s.runner_id = a.runner_id AND s.id = a.shoe_id WHERE a.runner_id = @Runner",
                new { Runner })
            .ToDictionary(r => r.Id, r => r.Name);
    }

    /// <summary>
    /// Fingerprints of everything the analysis reads, in two parts: <see cref="AnalysisInputsVersion.Runs"/> (features,
    /// imported files, activities and their shoe assignments) and <see cref="AnalysisInputsVersion.Rest"/> (shoes, profile).
    /// Each changes with every write to what it covers, from this process or another, so an unchanged fingerprint means
    /// what was loaded or computed from those tables still holds. One cheap query over small tables.
    /// </summary>
    public AnalysisInputsVersion InputsVersion()
    {
        using var connection = _database.OpenConnection();
        return connection.QuerySingle<AnalysisInputsVersion>(
            """
            SELECT (SELECT COUNT(*) || '/' || COALESCE(MAX(activity_id), 0) || '/' || COALESCE(SUM(features_version), 0) FROM activity_features WHERE runner_id = @Runner)
                || ':' || (SELECT COUNT(*) || '/' || COALESCE(MAX(recorded_at_unix_ms), 0) FROM import_files WHERE runner_id = @Runner)
                || ':' || (SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) || '/' || COALESCE(SUM(shoe_id), 0) FROM activities WHERE runner_id = @Runner) AS Runs,
                (SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) || '/' || COALESCE(string_agg(start_date || start_distance_m || COALESCE(retired_on, '-'), ',' ORDER BY id), '') FROM shoes WHERE runner_id = @Runner)
                || ':' || COALESCE((SELECT updated_at_unix_ms || profile_json FROM athlete_profile WHERE runner_id = @Runner), '') AS Rest
            """,
            new { Runner });
    }

    /// <summary>Every statement's runner: the one the database handle is scoped to (<see cref="Database.Runner"/>).</summary>
    private long Runner => _database.RunnerKey;

    private sealed record ShoeRow(long Id, string Name, string StartDate, double StartDistance, string? RetiredOn);
}

/// <summary>See <see cref="ProfileStore.InputsVersion"/>.</summary>
public sealed record AnalysisInputsVersion(string Runs, string Rest);

/// <summary>One activity's features as stored.</summary>
public sealed record StoredFeatures(long ActivityId, long Version, string Json);
