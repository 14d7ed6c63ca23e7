using System.Data.Common;
using System.Text.Json;
using CalfCoach.Core;
using CalfCoach.Core.Activities;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>
/// Activities and import outcomes in a <see cref="Database"/>. Every write is one transaction: an activity
/// is stored with its laps, its streams and its file's outcome, or not at all.
/// </summary>
/// <remarks>
/// Instants are kept to the millisecond (sub-millisecond ticks are dropped, towards the past) and come back
/// in UTC (offset zero, same instant); UTC offsets are kept to the second. NaN in an optional summary field
/// is stored as "not recorded" (null).
/// </remarks>
public sealed class ActivityStore(Database database)
{
    private const string ActivityColumns = """
        id AS Id, content_sha256 AS ContentSha256, source_format AS SourceFormat, source_path AS SourcePath,
        start_unix_ms AS StartUnixMs, utc_offset_s AS UtcOffsetS, sport AS Sport, sub_sport AS SubSport,
        name AS Name, device AS Device, gear AS Gear, elapsed_s AS ElapsedS, timer_s AS TimerS,
        distance_m AS DistanceM, ascent_m AS AscentM, avg_hr_bpm AS AvgHrBpm, max_hr_bpm AS MaxHrBpm,
        avg_cadence_spm AS AvgCadenceSpm, cadence_unit AS CadenceUnit, not_counted_because AS NotCountedBecause, is_partial AS IsPartial, problems_json AS ProblemsJson,
        sample_count AS SampleCount, richness AS Richness, imported_at_unix_ms AS ImportedAtUnixMs
        """;

    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Test seam: runs inside the write transaction right after the activity row is written.</summary>
    internal Action<long>? AfterActivityRowWritten { get; set; }

    /// <summary>
    /// Stores the activity with its laps and streams and records its file as imported, in one transaction.
    /// Idempotent on <see cref="ActivitySource.ContentSha256"/>: when that content is already stored as an
    /// activity, nothing is written and <paramref name="id"/> is the stored activity's id.
    /// </summary>
    /// <remarks>
    /// This does not look for the same run from another file, nor at hashes recorded only in
    /// <c>import_files</c>; the importer checks <see cref="GetFileOutcome"/> and <see cref="FindSameActivity"/> first.
    /// </remarks>
    /// <returns>True when the activity was stored now; false when its content was already stored.</returns>
    public bool TryInsert(Activity activity, out long id) => TryInsert(Prepare(activity), out id);

    /// <summary>
    /// Does the CPU work of storing an activity (row values, richness, stream encoding) outside any
    /// transaction, so an importer can prepare on several threads and keep its single writer short.
    /// </summary>
    public PreparedActivity Prepare(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new PreparedActivity(activity, ActivityParameters.From(activity, Now()), EncodeStreams(activity));
    }

    /// <inheritdoc cref="TryInsert(Activity, out long)"/>
    public bool TryInsert(PreparedActivity prepared, out long id)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        if (ExistingId(connection, transaction, prepared.Row.ContentSha256) is { } existing)
        {
            id = existing;
            return false;
        }

