import CallAuditCore
import Logging
import NIOPosix
import PostgresClient
import RedisClient
import ServiceLifecycle

/// The Redis and PostgreSQL clients of one service process, as a service: connections open lazily, on first use,
/// and close once graceful shutdown begins. Listed first in a service group, it stops last (services stop in reverse
/// order), after everything that uses the clients. Each client blocks on a thread pool of its own, one thread per
/// connection, so a slow call of one kind (a blocking `XREADGROUP`, a long statement) never holds up the other, and
/// none of them blocks Swift's cooperative pool.
public struct ServiceClients: Service {
    /// The Redis client.
    public let redis: RedisClient
    /// The PostgreSQL pool.
    public let postgres: PostgresPool
    private let threadPools: [NIOThreadPool]

    /// Creates the clients from the backend settings; a URL that cannot be read is a `ConfigurationError` naming its
    /// variable, before any connection is tried.
    public init(_ configuration: BackendConfiguration, logger: Logger) throws {
        try self.init(
            databaseURL: configuration.databaseURL, databasePoolSize: configuration.databasePoolSize,
            redisURL: configuration.redisURL, redisPoolSize: configuration.redisPoolSize, logger: logger)
    }

    /// Creates the clients; a URL that cannot be read is a `ConfigurationError` naming its variable.
    public init(databaseURL: String, databasePoolSize: Int, redisURL: String, redisPoolSize: Int, logger: Logger) throws {
        let postgresConfiguration = PostgresConfiguration(connectionString: databaseURL)
        if let problem = postgresConfiguration.connectionStringProblem {
            throw ConfigurationError(key: "DATABASE_URL", reason: problem)
        }
        let redisConfiguration: RedisConfiguration
        do {
            redisConfiguration = try RedisConfiguration(url: redisURL)
        } catch {
            throw ConfigurationError(key: "REDIS_URL", reason: "\(error)")
        }
        let redisThreads = NIOThreadPool(numberOfThreads: redisPoolSize)
        let postgresThreads = NIOThreadPool(numberOfThreads: databasePoolSize)
        threadPools = [redisThreads, postgresThreads]
        threadPools.forEach { $0.start() }
        redis = RedisClient(configuration: redisConfiguration, poolSize: redisPoolSize, threadPool: redisThreads, logger: logger)
        postgres = PostgresPool(
            configuration: postgresConfiguration, size: databasePoolSize, threadPool: postgresThreads, logger: logger)
    }

    /// Waits for graceful shutdown, then closes the clients.
    public func run() async throws {
        try? await gracefulShutdown()
        try await close()
    }

    /// Closes the clients and stops their thread pools.
    public func close() async throws {
        await redis.close()
        await postgres.close()
        for threadPool in threadPools { try await threadPool.shutdownGracefully() }
    }
}
