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
    /// The one batcher all submitting routes share.
    let intake: CallIntake

    init(configuration: IngestConfiguration, repository: CallRepository, queue: JobQueue,
         webhookSignature: WebhookSignature?, logger: Logger) {
        self.configuration = configuration
        self.repository = repository
        self.queue = queue
        self.webhookSignature = webhookSignature
        self.logger = logger
        self.intake = CallIntake(repository: repository, queue: queue, logger: logger)
    }
}
