using System.Data.Common;
using CalfCoach.Core;
using CalfCoach.Core.Plans;
using Dapper;

namespace CalfCoach.Storage;

/// <summary>Whether a stored answer set was a full assessment or a re-check of the warning signs.</summary>
public enum StoredAssessmentKind
{
    Assessment,
    RedFlagCheck,
}

/// <summary>
/// A stored answer set. The answers are kept as the JSON the runner gave (read back by the core's strict
/// reader), not the result: the result is recomputed, so a corrected rule applies to old answers too.
/// </summary>
/// <param name="Onset">The day the pain began (<paramref name="AsOf"/> minus the days since onset): which episode it belongs to.</param>
public sealed record StoredAssessment(long Id, StoredAssessmentKind Kind, DateOnly AsOf, DateOnly Onset, string AnswersJson);

/// <summary>A stored pain check-in (0–10).</summary>
/// <param name="ClientId">The id the sending client made for it (an offline queue's), or null.</param>
public sealed record StoredPainCheckIn(long Id, DateOnly Day, int Score, bool AtRest, bool Morning, string? Note, string? ClientId = null);

/// <summary>A stored exercise check-in.</summary>
/// <param name="ClientId">The id the sending client made for it (an offline queue's), or null.</param>
public sealed record StoredExerciseCheckIn(long Id, DateOnly Day, string Name, int Sets, int Reps, double? LoadKg, int? Pain, string? ClientId = null);

/// <summary>The kind of event a stored alert was raised by.</summary>
public enum AlertSource
{
    Assessment,
    RedFlagCheck,
    PainCheckIn,
    ExerciseCheckIn,
}

/// <summary>A stored alert, with the row of the event that raised it.</summary>
/// <param name="SourceId">The id of that event's row (in <c>assessments</c>, <c>pain_check_ins</c> or <c>exercise_check_ins</c> by <paramref name="Source"/>).</param>
public sealed record StoredProgrammeAlert(long Id, ProgrammeAlert Alert, AlertSource Source, long SourceId, long RaisedAtUnixMs);

/// <summary>A stored visit to a clinician.</summary>
/// <param name="RecordedBy">The address of the clinician who recorded it on a server; null when the runner logged it.</param>
public sealed record StoredClinicianReview(long Id, DateOnly Day, bool ClearedForRehab, string? Note, string? RecordedBy = null);