        id = Insert(connection, transaction, prepared);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Stores one copy of a run, deciding against the copies already stored in the same write transaction
    /// as the write itself, so two imports racing (two processes, the CLI and the web server) can never both
    /// store the same run: the same content is stored once; the same run from another file (same sport,
    /// start within <see cref="Activity.SameActivityTolerance"/>) is kept once, as the copy that ranks higher
    /// by <see cref="CopyRank"/>, whichever arrived first.
    /// </summary>
    public StoreDecision Store(PreparedActivity prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var activity = prepared.Activity;
        var rank = new CopyRank(prepared.Richness, activity.Source.Format, activity.Source.ContentSha256);

        using var connection = _database.OpenConnection();

        // A write transaction from the start (SQLite: BEGIN IMMEDIATE), so the look-up below and the write
        // after it are one step for every other writer; a PostgreSQL dialect needs the equivalent lock.
        using var transaction = _database.BeginWrite(connection);
        if (ExistingId(connection, transaction, prepared.Row.ContentSha256) is { } existing)
        {
            return new StoreDecision(StoreOutcome.AlreadyStored, existing, null);
        }

        var candidates = SameActivityCandidates(connection, transaction, activity.Sport, activity.StartUtc, Activity.SameActivityTolerance);
        if (candidates is not [var same, ..])
        {
            var id = Insert(connection, transaction, prepared);
            transaction.Commit();
            return new StoreDecision(StoreOutcome.Inserted, id, null);
        }

        if (rank.Beats(new CopyRank(same.Richness, same.Source.Format, same.Source.ContentSha256)))
        {
            Replace(connection, transaction, same.Id, prepared);
            transaction.Commit();
            return new StoreDecision(StoreOutcome.ReplacedPoorerCopy, same.Id, same.Source);
        }

        UpsertFileOutcome(
            connection, transaction, activity.Source.ContentSha256, activity.Source.Path, ImportOutcome.Duplicate,
            $"the same {activity.Sport.WireName()} as {same.Source.Path}, which has as much or more data", same.Id, prepared.Row.ImportedAtUnixMs);
        transaction.Commit();
        return new StoreDecision(StoreOutcome.KeptRicherCopy, same.Id, same.Source);
    }

    private long? ExistingId(DbConnection connection, DbTransaction transaction, string contentSha256) =>
        connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM activities WHERE runner_id = @Runner AND content_sha256 = @ContentSha256", new { Runner, ContentSha256 = contentSha256 }, transaction);

    private long Insert(DbConnection connection, DbTransaction transaction, PreparedActivity prepared)
    {
        var activity = prepared.Activity;
        var id = connection.QuerySingle<long>(
            """
            INSERT INTO activities (
                runner_id, content_sha256, source_format, source_path, start_unix_ms, utc_offset_s, sport, sub_sport,
                name, device, gear, elapsed_s, timer_s, distance_m, ascent_m, avg_hr_bpm, max_hr_bpm,
                avg_cadence_spm, cadence_unit, not_counted_because, is_partial, problems_json, sample_count, richness, imported_at_unix_ms)
            VALUES (
                @Runner, @ContentSha256, @SourceFormat, @SourcePath, @StartUnixMs, @UtcOffsetS, @Sport, @SubSport,
                @Name, @Device, @Gear, @ElapsedS, @TimerS, @DistanceM, @AscentM, @AvgHrBpm, @MaxHrBpm,
                @AvgCadenceSpm, @CadenceUnit, @NotCountedBecause, @IsPartial, @ProblemsJson, @SampleCount, @Richness, @ImportedAtUnixMs)
            RETURNING id
            """,
            prepared.Row with { Runner = Runner },
            transaction);
        AfterActivityRowWritten?.Invoke(id);
        WriteLapsAndStreams(connection, transaction, id, activity.Laps, prepared.Blob);
        UpsertFileOutcome(connection, transaction, activity.Source.ContentSha256, activity.Source.Path, ImportOutcome.Imported, null, id, prepared.Row.ImportedAtUnixMs);
        return id;
    }

    /// <summary>
    /// Stored activities of <paramref name="sport"/> starting within <paramref name="tolerance"/> of
    /// <paramref name="startUtc"/> (both ends included, as in <see cref="Activity.IsSameActivityAs"/>),
    /// nearest first.
    /// </summary>
    public IReadOnlyList<StoredActivityCandidate> FindSameActivity(Sport sport, DateTimeOffset startUtc, TimeSpan tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        using var connection = _database.OpenConnection();
        return SameActivityCandidates(connection, null, sport, startUtc, tolerance);
    }

