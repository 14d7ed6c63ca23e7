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
        // STAND-IN for migration 8, replaced at merge by the runners migration
        new(8, "runners: every row belongs to a runner", d => $"""
            CREATE TABLE runners (
                id {d.IdentityPrimaryKey},
                created_at_unix_ms {d.Int64} NOT NULL
            );
            """),
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
    ];

    public static int LatestVersion => All[^1].Version;
}
