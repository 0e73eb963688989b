import CallQueue
import CallStore
import Logging

/// What the routes need, built once at start.
struct IngestDependencies: Sendable {
    let configuration: IngestConfiguration
    let repository: CallRepository
    let queue: JobQueue
    let webhookSignature: WebhookSignature?
    let logger: Logger

    var intake: CallIntake {
        CallIntake(repository: repository, queue: queue, logger: logger)
    }
}
