import CallAuditCore
import CallQueue
import CallStore
import Logging

/// Works one queue entry from claim to ack: run the pipeline, commit the outcome, then ack; on failure retry with
/// backoff or, after the last attempt, dead-letter. An entry is acked only after PostgreSQL holds what happened to it;
/// when that write fails the entry stays pending and is reclaimed after the visibility timeout.
struct CallProcessor: Sendable {
    let repository: CallRepository
    let queue: JobQueue
    let pipeline: CallPipeline
    let logger: Logger

    func process(_ entry: QueueEntry) async {
        var logger = logger
        logger[metadataKey: "call_id"] = "\(entry.callID)"
        guard let call = await claim(entry, logger: logger) else { return }
        do {
            if call.attempts > queue.configuration.maxAttempts {
                try await giveUp(entry, error: call.error ?? "the call was attempted too often", attempts: call.attempts)
                return
            }
            let outcome: PipelineOutcome
            do {
                outcome = try await pipeline.run(call)
            } catch let error as PipelineError {
                try await handle(error, entry: entry, attempts: call.attempts, logger: logger)
                return
            }
            switch outcome {
            case .analyzed(let result, let usage):
                try await repository.saveResult(call.id, result: result, usage: usage)
                logger.debug("call done", metadata: ["score": "\(result.totalScore)"])
            case .awaitingTranscription(let reason):
                try await repository.markAwaitingTranscription(call.id, reason: reason)
                logger.info("audio call parked until a transcription provider is configured")
            }
            try await queue.complete(entry)
        } catch {
            logger.error("could not record the call's outcome; the entry will be reclaimed", metadata: ["error": "\(error)"])
        }
    }

    /// Marks the call as being worked on; acks entries of calls that are finished or unknown. `nil` means: nothing to do.
    func claim(_ entry: QueueEntry, logger: Logger) async -> CallRecord? {
        do {
            if let call = try await repository.claim(entry.callID) { return call }
            try await queue.complete(entry)
        } catch {
            logger.error("could not claim the call; the entry will be reclaimed", metadata: ["error": "\(error)"])
        }
        return nil
    }

    func handle(_ error: PipelineError, entry: QueueEntry, attempts: Int, logger: Logger) async throws {
        switch error {
        case .permanent(let message):
            logger.warning("call failed", metadata: ["error": "\(message)"])
            try await repository.markFailed(entry.callID, error: message)
            try await queue.complete(entry)
        case .transient(let message) where attempts >= queue.configuration.maxAttempts:
            try await giveUp(entry, error: message, attempts: attempts)
        case .transient(let message):
            let delay = queue.configuration.retryDelay(attempt: attempts)
            logger.warning("call attempt failed; retrying", metadata: [
                "error": "\(message)", "attempt": "\(attempts)", "retry_in_ms": "\(delay.wholeMilliseconds)",
            ])
            try await repository.markRetrying(entry.callID, error: message)
            try await queue.retryLater(entry, delay: delay)
        }
    }

    func giveUp(_ entry: QueueEntry, error: String, attempts: Int) async throws {
        logger.error("call dead-lettered", metadata: ["call_id": "\(entry.callID)", "error": "\(error)", "attempts": "\(attempts)"])
        try await repository.markFailed(entry.callID, error: error)
        try await queue.deadLetter(entry, error: error, attempts: attempts)
    }
}
