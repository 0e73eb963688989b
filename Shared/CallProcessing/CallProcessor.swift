import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import CoreExtensions
import Logging
import Telemetry

/// Works claimed calls in two phases: the attempt (the pipeline, with its provider requests), then the record (commit
/// the outcome, then ack; on failure retry with backoff or, after the last attempt, dead-letter). An entry is acked
/// only after PostgreSQL holds what happened to it; when that write fails, or the call is aborted (its task cancelled
/// at shutdown), the entry stays pending and is reclaimed after the visibility timeout. Results of calls finishing
/// together share one statement (one commit), and their acks one Redis round trip.
public struct CallProcessor: Sendable {
    let repository: CallRepository
    let queue: JobQueue
    let pipeline: CallPipeline
    let logger: Logger
    private let acks: BatchCoalescer<QueueEntry, Void>
    private let saves: BatchCoalescer<FinishedCall, Void>

    /// Creates the processor.
    public init(repository: CallRepository, queue: JobQueue, pipeline: CallPipeline, logger: Logger) {
        self.repository = repository
        self.queue = queue
        self.pipeline = pipeline
        self.logger = logger
        acks = BatchCoalescer(maxBatch: 128, maxWriters: 2) { entries in
            try await queue.complete(entries)
            return entries.map { _ in .success(()) }
        }
        saves = BatchCoalescer(maxBatch: 64, maxWriters: 2) { calls in
            try await repository.saveResultsApart(calls)
        }
    }

    /// Marks fetched entries' calls as being worked on (one statement) and answers the calls to work; entries of
    /// finished or unknown calls are acked. When PostgreSQL cannot be reached nothing is acked: the entries are
    /// reclaimed later.
    func claim(_ entries: [QueueEntry]) async -> [(QueueEntry, CallRecord)] {
        do {
            let calls = Dictionary(try await repository.claim(entries.map(\.callID)).map { ($0.id, $0) }) { first, _ in first }
            let stale = entries.filter { calls[$0.callID] == nil }
            if !stale.isEmpty { try await queue.complete(stale) }
            return entries.compactMap { entry in calls[entry.callID].map { (entry, $0) } }
        } catch {
            logger.error("could not claim calls; their entries will be reclaimed", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Works a claimed call from start to end: ``attempt(_:call:)``, then ``record(_:)``.
    func process(_ entry: QueueEntry, call: CallRecord) async {
        await record(await attempt(entry, call: call))
    }

    /// Runs the pipeline for a call: the part that needs the providers. Nothing is written about its outcome yet.
    func attempt(_ entry: QueueEntry, call: CallRecord) async -> CallAttempt {
        var logger = logger
        logger[metadataKey: "call_id"] = "\(entry.callID)"
        let started = ContinuousClock.now
        let outcome: CallAttempt.Outcome
        if queue.configuration.isExhausted(attempts: call.attempts - 1) {
            outcome = .exhausted
        } else {
            do {
                outcome = .finished(try await pipeline.run(call, logger: logger))
            } catch {
                outcome = .failed(error)
            }
        }
        return CallAttempt(entry: entry, call: call, started: started, logger: logger, outcome: outcome)
    }

    /// Commits what an attempt came to, then acks its entry: the result saved (sharing a statement with the results of
    /// calls finishing together), or the failure acted on.
    func record(_ attempt: CallAttempt) async {
        let (entry, call, logger) = (attempt.entry, attempt.call, attempt.logger)
        do {
            switch attempt.outcome {
            case .exhausted:
                try await giveUp(entry, error: call.error ?? "the call was attempted too often", attempts: call.attempts)
                Telemetry.callFinished(.deadLettered, mode: call.mode, since: attempt.started)
            case .finished(let outcome):
                do {
                    try await saves.submit(FinishedCall(id: call.id, result: outcome.result, usage: outcome.usage))
                } catch {
                    try await fail(attempt, error)
                    return
                }
                logger.debug("call done", metadata: ["score": "\(outcome.result.totalScore)"])
                try await acks.submit(entry)
                Telemetry.callFinished(.done, mode: call.mode, since: attempt.started)
            case .failed(let error):
                try await fail(attempt, error)
            }
        } catch is CancellationError {
            logger.warning("call aborted at shutdown; its entry stays pending for another worker to reclaim")
        } catch {
            logger.error("could not record the call's outcome; the entry will be reclaimed", metadata: ["error": "\(error)"])
        }
    }

    /// Acts on what made an attempt or its save fail and counts how the call ended: a ``CallFailure`` as it says, a
    /// result the store cannot hold (``CallStoreError``) as permanent. Any other error (a lost connection, cancellation)
    /// is thrown on: nothing is recorded, and the entry is reclaimed later.
    private func fail(_ attempt: CallAttempt, _ error: any Error) async throws {
        let failure = switch error {
        case let failure as CallFailure: failure
        case let error as CallStoreError: CallFailure.permanent(error.description)
        default: throw error
        }
        let ended = try await handle(failure, entry: attempt.entry, attempts: attempt.call.attempts, logger: attempt.logger)
        Telemetry.callFinished(ended, mode: attempt.call.mode, since: attempt.started)
    }

    /// Acts on a failed attempt: the one place a call's fate is decided, and answers how the call ended. Bad input
    /// fails the call; a passing fault retries it after the provider's hint or the queue's backoff, until its attempts
    /// run out (then it is dead-lettered); a missing provider parks it until one is configured.
    func handle(_ failure: CallFailure, entry: QueueEntry, attempts: Int, logger: Logger) async throws -> Telemetry.CallEnd {
        switch failure.disposition {
        case .permanent:
            logger.warning("call failed", metadata: ["error": "\(failure.message)"])
            try await repository.markFailed(entry.callID, error: failure.message)
            try await acks.submit(entry)
            return .failed
        case .providerUnavailable:
            try await repository.markAwaitingTranscription(entry.callID, reason: failure.message)
            logger.info("audio call parked until a transcription provider is configured")
            try await acks.submit(entry)
            return .awaitingTranscription
        case .retry where queue.configuration.isExhausted(attempts: attempts):
            try await giveUp(entry, error: failure.message, attempts: attempts)
            return .deadLettered
        case .retry(let hint):
            let delay = hint ?? queue.configuration.retryDelay(attempt: attempts)
            logger.warning("call attempt failed; retrying", metadata: [
                "error": "\(failure.message)", "attempt": "\(attempts)", "retry_in_ms": "\(delay.wholeMilliseconds)",
            ])
            try await repository.markRetrying(entry.callID, error: failure.message)
            try await queue.retryLater(entry, delay: delay)
            return .retrying
        }
    }

    func giveUp(_ entry: QueueEntry, error: String, attempts: Int) async throws {
        logger.error("call dead-lettered", metadata: ["call_id": "\(entry.callID)", "error": "\(error)", "attempts": "\(attempts)"])
        try await repository.markFailed(entry.callID, error: error)
        try await queue.deadLetter(entry, error: error, attempts: attempts)
    }
}
