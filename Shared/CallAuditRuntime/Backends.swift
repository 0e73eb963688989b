import CallAuditCore
import CallQueue
import CallStore
import Logging
import Synchronization

/// PostgreSQL and Redis as a service uses them: the repository and the queue over the process's clients, and their
/// preparation (schema migrated, consumer group created), which runs once however many services ask for it.
public final class Backends: Sendable {
    /// Calls, results and reports.
    public let repository: CallRepository
    /// The job queue.
    public let queue: JobQueue
    private let preparation = Mutex<Task<Void, any Error>?>(nil)

    /// The repository and queue over `clients`, as `configuration` says; nothing is connected yet.
    public init(clients: ServiceClients, configuration: BackendConfiguration) {
        repository = CallRepository(pool: clients.postgres, callbacks: configuration.callbacks)
        queue = JobQueue(redis: clients.redis, configuration: configuration.queue)
    }

    /// Migrates PostgreSQL and creates the consumer group, retrying with a log line per attempt while either server
    /// comes up, so the services can start in any order. The first caller runs it; later callers wait for that run.
    /// Cancelling the caller stops the wait.
    public func prepare(logger: Logger) async throws {
        let task = preparation.withLock { task in
            if let task { return task }
            let (repository, queue) = (repository, queue)
            let started = Task {
                try await StartupRetry.run("migrate PostgreSQL", logger: logger) { try await repository.migrate(logger: logger) }
                try await StartupRetry.run("create the Redis consumer group", logger: logger) { try await queue.ensureGroup() }
            }
            task = started
            return started
        }
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
