import CallAuditCore
import CallQueue
import CallStore
import Logging

/// PostgreSQL and Redis, ready for a service: clients open, schema migrated, consumer group created.
public struct Backends: Sendable {
    /// The clients and their thread pool.
    public let clients: ServiceClients
    /// Calls, results and reports.
    public let repository: CallRepository
    /// The job queue.
    public let queue: JobQueue

    /// Connects and prepares both stores, retrying while they come up, so the services can start in any order.
    public static func start(_ configuration: BackendConfiguration, logger: Logger) async throws -> Backends {
        let clients = try ServiceClients(
            databaseURL: configuration.databaseURL, databasePoolSize: configuration.databasePoolSize,
            redisURL: configuration.redisURL, redisPoolSize: configuration.redisPoolSize, logger: logger)
        let repository = CallRepository(pool: clients.postgres)
        let queue = JobQueue(redis: clients.redis, configuration: configuration.queue)
        try await StartupRetry.run("migrate PostgreSQL", logger: logger) { try await repository.migrate(logger: logger) }
        try await StartupRetry.run("create the Redis consumer group", logger: logger) { try await queue.ensureGroup() }
        return Backends(clients: clients, repository: repository, queue: queue)
    }
}
