import CallAuditCore
import Foundation
import Logging
import PostgresClient

/// Calls, their results and reports in PostgreSQL: the source of truth of CallAudit.
///
/// Every method is one statement or one transaction; writes of a result are idempotent upserts keyed by call id,
/// so a redelivered call never leaves a second result.
public struct CallRepository: Sendable {
    let pool: PostgresPool
    /// Where the events of ending calls are sent, besides each call's own `callback_url`.
    public let callbacks: CallbackTargets
    /// Whether the report aggregates' backfill was seen finished.
    let reportAggregates = ReportAggregateReadiness()

    /// Creates a repository over a pool.
    public init(pool: PostgresPool, callbacks: CallbackTargets = CallbackTargets()) {
        self.pool = pool
        self.callbacks = callbacks
    }

    /// Applies the schema migrations (safe when several processes start at once).
    public func migrate(logger: Logger) async throws {
        try await PostgresMigrator.migrate(pool, migrations: CallStoreMigrations.all, logger: logger)
    }

    /// Stores a new call, or finds the one an earlier request stored under the same idempotency key or
    /// the same CRM call id and mode. An uploaded recording, whose chunks were stored under the call's id as it
    /// streamed in (``storeAudioChunk(_:index:of:)``), becomes the call's in the same transaction.
    public func insert(_ call: NewCall) async throws -> StoredCall {
        guard let audio = call.audio else { return try await insert([call])[0] }
        let inserted = try await pool.transaction { connection in
            let result = try connection.query(Self.insertStatement(rows: 1), Self.insertParameters(call))
            if result.first != nil {
                _ = try connection.query("""
                    INSERT INTO call_audio (call_id, filename, content_type, size_bytes)
                    VALUES ($1, $2, $3, $4)
                    """, [.init(call.id), .init(audio.filename), .init(audio.contentType), .init(audio.size)])
            }
            return result
        }
        if let row = inserted.first { return try StoredCall(row: row, created: true) }
        return try await existing(call)
    }

    /// Stores calls without recordings in one statement (one round trip, one commit), answering in the same order.
    /// A call that repeats an earlier one (or one earlier in the batch) answers the stored call with `created == false`.
    public func insert(_ calls: [NewCall]) async throws -> [StoredCall] {
        guard !calls.isEmpty else { return [] }
        let rows = try await pool.query(Self.insertStatement(rows: calls.count), calls.flatMap(Self.insertParameters))
        var created: [UUID: StoredCall] = [:]
        for row in rows {
            let stored = try StoredCall(row: row, created: true)
            created[stored.id] = stored
        }
        var answers: [StoredCall] = []
        answers.reserveCapacity(calls.count)
        for call in calls {
            if let stored = created[call.id] { answers.append(stored) } else { answers.append(try await existing(call)) }
        }
        return answers
    }

    static func insertStatement(rows: Int) -> String {
        let values = (0..<rows).map { row in
            let base = row * 12
            return "($\(base + 1), $\(base + 2), $\(base + 3), $\(base + 4), $\(base + 5), $\(base + 6), $\(base + 7), "
                + "$\(base + 8), $\(base + 9), $\(base + 10)::jsonb, $\(base + 11), $\(base + 12)::jsonb)"
        }
        return """
            INSERT INTO calls (id, external_id, manager_id, mode, source, language_hint, dialog_text, audio_url,
                               callback_url, metadata, idempotency_key, live_transcript)
            VALUES \(values.joined(separator: ", "))
            ON CONFLICT DO NOTHING
            RETURNING id, status
            """
    }

    static func insertParameters(_ call: NewCall) -> [PostgresParameter] {
        [
            .init(call.id), .init(call.externalID), .init(call.managerID), .init(call.mode.rawValue),
            .init(call.source.rawValue), .init(call.languageHint), .init(call.dialogText), .init(call.audioURL),
            .init(call.callbackURL), .init(call.metadataJSON), .init(call.idempotencyKey),
            .init(call.liveTranscript.map { String(decoding: (try? JSONEncoder().encode($0)) ?? Data("[]".utf8), as: UTF8.self) }),
        ]
    }

    /// The stored call a repeated submission refers to. A queued one is touched (`updated_at`), which tells a first
    /// request still enqueueing it that someone else was answered with it: it must not be withdrawn (see
    /// ``withdraw(_:)``). When the first request withdrew it in between, the repeat is told to come back.
    func existing(_ call: NewCall) async throws -> StoredCall {
        let rows = try await pool.query("""
            WITH found AS (
                SELECT id, status FROM calls
                WHERE ($1::text IS NOT NULL AND idempotency_key = $1)
                   OR ($2::text IS NOT NULL AND external_id = $2 AND mode = $3)
                ORDER BY created_at LIMIT 1
            ), touched AS (
                UPDATE calls SET updated_at = clock_timestamp()
                FROM found WHERE calls.id = found.id AND found.status = 'queued'
            )
            SELECT id, status FROM found
            """, [.init(call.idempotencyKey), .init(call.externalID), .init(call.mode.rawValue)])
        guard let row = rows.first else { throw CallStoreError.withdrawn }
        return try StoredCall(row: row, created: false)
    }

    /// The call with this id, if there is one.
    public func find(_ id: UUID) async throws -> CallRecord? {
        let result = try await pool.query("SELECT \(CallRecord.columns) FROM calls WHERE id = $1", [.init(id)])
        return try result.first.map(CallRecord.init(row:))
    }

    /// The stored result of a finished call.
    public func result(of id: UUID) async throws -> AnalysisResult? {
        let rows = try await pool.query("SELECT result::text AS result FROM call_results WHERE call_id = $1", [.init(id)])
        guard let text = rows.first?["result"].string else { return nil }
        return try JSONDecoder().decode(AnalysisResult.self, from: Data(text.utf8))
    }

    /// Answers whether PostgreSQL is reachable.
    public func ping() async throws {
        _ = try await pool.query("SELECT 1")
    }
}

extension StoredCall {
    init(row: PostgresRow, created: Bool) throws {
        guard let id = row["id"].uuid, let status = row["status"].string.flatMap(CallStatus.init(rawValue:)) else {
            throw CallStoreError.corruptRow("calls")
        }
        self.init(id: id, status: status, created: created)
    }
}

extension CallRepository {
    /// Removes new calls that could not be enqueued, so that a refused request leaves nothing behind; answers the
    /// ones removed. A call a repeated request was answered with in the meantime stays, queued: the worker's sweeper
    /// enqueues it once Redis takes work again.
    @discardableResult
    public func withdraw(_ ids: [UUID]) async throws -> [UUID] {
        guard !ids.isEmpty else { return [] }
        let rows = try await pool.query(
            "DELETE FROM calls WHERE id = ANY($1::uuid[]) AND updated_at = created_at RETURNING id", [.uuidArray(ids)])
        return rows.compactMap { $0["id"].uuid }
    }
}
