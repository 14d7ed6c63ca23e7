using System.Data.Common;
using CalfCoach.Core;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>A stored answer set as an export carries it: the answers JSON verbatim, with when it was recorded.</summary>
public sealed record AssessmentRecord(StoredAssessmentKind Kind, DateOnly AsOf, DateOnly Onset, string AnswersJson, long RecordedAtUnixMs);

/// <summary>A pain check-in as stored, with the id its client made for it (null when none).</summary>
public sealed record PainRecord(DateOnly Day, int Score, bool AtRest, bool Morning, string? Note, string? ClientId, long RecordedAtUnixMs);

/// <summary>An exercise check-in as stored, with the id its client made for it (null when none).</summary>
public sealed record ExerciseRecord(DateOnly Day, string Name, int Sets, int Reps, double? LoadKg, int? Pain, string? ClientId, long RecordedAtUnixMs);

/// <summary>A visit to a clinician as stored.</summary>
/// <param name="RecordedBy">The address of the clinician who recorded it on a server; null when the runner logged it.</param>
public sealed record ClinicianVisitRecord(DateOnly Day, bool ClearedForRehab, string? Note, string? RecordedBy, long RecordedAtUnixMs);

/// <summary>A task of a day's plan ticked as done.</summary>
public sealed record TaskCheckOffRecord(DateOnly Day, string Task, long RecordedAtUnixMs);

/// <summary>Every row of a runner's recovery journal, each list in the order the replay reads it (date, then as recorded).</summary>
public sealed record JournalRecords(
    IReadOnlyList<AssessmentRecord> Assessments,
    IReadOnlyList<PainRecord> Pain,
    IReadOnlyList<ExerciseRecord> Exercises,
    IReadOnlyList<ClinicianVisitRecord> ClinicianVisits,
    IReadOnlyList<TaskCheckOffRecord> TaskCheckOffs)
{
    public bool IsEmpty => Assessments.Count + Pain.Count + Exercises.Count + ClinicianVisits.Count + TaskCheckOffs.Count == 0;
}

/// <summary>A shoe as an export carries it (no id: ids are the database's own).</summary>
public sealed record ShoeRecord(string Name, DateOnly StartDate, double StartDistanceMeters, DateOnly? RetiredOn);

/// <summary>
/// What a runner said about themselves, apart from their activity files: the profile JSON, shoes, which shoe each activity
/// was run in (keyed by the activity's content hash, which a re-import of the same files gives again, unlike its id) and
/// the journal.
/// </summary>
public sealed record RunnerRecords(
    string? ProfileJson,
    IReadOnlyList<ShoeRecord> Shoes,
    IReadOnlyDictionary<string, string> ShoeByActivityContent,
    JournalRecords Journal);

/// <summary>What <see cref="RunnerRecordsStore.Restore"/> wrote.</summary>
/// <param name="ProfileRestored">False when the runner had a profile already (theirs is kept).</param>
/// <param name="ShoesAdded">Shoes added; a shoe of the same name already there is kept as it is.</param>
/// <param name="ShoesAssigned">Activities given their shoe; one with a shoe already, or not stored, is left alone.</param>
/// <param name="JournalRestored">False when the runner's journal was not empty (nothing of it is then written).</param>
public sealed record RestoreOutcome(bool ProfileRestored, int ShoesAdded, int ShoesAssigned, bool JournalRestored);

