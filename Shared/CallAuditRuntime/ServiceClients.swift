import Logging
import NIOPosix
import PostgresClient
import RedisClient

/// The Redis and PostgreSQL clients of one service process, on one dedicated thread pool for their blocking C calls.
public struct ServiceClients: Sendable {
    /// The thread pool hiredis and libpq block on (never Swift's cooperative pool).
    public let threadPool: NIOThreadPool
    /// The Redis client.
    public let redis: RedisClient
    /// The PostgreSQL pool.
    public let postgres: PostgresPool

    /// Creates the clients; connections open lazily, on first use.
    public init(databaseURL: String, databasePoolSize: Int, redisURL: String, redisPoolSize: Int, logger: Logger) throws {
        let redisConfiguration = try RedisConfiguration(url: redisURL)
        threadPool = NIOThreadPool(numberOfThreads: databasePoolSize + redisPoolSize)
        threadPool.start()
        redis = RedisClient(configuration: redisConfiguration, poolSize: redisPoolSize, threadPool: threadPool, logger: logger)
        postgres = PostgresPool(
            configuration: PostgresConfiguration(connectionString: databaseURL), size: databasePoolSize,
            threadPool: threadPool, logger: logger)
    }

    /// Closes the clients and stops the thread pool.
    public func close() async throws {
        await redis.close()
        await postgres.close()
        try await threadPool.shutdownGracefully()
    }
}
