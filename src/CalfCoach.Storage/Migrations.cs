namespace CalfCoach.Storage;

/// <summary>One schema step. Applied once, in its own transaction, in version order; never edited after release.</summary>
internal sealed record Migration(int Version, string Name, Func<SqlDialect, string> Sql);

/// <summary>
/// The schema's history. To change the schema, append a migration with the next version; never edit or
/// reorder a released one (databases in the field have already run it).
/// </summary>
/// <remarks>
/// Instants are stored as Unix milliseconds in 64-bit integers (<c>…_unix_ms</c>), not ISO-8601 text:
/// every source carries at most millisecond precision (FIT whole seconds, GPX/TCX milliseconds), integer
/// comparisons make the duplicate window and listing ranges plain <c>BETWEEN</c>s on an index with no
/// text-format pitfalls ("Z" versus "+00:00" sort differently), and the column means the same in
/// PostgreSQL. UTC offsets are whole seconds because a FIT offset is the difference of two whole-second
/// timestamps and need not be whole minutes.
/// </remarks>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "activities, laps, streams and import files", d => $"""
            CREATE TABLE activities (
                id {d.IdentityPrimaryKey},
                content_sha256 {d.Text} NOT NULL UNIQUE,
                source_format {d.Text} NOT NULL,
                source_path {d.Text} NOT NULL,
                start_unix_ms {d.Int64} NOT NULL,
                utc_offset_s {d.Int64} NULL,
                sport {d.Text} NOT NULL,
                sub_sport {d.Text} NOT NULL,
                name {d.Text} NULL,
                device {d.Text} NULL,
                gear {d.Text} NULL,
                elapsed_s {d.Double} NOT NULL,
                timer_s {d.Double} NULL,
                distance_m {d.Double} NULL,
                ascent_m {d.Double} NULL,
                avg_hr_bpm {d.Double} NULL,
                max_hr_bpm {d.Double} NULL,
                avg_cadence_spm {d.Double} NULL,
                is_partial {d.Boolean} NOT NULL,
                problems_json {d.Text} NOT NULL,
                sample_count {d.Int64} NOT NULL,
                richness {d.Int64} NOT NULL,
                imported_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_activities_sport_start ON activities (sport, start_unix_ms);
            CREATE INDEX ix_activities_start ON activities (start_unix_ms);

            CREATE TABLE activity_laps (
                activity_id {d.Int64} NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
                lap_index {d.Int64} NOT NULL,
                start_unix_ms {d.Int64} NOT NULL,
                elapsed_s {d.Double} NOT NULL,
                timer_s {d.Double} NULL,
                distance_m {d.Double} NULL,
                avg_hr_bpm {d.Double} NULL,
                avg_cadence_spm {d.Double} NULL,
                avg_speed_mps {d.Double} NULL,
                PRIMARY KEY (activity_id, lap_index)
            );

            CREATE TABLE activity_streams (
                activity_id {d.Int64} NOT NULL PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
                codec_version {d.Int64} NOT NULL,
                blob {d.Blob} NOT NULL
            );

            CREATE TABLE import_files (
                content_sha256 {d.Text} NOT NULL PRIMARY KEY,
                path {d.Text} NOT NULL,
                outcome {d.Text} NOT NULL,
                detail {d.Text} NULL,
                activity_id {d.Int64} NULL REFERENCES activities (id) ON DELETE SET NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL
            );
            """),
        new(2, "run features, athlete profile and shoes", d => $"""
            CREATE TABLE activity_features (
                activity_id {d.Int64} NOT NULL PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
                features_version {d.Int64} NOT NULL,
                features_json {d.Text} NOT NULL
            );

            CREATE TABLE athlete_profile (
                id {d.Int64} NOT NULL PRIMARY KEY CHECK (id = 1),
                profile_json {d.Text} NOT NULL,
                updated_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE TABLE shoes (
                id {d.IdentityPrimaryKey},
                name {d.Text} NOT NULL UNIQUE,
                start_date {d.Text} NOT NULL,
                start_distance_m {d.Double} NOT NULL,
                retired_on {d.Text} NULL
            );

            ALTER TABLE activities ADD COLUMN shoe_id {d.Int64} NULL REFERENCES shoes (id) ON DELETE SET NULL;
            """),
        new(3, "recovery journal: assessments and check-ins", d => $"""
            CREATE TABLE assessments (
                id {d.IdentityPrimaryKey},
                kind {d.Text} NOT NULL CHECK (kind IN ('assessment', 'red-flag-check')),
                as_of {d.Text} NOT NULL,
                onset {d.Text} NOT NULL,
                answers_json {d.Text} NOT NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_assessments_as_of ON assessments (as_of, id);

            CREATE TABLE pain_check_ins (
                id {d.IdentityPrimaryKey},
                day {d.Text} NOT NULL,
                score {d.Int64} NOT NULL CHECK (score BETWEEN 0 AND 10),
                at_rest {d.Boolean} NOT NULL,
                morning {d.Boolean} NOT NULL,
                note {d.Text} NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_pain_check_ins_day ON pain_check_ins (day, id);

            CREATE TABLE exercise_check_ins (
                id {d.IdentityPrimaryKey},
                day {d.Text} NOT NULL,
                name {d.Text} NOT NULL,
                sets {d.Int64} NOT NULL CHECK (sets >= 1),
                reps {d.Int64} NOT NULL CHECK (reps >= 0),
                load_kg {d.Double} NULL,
                pain {d.Int64} NULL CHECK (pain BETWEEN 0 AND 10),
                recorded_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_exercise_check_ins_day ON exercise_check_ins (day, id);

            CREATE TABLE clinician_reviews (
                id {d.IdentityPrimaryKey},
                day {d.Text} NOT NULL,
                cleared_for_rehab {d.Boolean} NOT NULL,
                note {d.Text} NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL
            );
            """),
        new(4, "cadence unit: cadence of every sport is kept, in its own unit", d => $"""
            ALTER TABLE activities ADD COLUMN cadence_unit {d.Text} NOT NULL DEFAULT 'spm';

            -- Rows written before this kept cadence for foot sports only (steps per minute); other sports had none,
            -- so their unit is the sport's, as an import today would write it.
            UPDATE activities SET cadence_unit = CASE sport
                WHEN 'running' THEN 'spm' WHEN 'walking' THEN 'spm' WHEN 'hiking' THEN 'spm'
                WHEN 'cycling' THEN 'rpm' WHEN 'swimming' THEN 'strokes/min' ELSE 'cpm' END;
            """),
        new(5, "implausible activities: kept, marked with the reason, not counted", d => $"""
            ALTER TABLE activities ADD COLUMN not_counted_because {d.Text} NULL;

            -- What an import today would mark by duration alone (ActivityPlausibility.MaxDuration, 14 days), so a
            -- 58-day "run" imported before this stops counting at once.
            UPDATE activities SET not_counted_because =
                'it lasts more than 14 days; no single recorded activity lasts that long (the longest ultras take about a week), so the file is probably several activities joined or has wrong times'
            WHERE elapsed_s > 1209600;
            """),

        new(6, "task check-offs: a task of the day's plan ticked as done", d => $"""
            CREATE TABLE task_check_offs (
                id {d.IdentityPrimaryKey},
                day {d.Text} NOT NULL,
                task {d.Text} NOT NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_task_check_offs_day ON task_check_offs (day, id);
            """),
        new(7, "check-ins keep the id their client made, so a check-in sent twice (an offline queue replayed) is stored once", d => $"""
            ALTER TABLE pain_check_ins ADD COLUMN client_id {d.Text} NULL;
            ALTER TABLE exercise_check_ins ADD COLUMN client_id {d.Text} NULL;

            -- Unique where given; NULLs (the CLI's, older rows) never collide in SQLite or PostgreSQL.
            CREATE UNIQUE INDEX ux_pain_check_ins_client_id ON pain_check_ins (client_id);
            CREATE UNIQUE INDEX ux_exercise_check_ins_client_id ON exercise_check_ins (client_id);
            """),
        new(8, "runners: every row belongs to a runner, keyed and unique per runner", RunnerOwnedTables),
        new(9, "accounts, sessions, API tokens, sign-in throttle, data-protection keys, server settings", d => $"""
            -- The server's shared tables: not owned by a runner, so without runner_id (an athlete's account points at its runner).
            CREATE TABLE accounts (
                id {d.IdentityPrimaryKey},
                email {d.Text} NOT NULL CHECK (length(email) <= 254),
                email_normalized {d.Text} NOT NULL UNIQUE CHECK (length(email_normalized) <= 254),
                password_hash {d.Text} NOT NULL,
                role {d.Text} NOT NULL CHECK (role IN ('athlete', 'clinician', 'admin')),
                runner_id {d.Int64} NULL REFERENCES runners (id),
                security_stamp {d.Text} NOT NULL,
                created_at_unix_ms {d.Int64} NOT NULL
            );

            -- A session's id is the SHA-256 (hex) of the random token in the browser's cookie; the token is never stored.
            CREATE TABLE sessions (
                id {d.Text} NOT NULL PRIMARY KEY,
                account_id {d.Int64} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                created_at_unix_ms {d.Int64} NOT NULL,
                last_seen_at_unix_ms {d.Int64} NOT NULL,
                expires_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_sessions_account ON sessions (account_id);
            CREATE INDEX ix_sessions_expires ON sessions (expires_at_unix_ms);

            -- A revoked token is deleted: nothing is kept that could be mistaken for a live one.
            CREATE TABLE api_tokens (
                id {d.IdentityPrimaryKey},
                account_id {d.Int64} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                name {d.Text} NOT NULL,
                token_sha256 {d.Text} NOT NULL UNIQUE,
                created_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_api_tokens_account ON api_tokens (account_id, id);

            -- One row per failed sign-in, counted per address, per account (e-mail as normalised, known or not) and per
            -- device cookie over a sliding window; rows older than the window are deleted as new ones arrive.
            CREATE TABLE sign_in_failures (
                id {d.IdentityPrimaryKey},
                address {d.Text} NOT NULL,
                email_normalized {d.Text} NOT NULL,
                device_nonce {d.Text} NULL,
                at_unix_ms {d.Int64} NOT NULL
            );

            CREATE INDEX ix_sign_in_failures_address ON sign_in_failures (address, at_unix_ms);
            CREATE INDEX ix_sign_in_failures_email ON sign_in_failures (email_normalized, at_unix_ms);
            CREATE INDEX ix_sign_in_failures_device ON sign_in_failures (device_nonce, at_unix_ms);
            CREATE INDEX ix_sign_in_failures_at ON sign_in_failures (at_unix_ms);

            -- ASP.NET Core data-protection keys (XML), shared by every server process on this database.
            CREATE TABLE data_protection_keys (
                id {d.IdentityPrimaryKey},
                friendly_name {d.Text} NOT NULL UNIQUE,
                xml {d.Text} NOT NULL
            );

            CREATE TABLE server_settings (
                id {d.Int64} NOT NULL PRIMARY KEY CHECK (id = 1),
                self_registration {d.Boolean} NOT NULL
            );
            """),
        new(10, "sharing with clinicians, audit, uploaded originals, account deletions", d => $"""
            -- A runner's consent for one clinician account to read their data, or also record visits (review). Deleting
            -- the row is the revocation: nothing else grants access.
            CREATE TABLE shares (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                clinician_account_id {d.Int64} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                access {d.Text} NOT NULL CHECK (access IN ('read', 'review')),
                created_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, clinician_account_id)
            );

            CREATE INDEX ix_shares_clinician ON shares (clinician_account_id);

            -- Who other than the runner read or changed the runner's data. The actor is copied as text (not a foreign
            -- key), so the record outlives the actor's account; it goes with the runner's.
            CREATE TABLE audit_events (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                at_unix_ms {d.Int64} NOT NULL,
                actor_account_id {d.Int64} NOT NULL,
                actor_email {d.Text} NOT NULL,
                actor_role {d.Text} NOT NULL,
                action {d.Text} NOT NULL,
                resource {d.Text} NOT NULL,
                {d.OwnedKey}
            );

            CREATE INDEX ix_audit_events_at ON audit_events (runner_id, at_unix_ms);

            -- Each file a runner uploaded, byte for byte (for their export), once per content; stored in chunks of at most
            -- 1 MiB so neither writing nor reading one ever holds a whole upload in memory.
            CREATE TABLE uploaded_originals (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                content_sha256 {d.Text} NOT NULL,
                name {d.Text} NOT NULL,
                length {d.Int64} NOT NULL,
                uploaded_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, content_sha256)
            );

            CREATE TABLE uploaded_original_chunks (
                runner_id {d.Int64} NOT NULL,
                original_id {d.Int64} NOT NULL,
                seq {d.Int64} NOT NULL,
                bytes {d.Blob} NOT NULL,
                PRIMARY KEY (runner_id, original_id, seq),
                FOREIGN KEY (runner_id, original_id) REFERENCES uploaded_originals (runner_id, id) ON DELETE CASCADE
            );

            -- A visit recorded by a clinician on a server carries who recorded it (null: the runner logged it).
            ALTER TABLE clinician_reviews ADD COLUMN recorded_by_account_id {d.Int64} NULL;
            ALTER TABLE clinician_reviews ADD COLUMN recorded_by_email {d.Text} NULL;

            -- An erased account leaves only a random id and the time; each clinician it had shared with keeps a pointer to
            -- that record (their own account id, nothing of the runner's), so their list can say a runner left.
            CREATE TABLE account_deletions (
                id {d.Text} NOT NULL PRIMARY KEY,
                deleted_at_unix_ms {d.Int64} NOT NULL
            );

            -- From now on a failed sign-in keeps the SHA-256 of the address it tried, not the address: the rows (a 15-minute
            -- window of the throttle) are dropped rather than converted; at worst a throttle starts afresh at the upgrade.
            DELETE FROM sign_in_failures;

            CREATE TABLE share_endings (
                clinician_account_id {d.Int64} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                deletion_id {d.Text} NOT NULL REFERENCES account_deletions (id) ON DELETE CASCADE,
                PRIMARY KEY (clinician_account_id, deletion_id)
            );
            """),

        new(11, "programme alerts", d => $"""
            -- Alerts for clinicians, stored with the event that raised them and never recomputed (issue 14: alerts come from
            -- new answers and check-ins, never from a change of rules). kind and source_kind are checked in code, not by a
            -- CHECK, so a new kind needs no table rebuild in SQLite.
            CREATE TABLE programme_alerts (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                kind {d.Text} NOT NULL,
                day {d.Text} NOT NULL,
                detail {d.Text} NOT NULL,
                source_kind {d.Text} NOT NULL,
                source_id {d.Int64} NOT NULL,
                raised_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey}
            );

            CREATE INDEX ix_programme_alerts_day ON programme_alerts (runner_id, day, id);
            """),
    ];

    public static int LatestVersion => All[^1].Version;

    /// <summary>Every table that holds a runner's data, parents before children (the order rows are copied in).</summary>
    public static IReadOnlyList<string> RunnerOwned { get; } =
    [
        "shoes", "activities", "activity_laps", "activity_streams", "activity_features", "import_files", "athlete_profile",
        "assessments", "pain_check_ins", "exercise_check_ins", "clinician_reviews", "task_check_offs",
        "shares", "audit_events", "uploaded_originals", "uploaded_original_chunks", "programme_alerts",
    ];

    /// <summary>
    /// The tables that belong to no runner: the schema's own history, the runners themselves, and the server's accounts,
    /// sessions, tokens, sign-in throttle, data-protection keys and settings (migration 9). A distributed database
    /// keeps these as reference tables (copied to every node); every other table is in <see cref="RunnerOwned"/>.
    /// </summary>
    public static IReadOnlyList<string> Shared { get; } =
        [
            "schema_migrations", "runners", "accounts", "sessions", "api_tokens", "sign_in_failures", "data_protection_keys", "server_settings",
            "account_deletions", "share_endings",
        ];

    /// <summary>The runner-owned tables migration 8 rebuilt: frozen, as a released migration must be (later tables are born with runner_id).</summary>
    private static readonly string[] RunnerOwnedAtVersion8 =
    [
        "shoes", "activities", "activity_laps", "activity_streams", "activity_features", "import_files", "athlete_profile",
        "assessments", "pain_check_ins", "exercise_check_ins", "clinician_reviews", "task_check_offs",
    ];

    private static readonly string[] RunnerOwnedWithIds =
        ["shoes", "activities", "assessments", "pain_check_ins", "exercise_check_ins", "clinician_reviews", "task_check_offs"];

    /// <summary>
    /// Migration 8. Each runner-owned table is rebuilt with <c>runner_id</c> first in its key and in every foreign key, so
    /// one runner's rows can live on one node of a distributed PostgreSQL (Citus, distributed by <c>runner_id</c>) and
    /// no join can reach another runner's rows. Uniqueness that was global (a file's content, a shoe's name, a check-in's
    /// client id) becomes per runner: two runners may import the same file. Rows already stored belong to runner 1, the
    /// local runner a SQLite file has always implied.
    /// </summary>
    /// <remarks>
    /// Neither database can add a column to a primary key in place (SQLite cannot alter constraints at all), so the old
    /// tables are renamed, the new ones created and filled with the same ids, and the old ones dropped, children first.
    /// Old indexes are dropped before the rename because index names are global in both databases.
    /// </remarks>
    private static string RunnerOwnedTables(SqlDialect d)
    {
        var renames = string.Join('\n', RunnerOwnedAtVersion8.Select(t => $"ALTER TABLE {t} RENAME TO {t}_v7;"));
        var drops = string.Join('\n', RunnerOwnedAtVersion8.Reverse().Select(t => $"DROP TABLE {t}_v7;"));
        var counters = string.Join('\n', RunnerOwnedWithIds.Select(t => d.CarryIdentity(t, t + "_v7")));
        return $"""
            CREATE TABLE runners (
                id {d.IdentityPrimaryKey},
                created_at_unix_ms {d.Int64} NOT NULL
            );

            -- Runner 1: the one runner a database had before accounts, and the runner of a local SQLite file.
            INSERT INTO runners (created_at_unix_ms) VALUES (0);

            DROP INDEX ix_activities_sport_start;
            DROP INDEX ix_activities_start;
            DROP INDEX ix_assessments_as_of;
            DROP INDEX ix_pain_check_ins_day;
            DROP INDEX ix_exercise_check_ins_day;
            DROP INDEX ix_task_check_offs_day;
            DROP INDEX ux_pain_check_ins_client_id;
            DROP INDEX ux_exercise_check_ins_client_id;

            {renames}

            CREATE TABLE shoes (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                name {d.Text} NOT NULL,
                start_date {d.Text} NOT NULL,
                start_distance_m {d.Double} NOT NULL,
                retired_on {d.Text} NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, name)
            );

            CREATE TABLE activities (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                content_sha256 {d.Text} NOT NULL,
                source_format {d.Text} NOT NULL,
                source_path {d.Text} NOT NULL,
                start_unix_ms {d.Int64} NOT NULL,
                utc_offset_s {d.Int64} NULL,
                sport {d.Text} NOT NULL,
                sub_sport {d.Text} NOT NULL,
                name {d.Text} NULL,
                device {d.Text} NULL,
                gear {d.Text} NULL,
                elapsed_s {d.Double} NOT NULL,
                timer_s {d.Double} NULL,
                distance_m {d.Double} NULL,
                ascent_m {d.Double} NULL,
                avg_hr_bpm {d.Double} NULL,
                max_hr_bpm {d.Double} NULL,
                avg_cadence_spm {d.Double} NULL,
                cadence_unit {d.Text} NOT NULL DEFAULT 'spm',
                not_counted_because {d.Text} NULL,
                is_partial {d.Boolean} NOT NULL,
                problems_json {d.Text} NOT NULL,
                sample_count {d.Int64} NOT NULL,
                richness {d.Int64} NOT NULL,
                imported_at_unix_ms {d.Int64} NOT NULL,
                shoe_id {d.Int64} NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, content_sha256),
                FOREIGN KEY (runner_id, shoe_id) REFERENCES shoes (runner_id, id)
            );

            CREATE TABLE activity_laps (
                runner_id {d.Int64} NOT NULL,
                activity_id {d.Int64} NOT NULL,
                lap_index {d.Int64} NOT NULL,
                start_unix_ms {d.Int64} NOT NULL,
                elapsed_s {d.Double} NOT NULL,
                timer_s {d.Double} NULL,
                distance_m {d.Double} NULL,
                avg_hr_bpm {d.Double} NULL,
                avg_cadence_spm {d.Double} NULL,
                avg_speed_mps {d.Double} NULL,
                PRIMARY KEY (runner_id, activity_id, lap_index),
                FOREIGN KEY (runner_id, activity_id) REFERENCES activities (runner_id, id) ON DELETE CASCADE
            );

            CREATE TABLE activity_streams (
                runner_id {d.Int64} NOT NULL,
                activity_id {d.Int64} NOT NULL,
                codec_version {d.Int64} NOT NULL,
                blob {d.Blob} NOT NULL,
                PRIMARY KEY (runner_id, activity_id),
                FOREIGN KEY (runner_id, activity_id) REFERENCES activities (runner_id, id) ON DELETE CASCADE
            );

            CREATE TABLE activity_features (
                runner_id {d.Int64} NOT NULL,
                activity_id {d.Int64} NOT NULL,
                features_version {d.Int64} NOT NULL,
                features_json {d.Text} NOT NULL,
                PRIMARY KEY (runner_id, activity_id),
                FOREIGN KEY (runner_id, activity_id) REFERENCES activities (runner_id, id) ON DELETE CASCADE
            );

            CREATE TABLE import_files (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                content_sha256 {d.Text} NOT NULL,
                path {d.Text} NOT NULL,
                outcome {d.Text} NOT NULL,
                detail {d.Text} NULL,
                activity_id {d.Int64} NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL,
                PRIMARY KEY (runner_id, content_sha256),
                FOREIGN KEY (runner_id, activity_id) REFERENCES activities (runner_id, id)
            );

            CREATE TABLE athlete_profile (
                runner_id {d.Int64} NOT NULL PRIMARY KEY REFERENCES runners (id) ON DELETE CASCADE,
                profile_json {d.Text} NOT NULL,
                updated_at_unix_ms {d.Int64} NOT NULL
            );

            CREATE TABLE assessments (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                kind {d.Text} NOT NULL CHECK (kind IN ('assessment', 'red-flag-check')),
                as_of {d.Text} NOT NULL,
                onset {d.Text} NOT NULL,
                answers_json {d.Text} NOT NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey}
            );

            CREATE TABLE pain_check_ins (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                day {d.Text} NOT NULL,
                score {d.Int64} NOT NULL CHECK (score BETWEEN 0 AND 10),
                at_rest {d.Boolean} NOT NULL,
                morning {d.Boolean} NOT NULL,
                note {d.Text} NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL,
                client_id {d.Text} NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, client_id)
            );

            CREATE TABLE exercise_check_ins (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                day {d.Text} NOT NULL,
                name {d.Text} NOT NULL,
                sets {d.Int64} NOT NULL CHECK (sets >= 1),
                reps {d.Int64} NOT NULL CHECK (reps >= 0),
                load_kg {d.Double} NULL,
                pain {d.Int64} NULL CHECK (pain BETWEEN 0 AND 10),
                recorded_at_unix_ms {d.Int64} NOT NULL,
                client_id {d.Text} NULL,
                {d.OwnedKey},
                UNIQUE (runner_id, client_id)
            );

            CREATE TABLE clinician_reviews (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                day {d.Text} NOT NULL,
                cleared_for_rehab {d.Boolean} NOT NULL,
                note {d.Text} NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey}
            );

            CREATE TABLE task_check_offs (
                runner_id {d.Int64} NOT NULL REFERENCES runners (id) ON DELETE CASCADE,
                id {d.OwnedId},
                day {d.Text} NOT NULL,
                task {d.Text} NOT NULL,
                recorded_at_unix_ms {d.Int64} NOT NULL,
                {d.OwnedKey}
            );

            INSERT INTO shoes (runner_id, id, name, start_date, start_distance_m, retired_on)
                SELECT 1, id, name, start_date, start_distance_m, retired_on FROM shoes_v7;
            INSERT INTO activities (runner_id, id, content_sha256, source_format, source_path, start_unix_ms, utc_offset_s, sport, sub_sport,
                    name, device, gear, elapsed_s, timer_s, distance_m, ascent_m, avg_hr_bpm, max_hr_bpm, avg_cadence_spm, cadence_unit,
                    not_counted_because, is_partial, problems_json, sample_count, richness, imported_at_unix_ms, shoe_id)
                SELECT 1, id, content_sha256, source_format, source_path, start_unix_ms, utc_offset_s, sport, sub_sport,
                    name, device, gear, elapsed_s, timer_s, distance_m, ascent_m, avg_hr_bpm, max_hr_bpm, avg_cadence_spm, cadence_unit,
                    not_counted_because, is_partial, problems_json, sample_count, richness, imported_at_unix_ms, shoe_id FROM activities_v7;
            INSERT INTO activity_laps (runner_id, activity_id, lap_index, start_unix_ms, elapsed_s, timer_s, distance_m, avg_hr_bpm, avg_cadence_spm, avg_speed_mps)
                SELECT 1, activity_id, lap_index, start_unix_ms, elapsed_s, timer_s, distance_m, avg_hr_bpm, avg_cadence_spm, avg_speed_mps FROM activity_laps_v7;
            INSERT INTO activity_streams (runner_id, activity_id, codec_version, blob)
                SELECT 1, activity_id, codec_version, blob FROM activity_streams_v7;
            INSERT INTO activity_features (runner_id, activity_id, features_version, features_json)
                SELECT 1, activity_id, features_version, features_json FROM activity_features_v7;
            INSERT INTO import_files (runner_id, content_sha256, path, outcome, detail, activity_id, recorded_at_unix_ms)
                SELECT 1, content_sha256, path, outcome, detail, activity_id, recorded_at_unix_ms FROM import_files_v7;
            INSERT INTO athlete_profile (runner_id, profile_json, updated_at_unix_ms)
                SELECT 1, profile_json, updated_at_unix_ms FROM athlete_profile_v7;
            INSERT INTO assessments (runner_id, id, kind, as_of, onset, answers_json, recorded_at_unix_ms)
                SELECT 1, id, kind, as_of, onset, answers_json, recorded_at_unix_ms FROM assessments_v7;
            INSERT INTO pain_check_ins (runner_id, id, day, score, at_rest, morning, note, recorded_at_unix_ms, client_id)
                SELECT 1, id, day, score, at_rest, morning, note, recorded_at_unix_ms, client_id FROM pain_check_ins_v7;
            INSERT INTO exercise_check_ins (runner_id, id, day, name, sets, reps, load_kg, pain, recorded_at_unix_ms, client_id)
                SELECT 1, id, day, name, sets, reps, load_kg, pain, recorded_at_unix_ms, client_id FROM exercise_check_ins_v7;
            INSERT INTO clinician_reviews (runner_id, id, day, cleared_for_rehab, note, recorded_at_unix_ms)
                SELECT 1, id, day, cleared_for_rehab, note, recorded_at_unix_ms FROM clinician_reviews_v7;
            INSERT INTO task_check_offs (runner_id, id, day, task, recorded_at_unix_ms)
                SELECT 1, id, day, task, recorded_at_unix_ms FROM task_check_offs_v7;

            {counters}

            {drops}

            CREATE INDEX ix_activities_sport_start ON activities (runner_id, sport, start_unix_ms);
            CREATE INDEX ix_activities_start ON activities (runner_id, start_unix_ms);
            CREATE INDEX ix_assessments_as_of ON assessments (runner_id, as_of, id);
            CREATE INDEX ix_pain_check_ins_day ON pain_check_ins (runner_id, day, id);
            CREATE INDEX ix_exercise_check_ins_day ON exercise_check_ins (runner_id, day, id);
            CREATE INDEX ix_task_check_offs_day ON task_check_offs (runner_id, day, id);
            """;
    }
}
