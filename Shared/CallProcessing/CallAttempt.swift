import CallQueue
import CallStore
import Logging

/// One attempt at a claimed call, between the pipeline and the record of its outcome.
struct CallAttempt: Sendable {
    /// What the attempt came to.
    enum Outcome: Sendable {
        /// The call was tried too often before this attempt: it is dead-lettered without running.
        case exhausted
        /// The pipeline produced a result to save.
        case finished(PipelineOutcome)
        /// The pipeline failed.
        case failed(any Error)
    }

    let entry: QueueEntry
    let call: CallRecord
    let started: ContinuousClock.Instant
    /// The processor's logger with the call's `call_id`.
    let logger: Logger
    let outcome: Outcome
}