/// <summary>
/// Reads a runner's records for their export and writes them back into a runner (a re-import), all in one write
/// transaction, so a failure leaves nothing half-restored. Restoring adds only what is missing, so a second restore of
/// the same records changes nothing: the profile only into a runner without one, shoes missing by name, a shoe only onto
/// an activity without one, and the journal only into a runner whose journal is empty (journal rows are append-only and
/// have no natural key, so merging two journals could double a pain score or reorder an episode).
/// </summary>
public sealed class RunnerRecordsStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    public RunnerRecords Read()
    {
        using var connection = _database.OpenConnection();
        var profile = connection.QuerySingleOrDefault<string>("SELECT profile_json FROM athlete_profile WHERE runner_id = @Runner", new { Runner });
        var shoes = connection.Query<ShoeRow>(
                "SELECT name AS Name, start_date AS StartDate, start_distance_m AS StartDistance, retired_on AS RetiredOn FROM shoes WHERE runner_id = @Runner ORDER BY start_date, id",
                new { Runner })
            .Select(r => new ShoeRecord(r.Name, IsoDate.Parse(r.StartDate), r.StartDistance, r.RetiredOn is null ? null : IsoDate.Parse(r.RetiredOn)))
            .ToList();
        var assignments = connection.Query<(string Sha, string Name)>(
                """
                SELECT a.content_sha256, s.name FROM activities a JOIN shoes s ON s.runner_id = a.runner_id AND s.id = a.shoe_id
                WHERE a.runner_id = @Runner ORDER BY a.content_sha256
                """,
                new { Runner })
            .ToDictionary(r => r.Sha, r => r.Name, StringComparer.Ordinal);
        return new RunnerRecords(profile, shoes, assignments, ReadJournal(connection, transaction: null));
    }

    /// <summary>Writes what the runner lacks of <paramref name="records"/> (see the class remarks), in one transaction.</summary>
    public RestoreOutcome Restore(RunnerRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        var now = _database.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var profileRestored = false;
        if (records.ProfileJson is { } profile
            && connection.ExecuteScalar<long>("SELECT COUNT(*) FROM athlete_profile WHERE runner_id = @Runner", new { Runner }, transaction) == 0)
        {
            connection.Execute(
                "INSERT INTO athlete_profile (runner_id, profile_json, updated_at_unix_ms) VALUES (@Runner, @Json, @Now)",
                new { Runner, Json = profile, Now = now },
                transaction);
            profileRestored = true;
        }

        var shoesAdded = 0;
        foreach (var shoe in records.Shoes)
        {
            shoesAdded += connection.Execute(
                """
                INSERT INTO shoes (runner_id, name, start_date, start_distance_m, retired_on) VALUES (@Runner, @Name, @StartDate, @StartDistance, @RetiredOn)
                ON CONFLICT (runner_id, name) DO NOTHING
                """,
                new
                {
                    Runner,
                    Name = shoe.Name.Trim(),
                    StartDate = IsoDate.ToText(shoe.StartDate),
                    StartDistance = shoe.StartDistanceMeters,
                    RetiredOn = shoe.RetiredOn is { } retired ? IsoDate.ToText(retired) : null,
                },
                transaction);
        }

        var assigned = 0;
        foreach (var (sha, name) in records.ShoeByActivityContent.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            assigned += connection.Execute(
                """
                UPDATE activities SET shoe_id = (SELECT id FROM shoes WHERE runner_id = @Runner AND name = @Name)
                WHERE runner_id = @Runner AND content_sha256 = @Sha AND shoe_id IS NULL
                  AND EXISTS (SELECT 1 FROM shoes WHERE runner_id = @Runner AND name = @Name)
                """,
                new { Runner, Sha = sha, Name = name.Trim() },
                transaction);
        }

        var journalRestored = false;
        if (!records.Journal.IsEmpty && ReadJournal(connection, transaction).IsEmpty)
        {
            WriteJournal(connection, transaction, records.Journal);
            journalRestored = true;
        }

        transaction.Commit();
        return new RestoreOutcome(profileRestored, shoesAdded, assigned, journalRestored);
    }

    private JournalRecords ReadJournal(DbConnection connection, DbTransaction? transaction)
    {
        var parameters = new { Runner };
        var assessments = connection.Query<(long Id, string Kind, string AsOf, string Onset, string Json, long At)>(
                "SELECT id, kind, as_of, onset, answers_json, recorded_at_unix_ms FROM assessments WHERE runner_id = @Runner ORDER BY as_of, id", parameters, transaction)
            .Select(r => new AssessmentRecord(
                r.Kind == "red-flag-check" ? StoredAssessmentKind.RedFlagCheck : StoredAssessmentKind.Assessment, IsoDate.Parse(r.AsOf), IsoDate.Parse(r.Onset), r.Json, r.At))
            .ToList();
        var pain = connection.Query<PainRow>(
                """
                SELECT day AS Day, score AS Score, at_rest AS AtRest, morning AS Morning, note AS Note, client_id AS ClientId, recorded_at_unix_ms AS RecordedAt
                FROM pain_check_ins WHERE runner_id = @Runner ORDER BY day, id
                """,
                parameters,
                transaction)
            .Select(r => new PainRecord(IsoDate.Parse(r.Day), (int)r.Score, r.AtRest, r.Morning, r.Note, r.ClientId, r.RecordedAt))
            .ToList();
        var exercises = connection.Query<ExerciseRow>(
                """
                SELECT day AS Day, name AS Name, sets AS Sets, reps AS Reps, load_kg AS LoadKg, pain AS Pain, client_id AS ClientId, recorded_at_unix_ms AS At
                FROM exercise_check_ins WHERE runner_id = @Runner ORDER BY day, id
                """,
                parameters,
                transaction)
            .Select(r => new ExerciseRecord(IsoDate.Parse(r.Day), r.Name, (int)r.Sets, (int)r.Reps, r.LoadKg, r.Pain is { } p ? (int)p : null, r.ClientId, r.At))
            .ToList();
        var visits = connection.Query<VisitRow>(
                """
                SELECT day AS Day, cleared_for_rehab AS Cleared, note AS Note, recorded_by_email AS RecordedBy, recorded_at_unix_ms AS RecordedAt
                FROM clinician_reviews WHERE runner_id = @Runner ORDER BY day, id
                """,
                parameters,
                transaction)
            .Select(r => new ClinicianVisitRecord(IsoDate.Parse(r.Day), r.Cleared, r.Note, r.RecordedBy, r.RecordedAt))
            .ToList();
        var checkOffs = connection.Query<(string Day, string Task, long At)>(
                "SELECT day, task, recorded_at_unix_ms FROM task_check_offs WHERE runner_id = @Runner ORDER BY day, id", parameters, transaction)
            .Select(r => new TaskCheckOffRecord(IsoDate.Parse(r.Day), r.Task, r.At))
            .ToList();
        return new JournalRecords(assessments, pain, exercises, visits, checkOffs);
    }

    /// <summary>Rows go in in the order given, so ids keep the order the replay reads within a day.</summary>
    private void WriteJournal(DbConnection connection, DbTransaction transaction, JournalRecords journal)
    {
        foreach (var a in journal.Assessments)
        {
            connection.Execute(
                """
                INSERT INTO assessments (runner_id, kind, as_of, onset, answers_json, recorded_at_unix_ms)
                VALUES (@Runner, @Kind, @AsOf, @Onset, @Json, @At)
                """,
                new
                {
                    Runner,
                    Kind = a.Kind == StoredAssessmentKind.RedFlagCheck ? "red-flag-check" : "assessment",
                    AsOf = IsoDate.ToText(a.AsOf),
                    Onset = IsoDate.ToText(a.Onset),
                    Json = a.AnswersJson,
                    At = a.RecordedAtUnixMs,
                },
                transaction);
        }

        foreach (var p in journal.Pain)
        {
            connection.Execute(
                """
                INSERT INTO pain_check_ins (runner_id, day, score, at_rest, morning, note, recorded_at_unix_ms, client_id)
                VALUES (@Runner, @Day, @Score, @AtRest, @Morning, @Note, @At, @ClientId)
                """,
                new { Runner, Day = IsoDate.ToText(p.Day), p.Score, p.AtRest, p.Morning, p.Note, At = p.RecordedAtUnixMs, p.ClientId },
                transaction);
        }

        foreach (var e in journal.Exercises)
        {
            connection.Execute(
                """
                INSERT INTO exercise_check_ins (runner_id, day, name, sets, reps, load_kg, pain, recorded_at_unix_ms, client_id)
                VALUES (@Runner, @Day, @Name, @Sets, @Reps, @LoadKg, @Pain, @At, @ClientId)
                """,
                new { Runner, Day = IsoDate.ToText(e.Day), e.Name, e.Sets, e.Reps, e.LoadKg, e.Pain, At = e.RecordedAtUnixMs, e.ClientId },
                transaction);
        }

        foreach (var v in journal.ClinicianVisits)
        {
            // Who recorded it is kept as the address it was; their account belongs to the server the export came from.
            connection.Execute(
                """
                INSERT INTO clinician_reviews (runner_id, day, cleared_for_rehab, note, recorded_at_unix_ms, recorded_by_account_id, recorded_by_email)
                VALUES (@Runner, @Day, @Cleared, @Note, @At, NULL, @ByEmail)
                """,
                new { Runner, Day = IsoDate.ToText(v.Day), Cleared = v.ClearedForRehab, v.Note, At = v.RecordedAtUnixMs, ByEmail = v.RecordedBy },
                transaction);
        }

        foreach (var t in journal.TaskCheckOffs)
        {
            connection.Execute(
                "INSERT INTO task_check_offs (runner_id, day, task, recorded_at_unix_ms) VALUES (@Runner, @Day, @Task, @At)",
                new { Runner, Day = IsoDate.ToText(t.Day), t.Task, At = t.RecordedAtUnixMs },
                transaction);
        }
    }

    private long Runner => _database.RunnerKey;

    private sealed record ExerciseRow(string Day, string Name, long Sets, long Reps, double? LoadKg, long? Pain, string? ClientId, long At);

    private sealed record ShoeRow(string Name, string StartDate, double StartDistance, string? RetiredOn);

    // Flags as settable properties: Dapper converts SQLite's integers and PostgreSQL's booleans alike (see JournalStore).
    private sealed class PainRow
    {
        public string Day { get; init; } = "";

        public long Score { get; init; }

        public bool AtRest { get; init; }

        public bool Morning { get; init; }

        public string? Note { get; init; }

        public string? ClientId { get; init; }

        public long RecordedAt { get; init; }
    }

    private sealed class VisitRow
    {
        public string Day { get; init; } = "";

        public bool Cleared { get; init; }

        public string? Note { get; init; }

        public string? RecordedBy { get; init; }

        public long RecordedAt { get; init; }
    }
}
