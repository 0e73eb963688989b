import CallQueue
import Foundation

/// What the API asks of the job queue. `JobQueue` is it over Redis Streams; tests give stand-ins.
public protocol WorkQueue: Sendable {
    /// Adds calls for the workers.
    func enqueue(_ callIDs: [UUID]) async throws
    /// The calls that ran out of attempts.
    func deadLetters(limit: Int) async throws -> [DeadLetter]
    /// Puts a dead letter's call back in the stream; answers its id.
    func replay(deadLetterID: String) async throws -> UUID?
    /// Depth, pending, lag, delayed and dead letters.
    func stats() async throws -> QueueStats
    /// Throws when the queue cannot be reached.
    func ping() async throws
}

extension JobQueue: WorkQueue {}
