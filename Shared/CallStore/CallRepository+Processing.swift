import CallAuditCore
import FailurePolicy
import Foundation
import PostgresClient

extension CallRepository {
    /// Marks queued (or reclaimed) calls as being worked on, in one statement, and returns them; calls that are
    /// finished or unknown are left out, so a redelivered entry is skipped. The first stage follows from the source.
    public func claim(_ ids: [UUID]) async throws -> [CallRecord] {
        guard !ids.isEmpty else { return [] }
        let rows = try await pool.query("""
            UPDATE calls
            SET status = 'processing',
                stage = CASE WHEN source = 'text' THEN 'analyzing' ELSE 'acquiring' END,
                attempts = attempts + 1,
                started_at = coalesce(started_at, now()),
                updated_at = now()
            WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'processing')
            RETURNING \(CallRecord.columns)
            """, [.uuidArray(ids)])
        return try rows.map(CallRecord.init(row:))
    }

    /// Shows the stage a call has reached.
    public func setStage(_ id: UUID, _ stage: PipelineStage) async throws {
        _ = try await pool.query(
            "UPDATE calls SET stage = $2, updated_at = now() WHERE id = $1 AND status = 'processing'",
            [.init(id), .init(stage.rawValue)])
    }

    /// Stores a call's result, criteria and provider usage and marks the call done, in one statement (one transaction).
    /// Running it again for the same call replaces the result: there is never a second one.
    public func saveResult(_ id: UUID, result: AnalysisResult, usage: [ProviderUsage]) async throws {
        try await saveResults([FinishedCall(id: id, result: result, usage: usage)])
    }

