import PostgresClient

/// The versioned schema of CallAudit. Append new migrations; never edit an applied one.
public enum CallStoreMigrations {
    /// All migrations, in order.
    public static let all: [PostgresMigration] = [
        PostgresMigration(version: 1, name: "calls, audio, results, criteria, provider calls", sql: """
            CREATE TABLE calls (
                id              uuid PRIMARY KEY,
                external_id     text,
                manager_id      text NOT NULL,
                mode            text NOT NULL,
                source          text NOT NULL,
                status          text NOT NULL DEFAULT 'queued',
                stage           text NOT NULL DEFAULT 'queued',
                language_hint   text,
                dialog_text     text,
                audio_url       text,
                callback_url    text,
                metadata        jsonb NOT NULL DEFAULT '{}',
                idempotency_key text,
                attempts        integer NOT NULL DEFAULT 0,
                error           text,
                created_at      timestamptz NOT NULL DEFAULT now(),
                updated_at      timestamptz NOT NULL DEFAULT now(),
                started_at      timestamptz,
                completed_at    timestamptz
            );
            CREATE UNIQUE INDEX calls_external_id_mode ON calls (external_id, mode) WHERE external_id IS NOT NULL;
            CREATE UNIQUE INDEX calls_idempotency_key ON calls (idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX calls_created ON calls (created_at DESC, id DESC);
            CREATE INDEX calls_manager_created ON calls (manager_id, created_at DESC);
            CREATE INDEX calls_unfinished ON calls (updated_at) WHERE status IN ('queued', 'processing');

            CREATE TABLE call_audio (
                call_id      uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
                filename     text,
                content_type text,
                size_bytes   bigint NOT NULL,
                data         bytea NOT NULL
            );

            CREATE TABLE call_results (
                call_id            uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
                manager_id         text NOT NULL,
                mode               text NOT NULL,
                call_created_at    timestamptz NOT NULL,
                total_score        integer NOT NULL CHECK (total_score BETWEEN 0 AND 100),
                language           text NOT NULL,
                sentiment          text NOT NULL,
                sentiment_score    double precision NOT NULL,
                has_profanity      boolean NOT NULL,
                profanity_count    integer NOT NULL,
                result             jsonb NOT NULL,
                completed_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX call_results_report ON call_results (call_created_at, manager_id, mode);
            CREATE INDEX call_results_manager ON call_results (manager_id, call_created_at);

            CREATE TABLE criterion_scores (
                call_id  uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
                key      text NOT NULL,
                name     text NOT NULL,
                score    integer NOT NULL CHECK (score BETWEEN 0 AND 100),
                weight   double precision NOT NULL,
                evidence text,
                PRIMARY KEY (call_id, key)
            );

            CREATE TABLE provider_calls (
                id            bigserial PRIMARY KEY,
                call_id       uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
                step          text NOT NULL,
                provider      text NOT NULL,
                model         text,
                http_status   integer,
                latency_ms    integer NOT NULL DEFAULT 0,
                input_tokens  integer NOT NULL DEFAULT 0,
                output_tokens integer NOT NULL DEFAULT 0,
                audio_seconds double precision NOT NULL DEFAULT 0,
                cost_usd      numeric(12, 6) NOT NULL DEFAULT 0,
                created_at    timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX provider_calls_call ON provider_calls (call_id);
            """),
        PostgresMigration(version: 2, name: "provider answer cache, cost per call", sql: """
            ALTER TABLE call_results ADD COLUMN cost_usd numeric(12, 6) NOT NULL DEFAULT 0;

            CREATE TABLE provider_cache (
                key        text PRIMARY KEY,
                step       text NOT NULL,
                answer     jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """),
        PostgresMigration(version: 3, name: "reviewed results", sql: """
            ALTER TABLE call_results ADD COLUMN reviewed boolean NOT NULL DEFAULT false;
            """),
        reportAggregates,
        reviews,
        callbacks,
        audioChunks,
        chat,
        liveTranscripts,
        criterionTotals,
        reportBackfill,
        reportChanges,
        reportWeeks,
        seriesLatestTotals,
    ]
}