/// <summary>The recovery journal: assessments, red-flag re-checks, pain and exercise check-ins and clinician visits, each one row, append-only.</summary>
/// <remarks>
/// Rows are never updated: the programme is a replay of the log (<c>RecoveryProgramme.Evaluate</c>), so a
/// programme on any past date is reproducible. An event and the alerts it raised are written in one transaction, so a
/// check-in is stored whole with its alerts or not at all. Alerts are the one thing not replayed: they are kept as raised.
/// </remarks>
public sealed class JournalStore(Database database)
{
    private readonly Database _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <param name="alerts">The alerts these answers raised (<c>ProgrammeAlerts.OfAnswers</c>), stored with them.</param>
    public long AddAssessment(StoredAssessmentKind kind, DateOnly asOf, DateOnly onset, string answersJson, IReadOnlyList<ProgrammeAlert>? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(answersJson);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO assessments (runner_id, kind, as_of, onset, answers_json, recorded_at_unix_ms)
            VALUES (@Runner, @Kind, @AsOf, @Onset, @Json, @Now) RETURNING id
            """,
            new { Runner, Kind = KindName(kind), AsOf = IsoDate.ToText(asOf), Onset = IsoDate.ToText(onset), Json = answersJson, Now = Now() },
            transaction);
        AddAlerts(connection, transaction, kind == StoredAssessmentKind.Assessment ? AlertSource.Assessment : AlertSource.RedFlagCheck, id, alerts);
        transaction.Commit();
        return id;
    }

    /// <summary>Every answer set dated on or before <paramref name="upTo"/>, in date order, then in the order recorded.</summary>
    public IReadOnlyList<StoredAssessment> Assessments(DateOnly upTo)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<AssessmentRow>(
            """
            SELECT id AS Id, kind AS Kind, as_of AS AsOf, onset AS Onset, answers_json AS Json
            FROM assessments WHERE runner_id = @Runner AND as_of <= @UpTo ORDER BY as_of, id
            """,
            new { Runner, UpTo = IsoDate.ToText(upTo) })
            .Select(r => new StoredAssessment(r.Id, ParseKind(r.Kind), IsoDate.Parse(r.AsOf), IsoDate.Parse(r.Onset), r.Json))
            .ToList();
    }

    /// <summary>Stores a pain check-in; with a <paramref name="clientId"/> already stored, stores nothing and returns that row's id.</summary>
    /// <param name="alerts">The alerts the check-in raised (<c>ProgrammeAlerts.OfPain</c>): stored with it, and not again for a repeat.</param>
    public long AddPain(DateOnly day, int score, bool atRest, bool morning, string? note, string? clientId = null, IReadOnlyList<ProgrammeAlert>? alerts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);

        // DO NOTHING returns no row on a repeat; the stored row is then read in the same transaction, so two copies of one
        // queued check-in arriving at once still give one row and the same id to both.
        var inserted = connection.ExecuteScalar<long?>(
            """
            INSERT INTO pain_check_ins (runner_id, day, score, at_rest, morning, note, recorded_at_unix_ms, client_id)
            VALUES (@Runner, @Day, @Score, @AtRest, @Morning, @Note, @Now, @ClientId)
            ON CONFLICT (runner_id, client_id) DO NOTHING RETURNING id
            """,
            new { Runner, Day = IsoDate.ToText(day), Score = score, AtRest = atRest, Morning = morning, Note = note, Now = Now(), ClientId = clientId },
            transaction);
        if (inserted is not { } id)
        {
            return connection.ExecuteScalar<long>("SELECT id FROM pain_check_ins WHERE runner_id = @Runner AND client_id = @ClientId", new { Runner, ClientId = clientId }, transaction);
        }

        AddAlerts(connection, transaction, AlertSource.PainCheckIn, id, alerts);
        transaction.Commit();
        return id;
    }

    /// <summary>Pain check-ins from <paramref name="from"/> to <paramref name="to"/> (inclusive), in the order logged.</summary>
    public IReadOnlyList<StoredPainCheckIn> Pain(DateOnly from, DateOnly to)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<PainRow>(
            """
            SELECT id AS Id, day AS Day, score AS Score, at_rest AS AtRest, morning AS Morning, note AS Note, client_id AS ClientId
            FROM pain_check_ins WHERE runner_id = @Runner AND day BETWEEN @From AND @To ORDER BY day, id
            """,
            new { Runner, From = IsoDate.ToText(from), To = IsoDate.ToText(to) })
            .Select(r => new StoredPainCheckIn(r.Id, IsoDate.Parse(r.Day), (int)r.Score, r.AtRest, r.Morning, r.Note, r.ClientId))
            .ToList();
    }

    /// <summary>Stores an exercise check-in; with a <paramref name="clientId"/> already stored, stores nothing and returns that row's id.</summary>
    /// <param name="alerts">The alerts the check-in raised (<c>ProgrammeAlerts.OfExercise</c>): stored with it, and not again for a repeat.</param>
    public long AddExercise(DateOnly day, string name, int sets, int reps, double? loadKg, int? pain, string? clientId = null, IReadOnlyList<ProgrammeAlert>? alerts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginWrite(connection);
        var inserted = connection.ExecuteScalar<long?>(
            """
            INSERT INTO exercise_check_ins (runner_id, day, name, sets, reps, load_kg, pain, recorded_at_unix_ms, client_id)
            VALUES (@Runner, @Day, @Name, @Sets, @Reps, @LoadKg, @Pain, @Now, @ClientId)
            ON CONFLICT (runner_id, client_id) DO NOTHING RETURNING id
            """,
            new { Runner, Day = IsoDate.ToText(day), Name = name, Sets = sets, Reps = reps, LoadKg = loadKg, Pain = pain, Now = Now(), ClientId = clientId },
            transaction);
        if (inserted is not { } id)
        {
            return connection.ExecuteScalar<long>("SELECT id FROM exercise_check_ins WHERE runner_id = @Runner AND client_id = @ClientId", new { Runner, ClientId = clientId }, transaction);
        }

        AddAlerts(connection, transaction, AlertSource.ExerciseCheckIn, id, alerts);
        transaction.Commit();
        return id;
    }

    /// <summary>Exercise check-ins from <paramref name="from"/> to <paramref name="to"/> (inclusive), in the order logged.</summary>
    public IReadOnlyList<StoredExerciseCheckIn> Exercises(DateOnly from, DateOnly to)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<ExerciseRow>(
            """
            SELECT id AS Id, day AS Day, name AS Name, sets AS Sets, reps AS Reps, load_kg AS LoadKg, pain AS Pain, client_id AS ClientId
            FROM exercise_check_ins WHERE runner_id = @Runner AND day BETWEEN @From AND @To ORDER BY day, id
            """,
            new { Runner, From = IsoDate.ToText(from), To = IsoDate.ToText(to) })
            .Select(r => new StoredExerciseCheckIn(r.Id, IsoDate.Parse(r.Day), r.Name, (int)r.Sets, (int)r.Reps, r.LoadKg, r.Pain is { } p ? (int)p : null, r.ClientId))
            .ToList();
    }

    /// <param name="recordedBy">The clinician recording it through a share (kept with the visit); null when the runner logs it.</param>
    public long AddClinicianReview(DateOnly day, bool clearedForRehab, string? note, AuditActor? recordedBy = null)
    {
        using var connection = _database.OpenConnection();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO clinician_reviews (runner_id, day, cleared_for_rehab, note, recorded_at_unix_ms, recorded_by_account_id, recorded_by_email)
            VALUES (@Runner, @Day, @Cleared, @Note, @Now, @ById, @ByEmail) RETURNING id
            """,
            new { Runner, Day = IsoDate.ToText(day), Cleared = clearedForRehab, Note = note, Now = Now(), ById = recordedBy?.AccountId, ByEmail = recordedBy?.Email });
    }

    /// <summary>Clinician visits from <paramref name="from"/> to <paramref name="to"/> (inclusive), in the order logged.</summary>
    public IReadOnlyList<StoredClinicianReview> ClinicianReviews(DateOnly from, DateOnly to)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<ReviewRow>(
            """
            SELECT id AS Id, day AS Day, cleared_for_rehab AS Cleared, note AS Note, recorded_by_email AS RecordedBy
            FROM clinician_reviews WHERE runner_id = @Runner AND day BETWEEN @From AND @To ORDER BY day, id
            """,
            new { Runner, From = IsoDate.ToText(from), To = IsoDate.ToText(to) })
            .Select(r => new StoredClinicianReview(r.Id, IsoDate.Parse(r.Day), r.Cleared, r.Note, r.RecordedBy))
            .ToList();
    }

    /// <summary>A task of the day's plan ticked as done (the task's id; checked against that day's tasks by the caller).</summary>
    public long AddTaskCheckOff(DateOnly day, string task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        using var connection = _database.OpenConnection();
        return connection.ExecuteScalar<long>(
            "INSERT INTO task_check_offs (runner_id, day, task, recorded_at_unix_ms) VALUES (@Runner, @Day, @Task, @Now) RETURNING id",
            new { Runner, Day = IsoDate.ToText(day), Task = task, Now = Now() });
    }

    /// <summary>The tasks ticked as done on <paramref name="day"/>, each once.</summary>
    public IReadOnlySet<string> TasksDone(DateOnly day)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<string>("SELECT DISTINCT task FROM task_check_offs WHERE runner_id = @Runner AND day = @Day", new { Runner, Day = IsoDate.ToText(day) }).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The alerts dated from <paramref name="from"/> to <paramref name="to"/> (inclusive) that no clinician's visit up to
    /// <paramref name="to"/> has cleared, newest first. A visit clears what happened up to it: alerts of earlier days, and
    /// those of its own day raised before it was recorded.
    /// </summary>
    public IReadOnlyList<StoredProgrammeAlert> AlertsSinceLatestReview(DateOnly from, DateOnly to)
    {
        using var connection = _database.OpenConnection();
        return connection.Query<AlertRow>(
            """
            SELECT a.id AS Id, a.kind AS Kind, a.day AS Day, a.detail AS Detail, a.source_kind AS Source, a.source_id AS SourceId,
                a.raised_at_unix_ms AS RaisedAt
            FROM programme_alerts a
            WHERE a.runner_id = @Runner AND a.day BETWEEN @From AND @To
                AND NOT EXISTS (
                    SELECT 1 FROM clinician_reviews r
                    WHERE r.runner_id = a.runner_id AND r.day <= @To
                        AND (r.day > a.day OR (r.day = a.day AND r.recorded_at_unix_ms >= a.raised_at_unix_ms)))
            ORDER BY a.day DESC, a.id DESC
            """,
            new { Runner, From = IsoDate.ToText(from), To = IsoDate.ToText(to) })
            .Select(r => new StoredProgrammeAlert(
                r.Id,
                new ProgrammeAlert(ParseAlertKind(r.Kind), IsoDate.Parse(r.Day), r.Detail),
                ParseSource(r.Source),
                r.SourceId,
                r.RaisedAt))
            .ToList();
    }

    /// <summary>The day of the latest pain or exercise check-in from <paramref name="from"/> to <paramref name="to"/> (inclusive); null when none.</summary>
    public DateOnly? LatestCheckIn(DateOnly from, DateOnly to)
    {
        using var connection = _database.OpenConnection();
        var day = connection.ExecuteScalar<string?>(
            """
            SELECT MAX(day) FROM (
                SELECT day FROM pain_check_ins WHERE runner_id = @Runner AND day BETWEEN @From AND @To
                UNION ALL
                SELECT day FROM exercise_check_ins WHERE runner_id = @Runner AND day BETWEEN @From AND @To) AS check_ins
            """,
            new { Runner, From = IsoDate.ToText(from), To = IsoDate.ToText(to) });
        return day is null ? null : IsoDate.Parse(day);
    }

    private void AddAlerts(DbConnection connection, DbTransaction transaction, AlertSource source, long sourceId, IReadOnlyList<ProgrammeAlert>? alerts)
    {
        foreach (var alert in alerts ?? [])
        {
            connection.Execute(
                """
                INSERT INTO programme_alerts (runner_id, kind, day, detail, source_kind, source_id, raised_at_unix_ms)
                VALUES (@Runner, @Kind, @Day, @Detail, @Source, @SourceId, @Now)
                """,
                new { Runner, Kind = ProgrammeAlertKinds.Name(alert.Kind), Day = IsoDate.ToText(alert.Day), alert.Detail, Source = SourceName(source), SourceId = sourceId, Now = Now() },
                transaction);
        }
    }

    private long Now() => _database.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Every statement's runner: the one the database handle is scoped to (<see cref="Database.Runner"/>).</summary>
    private long Runner => _database.RunnerKey;

    private static string KindName(StoredAssessmentKind kind) => kind switch
    {
        StoredAssessmentKind.Assessment => "assessment",
        StoredAssessmentKind.RedFlagCheck => "red-flag-check",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static StoredAssessmentKind ParseKind(string text) => text switch
    {
        "assessment" => StoredAssessmentKind.Assessment,
        "red-flag-check" => StoredAssessmentKind.RedFlagCheck,
        _ => throw new InvalidDataException($"Unknown assessment kind \"{text}\" in the database."),
    };

    private static string SourceName(AlertSource source) => source switch
    {
        AlertSource.Assessment => "assessment",
        AlertSource.RedFlagCheck => "red-flag-check",
        AlertSource.PainCheckIn => "pain",
        AlertSource.ExerciseCheckIn => "exercise",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static AlertSource ParseSource(string text) => text switch
    {
        "assessment" => AlertSource.Assessment,
        "red-flag-check" => AlertSource.RedFlagCheck,
        "pain" => AlertSource.PainCheckIn,
        "exercise" => AlertSource.ExerciseCheckIn,
        _ => throw new InvalidDataException($"Unknown alert source \"{text}\" in the database."),
    };

    private static ProgrammeAlertKind ParseAlertKind(string text) =>
        ProgrammeAlertKinds.TryParse(text, out var kind) ? kind : throw new InvalidDataException($"Unknown alert kind \"{text}\" in the database.");

    private sealed record AlertRow(long Id, string Kind, string Day, string Detail, string Source, long SourceId, long RaisedAt);

    private sealed record AssessmentRow(long Id, string Kind, string AsOf, string Onset, string Json);

    // Rows with a flag are classes with properties, not positional records: Dapper converts SQLite's integer flags and
    // PostgreSQL's booleans alike when it sets a bool property, while a constructor must match each column's type exactly.
    private sealed class PainRow
    {
        public long Id { get; init; }

        public string Day { get; init; } = "";

        public long Score { get; init; }

        public bool AtRest { get; init; }

        public bool Morning { get; init; }

        public string? Note { get; init; }

        public string? ClientId { get; init; }
    }

    private sealed class ReviewRow
    {
        public long Id { get; init; }

        public string Day { get; init; } = "";

        public bool Cleared { get; init; }

        public string? Note { get; init; }

        public string? RecordedBy { get; init; }
    }

    private sealed record ExerciseRow(long Id, string Day, string Name, long Sets, long Reps, double? LoadKg, long? Pain, string? ClientId);
}
