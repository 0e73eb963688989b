import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import Foundation
import Logging
import Telemetry

/// Stores validated calls in PostgreSQL and enqueues them in Redis: the one way a call enters CallAudit.
///
/// Calls that arrive together are written together: one multi-row INSERT (one commit) and one Redis round trip per
/// batch. Under load this is what lets ingest keep pace with PostgreSQL; alone, a call is written at once.
struct CallIntake: Sendable {
    let calls: any CallStorage
    let queue: any WorkQueue
    let logger: Logger
    private let batches: BatchCoalescer<NewCall, StoredCall>

    init(calls: any CallStorage, queue: any WorkQueue, logger: Logger) {
        self.calls = calls
        self.queue = queue
        self.logger = logger
        batches = BatchCoalescer(maxBatch: 128, maxWriters: 3) { batch in
            try await Self.write(calls: calls, queue: queue, logger: logger) {
                try await calls.insert(batch)
            }
        }
    }

    /// Accepts a call. A repeat of an earlier request (same idempotency key, or same CRM call id and mode) answers the
    /// stored call and enqueues nothing. When Redis cannot take the job the new row is removed and the caller gets a
    /// 503, so an accepted call is always either queued or, if the removal failed or a repeat was answered with it
    /// meanwhile, found by the worker's sweeper.
    func accept(_ call: NewCall) async throws -> StoredCall {
        let stored: StoredCall
        if call.audio == nil {
            stored = try await batches.submit(call)
        } else {
            stored = try await Self.write(calls: calls, queue: queue, logger: logger) {
                [try await calls.insert(call)]
            }[0].get()
        }
        if stored.created { Telemetry.callAccepted(call.source) }
        return stored
    }

    /// Inserts, then enqueues what is new; on an enqueue failure withdraws the new rows and fails their callers.
    static func write(
        calls: any CallStorage, queue: any WorkQueue, logger: Logger, insert: () async throws -> [StoredCall]
    ) async throws -> [Result<StoredCall, any Error>] {
        let stored = try await insert()
        let created = stored.filter(\.created).map(\.id)
        do {
            try await queue.enqueue(created)
        } catch {
            logger.warning("enqueue failed; calls withdrawn", metadata: ["calls": "\(created.count)", "error": "\(error)"])
            _ = try? await calls.withdraw(created)
            let refused = CallAuditError.unavailable("the queue (Redis) is unreachable; the call was not accepted, retry later")
            return stored.map { $0.created ? .failure(refused) : .success($0) }
        }
        return stored.map { .success($0) }
    }
}
