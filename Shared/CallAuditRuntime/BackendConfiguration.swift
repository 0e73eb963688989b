import CallAuditCore
import CallQueue

/// Where PostgreSQL and Redis are and how many connections to keep: the settings both services read alike.
public struct BackendConfiguration: Sendable {
    /// `DATABASE_URL`: any `postgres://` URL or libpq keyword string.
    public var databaseURL: String
    /// `REDIS_URL`: `redis://[:password@]host:port[/db]`.
    public var redisURL: String
    /// `DATABASE_POOL_SIZE`.
    public var databasePoolSize: Int
    /// `REDIS_POOL_SIZE`.
    public var redisPoolSize: Int
    /// The queue's key prefix and timings (`QUEUE_PREFIX`, `JOB_…`).
    public var queue: QueueConfiguration

    /// Reads the variables, with the pool sizes a service defaults to.
    public init(environment: EnvironmentVariables, defaultDatabasePoolSize: Int, defaultRedisPoolSize: Int) throws {
        databaseURL = environment.string("DATABASE_URL", default: "postgres://postgres@127.0.0.1:5432/callaudit")
        redisURL = environment.string("REDIS_URL", default: "redis://127.0.0.1:6379/0")
        databasePoolSize = try environment.int("DATABASE_POOL_SIZE", default: defaultDatabasePoolSize)
        redisPoolSize = try environment.int("REDIS_POOL_SIZE", default: defaultRedisPoolSize)
        queue = try QueueConfiguration(environment: environment)
    }
}
