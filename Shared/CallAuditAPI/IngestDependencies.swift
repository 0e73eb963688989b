import CallQueue
import CallStore
import Logging

/// What the routes need, built once at start.
public struct IngestDependencies: Sendable {
    let configuration: IngestConfiguration
    let repository: CallRepository
    let queue: JobQueue
    let logger: Logger
    /// The API contract served at `/openapi.yaml` and `/openapi.json`.
    let openAPI: OpenAPIDocument
    /// The one batcher all submitting routes share.
    let intake: CallIntake

    /// What the routes of a process share.
    public init(
        configuration: IngestConfiguration, repository: CallRepository, queue: JobQueue, openAPI: OpenAPIDocument,
        logger: Logger
    ) {
        self.configuration = configuration
        self.openAPI = openAPI
        self.repository = repository
        self.queue = queue
        self.logger = logger
        self.intake = CallIntake(repository: repository, queue: queue, logger: logger)
    }
}
