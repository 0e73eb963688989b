import CallAuditCore
import CallQueue
import CallStore
import Logging

/// Stores a validated call in PostgreSQL and enqueues it in Redis: the one way a call enters CallAudit.
struct CallIntake: Sendable {
    let repository: CallRepository
    let queue: JobQueue
    let logger: Logger

    /// Accepts a call. A repeat of an earlier request (same idempotency key, or same CRM call id and mode) answers the
    /// stored call and enqueues nothing. When Redis cannot take the job the new row is removed and the caller gets a 503,
    /// so an accepted call is always either queued or, if even the removal failed, found by the worker's sweeper.
    func accept(_ call: NewCall) async throws -> StoredCall {
        let stored = try await repository.insert(call)
        guard stored.created else { return stored }
        do {
            try await queue.enqueue(stored.id)
        } catch {
            logger.warning("enqueue failed; call withdrawn", metadata: ["call_id": "\(stored.id)", "error": "\(error)"])
            try? await repository.delete(stored.id)
            throw CallAuditError.unavailable("the queue (Redis) is unreachable; the call was not accepted, retry later")
        }
        return stored
    }
}