    private List<StoredActivityCandidate> SameActivityCandidates(
        DbConnection connection, DbTransaction? transaction, Sport sport, DateTimeOffset startUtc, TimeSpan tolerance)
    {
        var start = startUtc.ToUnixTimeMilliseconds();
        var toleranceMs = tolerance.Ticks / TimeSpan.TicksPerMillisecond;
        return connection.Query<CandidateRow>(
            """
            SELECT id AS Id, start_unix_ms AS StartUnixMs, richness AS Richness,
                   source_format AS SourceFormat, source_path AS SourcePath, content_sha256 AS ContentSha256
            FROM activities
            WHERE runner_id = @Runner AND sport = @Sport AND start_unix_ms BETWEEN @From AND @To
            ORDER BY ABS(start_unix_ms - @Start), id
            """,
            new { Runner, Sport = sport.WireName(), From = start - toleranceMs, To = start + toleranceMs, Start = start },
            transaction)
            .Select(r => new StoredActivityCandidate(
                r.Id, FromUnixMs(r.StartUnixMs), r.Richness, new ActivitySource(r.SourceFormat, r.SourcePath, r.ContentSha256)))
            .ToList();
    }

    /// <summary>
    /// Replaces the stored activity <paramref name="existingId"/> (keeping its id) by a richer copy of the
    /// same run, in one transaction. The poorer copy's file stays recorded, as a duplicate of this
    /// activity, so importing it again is still skipped.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no such activity, or the richer copy's content is already stored as another activity.</exception>
    public void ReplaceActivity(long existingId, Activity richer) => ReplaceActivity(existingId, Prepare(richer));

    /// <inheritdoc cref="ReplaceActivity(long, Activity)"/>
    public void ReplaceActivity(long existingId, PreparedActivity prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        Replace(connection, transaction, existingId, prepared);
        transaction.Commit();
    }

    private void Replace(DbConnection connection, DbTransaction transaction, long existingId, PreparedActivity prepared)
    {
        var richer = prepared.Activity;
        var now = prepared.Row.ImportedAtUnixMs;
        var row = prepared.Row with { Id = existingId, Runner = Runner };
        var blob = prepared.Blob;

        var poorer = connection.QuerySingleOrDefault<SourceRow>(
            "SELECT content_sha256 AS ContentSha256, source_path AS SourcePath FROM activities WHERE runner_id = @Runner AND id = @Id",
            row,
            transaction) ?? throw new InvalidOperationException($"There is no activity {existingId} to replace.");
        var clash = connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM activities WHERE runner_id = @Runner AND content_sha256 = @ContentSha256 AND id <> @Id", row, transaction);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"The content {row.ContentSha256} is already stored as activity {clash}; it cannot also replace activity {existingId}.");
        }

        connection.Execute(
            """
            UPDATE activities SET
                content_sha256 = @ContentSha256, source_format = @SourceFormat, source_path = @SourcePath,
                start_unix_ms = @StartUnixMs, utc_offset_s = @UtcOffsetS, sport = @Sport, sub_sport = @SubSport,
                name = @Name, device = @Device, gear = @Gear, elapsed_s = @ElapsedS, timer_s = @TimerS,
                distance_m = @DistanceM, ascent_m = @AscentM, avg_hr_bpm = @AvgHrBpm, max_hr_bpm = @MaxHrBpm,
                avg_cadence_spm = @AvgCadenceSpm, cadence_unit = @CadenceUnit, not_counted_because = @NotCountedBecause, is_partial = @IsPartial, problems_json = @ProblemsJson,
                sample_count = @SampleCount, richness = @Richness, imported_at_unix_ms = @ImportedAtUnixMs
            WHERE runner_id = @Runner AND id = @Id
            """,
            row,
            transaction);
        AfterActivityRowWritten?.Invoke(existingId);

        connection.Execute("DELETE FROM activity_laps WHERE runner_id = @Runner AND activity_id = @Id", row, transaction);
        connection.Execute("DELETE FROM activity_streams WHERE runner_id = @Runner AND activity_id = @Id", row, transaction);
        WriteLapsAndStreams(connection, transaction, existingId, richer.Laps, blob);

        if (poorer.ContentSha256 != richer.Source.ContentSha256)
        {
            UpsertFileOutcome(
                connection, transaction, poorer.ContentSha256, poorer.SourcePath, ImportOutcome.Duplicate,
                $"replaced by the richer copy {richer.Source.Path}", existingId, now);
        }