    /// Stores several calls' results in one statement: one round trip and one commit for the whole batch. A call's
    /// `provider_calls` and `cost_usd`, in the result and its column, are set here from its `usage` and the requests
    /// that earlier attempts recorded with ``recordUsage(_:_:)``: the result says everything the call cost.
    public func saveResults(_ calls: [FinishedCall]) async throws {
        var seen: Set<UUID> = []
        let unique = calls.reversed().filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return }
        let rows = JSONText.removingNULEscapes(try JSONEncoder().encode(unique))
        _ = try await pool.query("""
            WITH input AS (
                SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, result jsonb, usage jsonb)
            ), call AS (
                UPDATE calls
                SET status = 'done', stage = 'done', error = NULL, completed_at = now(), updated_at = now()
                FROM input
                WHERE calls.id = input.id
                RETURNING calls.id, calls.external_id, calls.manager_id, calls.mode, calls.callback_url, calls.created_at,
                          input.result, input.usage
            ), spent AS (
                SELECT call.id,
                       prior.usage || call.usage AS usage,
                       round(prior.cost + (SELECT coalesce(sum((u ->> 'cost_usd')::numeric), 0)
                                           FROM jsonb_array_elements(call.usage) AS u), 6) AS cost
                FROM call, LATERAL (
                    SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                               'step', p.step, 'provider', p.provider, 'model', p.model, 'http_status', p.http_status,
                               'latency_ms', p.latency_ms, 'input_tokens', p.input_tokens,
                               'output_tokens', p.output_tokens, 'audio_seconds', p.audio_seconds,
                               'cost_usd', p.cost_usd)) ORDER BY p.id), '[]') AS usage,
                           coalesce(sum(p.cost_usd), 0) AS cost
                    FROM provider_calls AS p WHERE p.call_id = call.id
                ) AS prior
            ), saved AS (
                INSERT INTO call_results (call_id, manager_id, mode, call_created_at, total_score, language, sentiment,
                                          sentiment_score, has_profanity, profanity_count, result, cost_usd)
                SELECT call.id, manager_id, mode, created_at, (result ->> 'total_score')::int, result ->> 'language',
                       result -> 'sentiment' -> 'overall' ->> 'label', (result -> 'sentiment' -> 'overall' ->> 'score')::float8,
                       (result -> 'profanity' ->> 'found')::boolean, jsonb_array_length(result -> 'profanity' -> 'spans'),
                       result || jsonb_build_object('provider_calls', spent.usage, 'cost_usd', spent.cost), spent.cost
                FROM call JOIN spent ON spent.id = call.id
                ON CONFLICT (call_id) DO UPDATE SET
                    total_score = EXCLUDED.total_score, language = EXCLUDED.language, sentiment = EXCLUDED.sentiment,
                    sentiment_score = EXCLUDED.sentiment_score, has_profanity = EXCLUDED.has_profanity,
                    profanity_count = EXCLUDED.profanity_count, result = EXCLUDED.result,
                    cost_usd = EXCLUDED.cost_usd, completed_at = now()
                RETURNING call_id
            ), criteria AS (
                INSERT INTO criterion_scores (call_id, key, name, score, weight, evidence)
                SELECT call.id, c.key, c.name, c.score, c.weight, c.evidence
                FROM call, jsonb_to_recordset(call.result -> 'criteria')
                    AS c(key text, name text, score int, weight float8, evidence text)
                ON CONFLICT (call_id, key) DO UPDATE SET
                    name = EXCLUDED.name, score = EXCLUDED.score, weight = EXCLUDED.weight, evidence = EXCLUDED.evidence
            ), usage AS (
                INSERT INTO provider_calls (call_id, step, provider, model, http_status, latency_ms, input_tokens,
                                            output_tokens, audio_seconds, cost_usd)
                SELECT call.id, u.step, u.provider, u.model, u.http_status, u.latency_ms, u.input_tokens,
                       u.output_tokens, u.audio_seconds, u.cost_usd
                FROM call, jsonb_to_recordset(call.usage) AS u(step text, provider text, model text, http_status int,
                    latency_ms int, input_tokens int, output_tokens int, audio_seconds float8, cost_usd numeric)
            ), callbacks AS (
                \(Self.outboxInsert(event: "call.done", source: "call", details: Self.doneEventDetails, urls: 2, base: 3))
                ON CONFLICT (call_id, url) WHERE event = 'call.done' DO NOTHING
            )
            SELECT count(*) AS saved FROM saved
            """, [.init(rows)] + callbackParameters)
    }

    /// Stores the results like ``saveResults(_:)``, one outcome per call: when PostgreSQL refuses the batch's data
    /// (SQLSTATE classes 22, data exception, and 23, integrity constraint), each call is saved alone, so that one
    /// result it cannot hold (``CallStoreError/unstorableResult(_:)``) fails only its own call. Any other failure (a
    /// lost connection, a statement timeout) still fails them all: they are tried again later.
    public func saveResultsApart(_ calls: [FinishedCall]) async throws -> [Result<Void, any Error>] {
        do {
            try await saveResults(calls)
            return calls.map { _ in .success(()) }
        } catch let error as PostgresError where error.disposition == .permanent {
            guard calls.count > 1 else { return [.failure(CallStoreError.unstorableResult(error.message))] }
            var outcomes: [Result<Void, any Error>] = []
            for call in calls {
                outcomes.append(contentsOf: try await saveResultsApart([call]))
            }
            return outcomes
        }
    }

    /// Records provider requests of an attempt that did not finish the call: they were paid for, and the result that
    /// a later attempt saves counts them in the call's cost.
    public func recordUsage(_ id: UUID, _ usage: [ProviderUsage]) async throws {
        try await pool.query("""
            INSERT INTO provider_calls (call_id, step, provider, model, http_status, latency_ms, input_tokens,
                                        output_tokens, audio_seconds, cost_usd)
            SELECT $1, u.step, u.provider, u.model, u.http_status, u.latency_ms, u.input_tokens, u.output_tokens,
                   u.audio_seconds, u.cost_usd
            FROM jsonb_to_recordset($2::jsonb) AS u(step text, provider text, model text, http_status int, latency_ms int,
                input_tokens int, output_tokens int, audio_seconds float8, cost_usd numeric)
            """, [.init(id), .init(String(decoding: try JSONEncoder().encode(usage), as: UTF8.self))])
    }

    /// Puts a call back to `queued` after a failed attempt that will be retried, keeping the error for the caller to see.
    public func markRetrying(_ id: UUID, error: String) async throws {
        _ = try await pool.query("""
            UPDATE calls SET status = 'queued', stage = 'queued', error = $2, updated_at = now()
            WHERE id = $1 AND status <> 'done'
            """, [.init(id), .init(error)])
    }

    /// Gives failed calls a new start for a dead-letter replay: `queued` with no attempts yet, their last error kept
    /// until the next attempt. Calls that are not `failed` are left alone.
    public func requeueFailed(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await pool.query("""
            UPDATE calls SET status = 'queued', stage = 'queued', attempts = 0, completed_at = NULL, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND status = 'failed'
            """, [.uuidArray(ids)])
    }

    /// Gives up on a call: `failed` with the error. A call that was not failed already gets its `call.failed` event
    /// in the callback outbox, in the same statement.
    public func markFailed(_ id: UUID, error: String) async throws {
        _ = try await pool.query("""
            WITH prior AS (
                SELECT status FROM calls WHERE id = $1
            ), failed AS (
                UPDATE calls SET status = 'failed', stage = 'failed', error = $2, completed_at = now(), updated_at = now()
                WHERE id = $1 AND status <> 'done'
                RETURNING id, external_id, manager_id, mode, callback_url, error
            ), newly AS (
                SELECT failed.* FROM failed, prior WHERE prior.status <> 'failed'
            )
            \(Self.outboxInsert(event: "call.failed", source: "newly", details: "jsonb_build_object('status', 'failed', 'error', source.error)", urls: 3, base: 4))
            """, [.init(id), .init(error)] + callbackParameters)
    }

    /// What a `call.done` event says of the call, over the saved batch's `result`.
    static let doneEventDetails = """
        jsonb_build_object('status', 'done', 'score', source.result -> 'total_score', 'language', source.result -> 'language',
                           'sentiment', source.result -> 'sentiment' -> 'overall' -> 'label',
                           'profanity', coalesce(source.result -> 'profanity' -> 'found', 'false'),
                           'criteria', coalesce(source.result -> 'criteria', '[]'), 'summary', source.result -> 'summary',
                           'recommendations', coalesce(source.result -> 'recommendations', '[]'))
        """

    /// Parks an audio call until a transcription provider is configured; it stays `queued`.
    public func markAwaitingTranscription(_ id: UUID, reason: String) async throws {
        _ = try await pool.query("""
            UPDATE calls SET status = 'queued', stage = 'awaiting_transcription', error = $2, updated_at = now()
            WHERE id = $1 AND status <> 'done'
            """, [.init(id), .init(reason)])
    }

    /// Calls still `queued` or `processing` whose row has not changed for `seconds`, in id order after `after`:
    /// candidates for the sweeper, which re-enqueues those the queue no longer holds. Parked audio calls are left out
    /// unless `includeAwaitingTranscription`.
    public func unfinishedCallIDs(
        idleFor seconds: Double, after: UUID?, limit: Int, includeAwaitingTranscription: Bool
    ) async throws -> [UUID] {
        let rows = try await pool.query("""
            SELECT id FROM calls
            WHERE status IN ('queued', 'processing')
              AND ($3 OR stage <> 'awaiting_transcription')
              AND updated_at < now() - make_interval(secs => $1)
              AND ($4::uuid IS NULL OR id > $4)
            ORDER BY id
            LIMIT $2
            """, [.init(seconds), .init(limit), .init(includeAwaitingTranscription), .init(after)])
        return rows.compactMap { $0["id"].uuid }
    }
}
