import Logging
import NIOPosix
import PostgresClient
import RedisClient

/// The Redis and PostgreSQL clients of one service process. Each client blocks on a thread pool of its own, one
/// thread per connection, so a slow call of one kind (a blocking `XREADGROUP`, a long statement) never holds up the
/// other, and none of them blocks Swift's cooperative pool.
public struct ServiceClients: Sendable {
    /// The Redis client.
    public let redis: RedisClient
    /// The PostgreSQL pool.
    public let postgres: PostgresPool
    private let threadPools: [NIOThreadPool]

    /// Creates the clients; connections open lazily, on first use.
    public init(databaseURL: String, databasePoolSize: Int, redisURL: String, redisPoolSize: Int, logger: Logger) throws {
        let redisConfiguration = try RedisConfiguration(url: redisURL)
        let redisThreads = NIOThreadPool(numberOfThreads: redisPoolSize)
        let postgresThreads = NIOThreadPool(numberOfThreads: databasePoolSize)
        threadPools = [redisThreads, postgresThreads]
        threadPools.forEach { $0.start() }
        redis = RedisClient(configuration: redisConfiguration, poolSize: redisPoolSize, threadPool: redisThreads, logger: logger)
        postgres = PostgresPool(
            configuration: PostgresConfiguration(connectionString: databaseURL), size: databasePoolSize,
            threadPool: postgresThreads, logger: logger)
    }

    /// Closes the clients and stops their thread pools.
    public func close() async throws {
        await redis.close()
        await postgres.close()
        for threadPool in threadPools { try await threadPool.shutdownGracefully() }
    }
}