        UpsertFileOutcome(connection, transaction, richer.Source.ContentSha256, richer.Source.Path, ImportOutcome.Imported, null, existingId, now);
    }

    /// <summary>
    /// Records what became of a file, replacing any earlier record for the same content. The importer
    /// records duplicates, non-running files and failures here; <see cref="TryInsert(Activity, out long)"/> and
    /// <see cref="ReplaceActivity(long, Activity)"/> record imports themselves.
    /// </summary>
    public void RecordFileOutcome(string contentSha256, string path, ImportOutcome outcome, string? detail = null, long? activityId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentSha256);
        ArgumentNullException.ThrowIfNull(path);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        UpsertFileOutcome(connection, transaction, contentSha256, path, outcome, detail, activityId, Now());
        transaction.Commit();
    }

    /// <summary>The last outcome recorded for this content, or null when it was never seen. Skip the file when <see cref="ImportOutcomeExtensions.IsFinal"/>.</summary>
    public ImportFileRecord? GetFileOutcome(string contentSha256)
    {
        using var connection = _database.OpenConnection();
        var row = connection.QuerySingleOrDefault<FileRow>(
            """
            SELECT content_sha256 AS ContentSha256, path AS Path, outcome AS Outcome, detail AS Detail,
                   activity_id AS ActivityId, recorded_at_unix_ms AS RecordedAtUnixMs
            FROM import_files
            WHERE runner_id = @Runner AND content_sha256 = @ContentSha256
            """,
            new { Runner, ContentSha256 = contentSha256 });
        return row is null
            ? null
            : new ImportFileRecord(
                row.ContentSha256, row.Path, ImportOutcomeExtensions.ParseImportOutcome(row.Outcome), row.Detail, row.ActivityId, FromUnixMs(row.RecordedAtUnixMs));
    }

    /// <summary>Summaries of stored activities starting in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) (either end open when null), of one sport or all, by start time.</summary>
    public IReadOnlyList<ActivitySummary> ListActivities(DateTimeOffset? fromUtc = null, DateTimeOffset? toUtc = null, Sport? sport = null)
    {
        // Conditions are added only when given: PostgreSQL cannot type an untyped "@p IS NULL" parameter.
        var conditions = new List<string> { "runner_id = @Runner" };
        if (fromUtc is not null)
        {
            conditions.Add("start_unix_ms >= @From");
        }

        if (toUtc is not null)
        {
            conditions.Add("start_unix_ms < @To");
        }

        if (sport is not null)
        {
            conditions.Add("sport = @Sport");
        }

        var where = "WHERE " + string.Join(" AND ", conditions);
        using var connection = _database.OpenConnection();
        return connection.Query<ActivityRow>(
            $"SELECT {ActivityColumns} FROM activities {where} ORDER BY start_unix_ms, id",
            new { Runner, From = fromUtc?.ToUnixTimeMilliseconds(), To = toUtc?.ToUnixTimeMilliseconds(), Sport = sport?.WireName() })
            .Select(ToSummary)
            .ToList();
    }

    /// <summary>The stored activity with its laps and decoded streams, or null when there is none with this id.</summary>
    public Activity? LoadActivity(long id)
    {
        using var connection = _database.OpenConnection();
        using var transaction = _database.Dialect.BeginRead(connection);
        var row = connection.QuerySingleOrDefault<ActivityRow>(
            $"SELECT {ActivityColumns} FROM activities WHERE runner_id = @Runner AND id = @Id", new { Runner, Id = id }, transaction);
        if (row is null)
        {
            return null;
        }

        var laps = connection.Query<LapRow>(
            """
            SELECT start_unix_ms AS StartUnixMs, elapsed_s AS ElapsedS, timer_s AS TimerS, distance_m AS DistanceM,
                   avg_hr_bpm AS AvgHrBpm, avg_cadence_spm AS AvgCadenceSpm, avg_speed_mps AS AvgSpeedMps
            FROM activity_laps
            WHERE runner_id = @Runner AND activity_id = @Id
            ORDER BY lap_index
            """,
            new { Runner, Id = id },
            transaction)
            .Select(l => new ActivityLap(FromUnixMs(l.StartUnixMs), l.ElapsedS, l.TimerS, l.DistanceM, l.AvgHrBpm, l.AvgCadenceSpm, l.AvgSpeedMps))
            .ToList();
        var stream = connection.QuerySingleOrDefault<StreamRow>(
            "SELECT codec_version AS CodecVersion, blob AS Blob FROM activity_streams WHERE runner_id = @Runner AND activity_id = @Id", new { Runner, Id = id }, transaction);
        transaction.Commit();

        if (stream is not null && stream.CodecVersion != StreamCodec.Version)
        {
            throw new InvalidDataException($"Activity {id}: stream codec version {stream.CodecVersion} is not supported (this build reads version {StreamCodec.Version}).");
        }

        return new Activity
        {
            StartUtc = FromUnixMs(row.StartUnixMs),
            UtcOffset = row.UtcOffsetS is { } offset ? TimeSpan.FromSeconds(offset) : null,
            Sport = SportExtensions.ParseSport(row.Sport),
            SubSport = SportExtensions.ParseSubSport(row.SubSport),
            Name = row.Name,
            Device = row.Device,
            Gear = row.Gear,
            ElapsedSeconds = row.ElapsedS,
            TimerSeconds = row.TimerS,
            DistanceMeters = row.DistanceM,
            AscentMeters = row.AscentM,
            AvgHeartRateBpm = row.AvgHrBpm,
            MaxHeartRateBpm = row.MaxHrBpm,
            AvgCadenceStepsPerMinute = row.AvgCadenceSpm,
            CadenceUnit = SportExtensions.ParseCadenceUnit(row.CadenceUnit),
            NotCountedBecause = row.NotCountedBecause,
            Laps = laps,
            Streams = stream is null ? ActivityStreams.Empty : StreamCodec.Decode(stream.Blob),
            Source = new ActivitySource(row.SourceFormat, row.SourcePath, row.ContentSha256),
            IsPartial = row.IsPartial,
            Problems = JsonSerializer.Deserialize<string[]>(row.ProblemsJson) ?? [],
        };
    }

    /// <summary>The number of stored activities.</summary>
    public long Count()
    {
        using var connection = _database.OpenConnection();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM activities WHERE runner_id = @Runner", new { Runner });
    }

    private static byte[]? EncodeStreams(Activity activity) =>
        activity.Streams.Count == 0 ? null : StreamCodec.Encode(activity.Streams);

    private void WriteLapsAndStreams(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<ActivityLap> laps, byte[]? blob)
    {
        connection.Execute(
            """
            INSERT INTO activity_laps (
                runner_id, activity_id, lap_index, start_unix_ms, elapsed_s, timer_s, distance_m, avg_hr_bpm, avg_cadence_spm, avg_speed_mps)
            VALUES (@Runner, @ActivityId, @LapIndex, @StartUnixMs, @ElapsedS, @TimerS, @DistanceM, @AvgHrBpm, @AvgCadenceSpm, @AvgSpeedMps)
            """,
            laps.Select((lap, index) => new
            {
                Runner,
                ActivityId = id,
                LapIndex = index,
                StartUnixMs = lap.StartUtc.ToUnixTimeMilliseconds(),
                ElapsedS = lap.ElapsedSeconds,
                TimerS = NullIfNaN(lap.TimerSeconds),
                DistanceM = NullIfNaN(lap.DistanceMeters),
                AvgHrBpm = NullIfNaN(lap.AvgHeartRateBpm),
                AvgCadenceSpm = NullIfNaN(lap.AvgCadenceStepsPerMinute),
                AvgSpeedMps = NullIfNaN(lap.AvgSpeedMetersPerSecond),
            }),
            transaction);

        if (blob is not null)
        {
            connection.Execute(
                "INSERT INTO activity_streams (runner_id, activity_id, codec_version, blob) VALUES (@Runner, @Id, @Version, @Blob)",
                new { Runner, Id = id, StreamCodec.Version, Blob = blob },
                transaction);
        }
    }

    private void UpsertFileOutcome(
        DbConnection connection, DbTransaction transaction, string contentSha256, string path, ImportOutcome outcome, string? detail, long? activityId, long nowUnixMs) =>
        connection.Execute(
            """
            INSERT INTO import_files (runner_id, content_sha256, path, outcome, detail, activity_id, recorded_at_unix_ms)
            VALUES (@Runner, @ContentSha256, @Path, @Outcome, @Detail, @ActivityId, @Now)
            ON CONFLICT (runner_id, content_sha256) DO UPDATE SET
                path = excluded.path, outcome = excluded.outcome, detail = excluded.detail,
                activity_id = excluded.activity_id, recorded_at_unix_ms = excluded.recorded_at_unix_ms
            """,
            new { Runner, ContentSha256 = contentSha256, Path = path, Outcome = outcome.WireName(), Detail = ProblemText.BoundOrNull(detail), ActivityId = activityId, Now = nowUnixMs },
            transaction);

    private long Now() => _database.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Every statement's runner: the one the database handle is scoped to (<see cref="Database.Runner"/>).</summary>
    private long Runner => _database.RunnerKey;

    private static DateTimeOffset FromUnixMs(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private static double? NullIfNaN(double? value) => value is { } v && double.IsNaN(v) ? null : value;

    private static ActivitySummary ToSummary(ActivityRow r) => new(
        r.Id,
        FromUnixMs(r.StartUnixMs),
        r.UtcOffsetS is { } offset ? TimeSpan.FromSeconds(offset) : null,
        SportExtensions.ParseSport(r.Sport),
        SportExtensions.ParseSubSport(r.SubSport),
        r.Name,
        r.Device,
        r.Gear,
        r.ElapsedS,
        r.TimerS,
        r.DistanceM,
        r.AscentM,
        r.AvgHrBpm,
        r.MaxHrBpm,
        r.AvgCadenceSpm,
        r.IsPartial,
        r.NotCountedBecause,
        (int)r.SampleCount,
        r.Richness,
        new ActivitySource(r.SourceFormat, r.SourcePath, r.ContentSha256),
        FromUnixMs(r.ImportedAtUnixMs));

    /// <summary>The parameters of an activities row.</summary>
    internal sealed record ActivityParameters(
        long Id,
        string ContentSha256,
        string SourceFormat,
        string SourcePath,
        long StartUnixMs,
        long? UtcOffsetS,
        string Sport,
        string SubSport,
        string? Name,
        string? Device,
        string? Gear,
        double ElapsedS,
        double? TimerS,
        double? DistanceM,
        double? AscentM,
        double? AvgHrBpm,
        double? MaxHrBpm,
        double? AvgCadenceSpm,
        string CadenceUnit,
        string? NotCountedBecause,
        bool IsPartial,
        string ProblemsJson,
        long SampleCount,
        long Richness,
        long ImportedAtUnixMs)
    {
        /// <summary>The runner the row is written for, set by the store at the write (never by whoever prepared the row).</summary>
        public long Runner { get; init; }

        public static ActivityParameters From(Activity a, long importedAtUnixMs)
        {
            ArgumentNullException.ThrowIfNull(a.Source);
            if (a.UtcOffset is { } offset && offset.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new ArgumentException($"A UTC offset is stored to the second; {offset} has a fraction of a second.", nameof(a));
            }

            if (double.IsNaN(a.ElapsedSeconds))
            {
                throw new ArgumentException("An activity's elapsed time must be known (it is NaN).", nameof(a));
            }

            if (a.Laps.Any(lap => double.IsNaN(lap.ElapsedSeconds)))
            {
                throw new ArgumentException("A lap's elapsed time must be known (one is NaN).", nameof(a));
            }

            return new(
                0,
                a.Source.ContentSha256,
                a.Source.Format,
                a.Source.Path,
                a.StartUtc.ToUnixTimeMilliseconds(),
                a.UtcOffset is { } o ? (long)o.TotalSeconds : null,
                a.Sport.WireName(),
                a.SubSport.WireName(),
                a.Name,
                a.Device,
                a.Gear,
                a.ElapsedSeconds,
                NullIfNaN(a.TimerSeconds),
                NullIfNaN(a.DistanceMeters),
                NullIfNaN(a.AscentMeters),
                NullIfNaN(a.AvgHeartRateBpm),
                NullIfNaN(a.MaxHeartRateBpm),
                NullIfNaN(a.AvgCadenceStepsPerMinute),
                a.CadenceUnit.WireName(),
                a.NotCountedBecause,
                a.IsPartial,
                // Every problem is bounded where it is stored, whichever reader wrote it.
                JsonSerializer.Serialize(a.Problems.Select(ProblemText.Bound)),
                a.Streams.Count,
                a.Richness,
                importedAtUnixMs);
        }
    }

    // Row shapes Dapper fills by property name from the aliases in the SQL above.
    private sealed class ActivityRow
    {
        public long Id { get; init; }

        public string ContentSha256 { get; init; } = "";

        public string SourceFormat { get; init; } = "";

        public string SourcePath { get; init; } = "";

        public long StartUnixMs { get; init; }

        public long? UtcOffsetS { get; init; }

        public string Sport { get; init; } = "";

        public string SubSport { get; init; } = "";

        public string? Name { get; init; }

        public string? Device { get; init; }

        public string? Gear { get; init; }

        public double ElapsedS { get; init; }

        public double? TimerS { get; init; }

        public double? DistanceM { get; init; }

        public double? AscentM { get; init; }

        public double? AvgHrBpm { get; init; }

        public double? MaxHrBpm { get; init; }

        public double? AvgCadenceSpm { get; init; }

        public string CadenceUnit { get; init; } = "spm";

        public string? NotCountedBecause { get; init; }

        public bool IsPartial { get; init; }

        public string ProblemsJson { get; init; } = "[]";

        public long SampleCount { get; init; }

        public long Richness { get; init; }

        public long ImportedAtUnixMs { get; init; }
    }

    private sealed class LapRow
    {
        public long StartUnixMs { get; init; }

        public double ElapsedS { get; init; }

        public double? TimerS { get; init; }

        public double? DistanceM { get; init; }

        public double? AvgHrBpm { get; init; }

        public double? AvgCadenceSpm { get; init; }

        public double? AvgSpeedMps { get; init; }
    }

    private sealed class CandidateRow
    {
        public long Id { get; init; }

        public long StartUnixMs { get; init; }

        public long Richness { get; init; }

        public string SourceFormat { get; init; } = "";

        public string SourcePath { get; init; } = "";

        public string ContentSha256 { get; init; } = "";
    }

    private sealed class SourceRow
    {
        public string ContentSha256 { get; init; } = "";

        public string SourcePath { get; init; } = "";
    }

    private sealed class StreamRow
    {
        public long CodecVersion { get; init; }

        public byte[] Blob { get; init; } = [];
    }

    private sealed class FileRow
    {
        public string ContentSha256 { get; init; } = "";

        public string Path { get; init; } = "";

        public string Outcome { get; init; } = "";

        public string? Detail { get; init; }

        public long? ActivityId { get; init; }

        public long RecordedAtUnixMs { get; init; }
    }
}

/// <summary>An activity with its row values and encoded streams computed, ready for a short write transaction.</summary>
public sealed class PreparedActivity
{
    internal PreparedActivity(Activity activity, ActivityStore.ActivityParameters row, byte[]? blob)
    {
        Activity = activity;
        Row = row;
        Blob = blob;
    }

    public Activity Activity { get; }

    /// <summary>See <see cref="Activity.Richness"/>; computed once here.</summary>
    public long Richness => Row.Richness;

    internal ActivityStore.ActivityParameters Row { get; }

    internal byte[]? Blob { get; }
}
