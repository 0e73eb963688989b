import CallAuditCore
import CallQueue
import CallStore
import CurlHTTP
import Foundation

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
    /// Where every ending call's event goes and how its links start (`CALLBACK_URLS`, `PUBLIC_BASE_URL`): the
    /// outbox rows are written with the results, by whichever service ends a call.
    public var callbacks: CallbackTargets

    /// Reads the variables, with the pool sizes a service defaults to.
    public init(environment: EnvironmentVariables, defaultDatabasePoolSize: Int, defaultRedisPoolSize: Int) throws {
        databaseURL = environment.string("DATABASE_URL", default: "postgres://postgres@127.0.0.1:5432/callaudit")
        redisURL = environment.string("REDIS_URL", default: "redis://127.0.0.1:6379/0")
        databasePoolSize = try environment.int("DATABASE_POOL_SIZE", default: defaultDatabasePoolSize)
        redisPoolSize = try environment.int("REDIS_POOL_SIZE", default: defaultRedisPoolSize)
        queue = try QueueConfiguration(environment: environment)
        let callbackURLs = environment.string("CALLBACK_URLS", default: "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for url in callbackURLs { try Self.checkWebURL(url, key: "CALLBACK_URLS") }
        let linkBase = environment.string("PUBLIC_BASE_URL", default: "")
        if !linkBase.isEmpty { try Self.checkWebURL(linkBase, key: "PUBLIC_BASE_URL") }
        callbacks = CallbackTargets(urls: callbackURLs, linkBase: linkBase)
    }

    /// Refuses a value that is not an absolute http or https URL with a host (what the HTTP client would refuse).
    static func checkWebURL(_ url: String, key: String) throws {
        guard (try? CurlHTTPClient.validate(url)) != nil else {
            throw ConfigurationError(key: key, reason: "\(url) is not an http or https URL")
        }
    }

    /// The variables every service reads: the stores, the queue and logging.
    public static let settings: [ConfigurationSetting] = [
        .init("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/callaudit", "PostgreSQL: a postgres:// URL or libpq keywords"),
        .init("REDIS_URL", "redis://127.0.0.1:6379/0", "Redis: redis://[user:password@]host:port[/db]"),
        .init("DATABASE_POOL_SIZE", "ingest 8, worker min(WORKER_CONCURRENCY, 16)", "PostgreSQL connections"),
        .init("REDIS_POOL_SIZE", "8", "Redis connections"),
        .init("QUEUE_PREFIX", "callaudit", "prefix of the Redis keys"),
        .init("JOB_VISIBILITY_TIMEOUT_SECONDS", "300", "an entry idle this long (its worker died) is reclaimed"),
        .init("JOB_MAX_ATTEMPTS", "5", "attempts before a call is dead-lettered"),
        .init("JOB_RETRY_BASE_MILLISECONDS", "2000", "first backoff between attempts (doubling, with jitter)"),
        .init("JOB_RETRY_MAX_SECONDS", "300", "longest backoff between attempts"),
        .init("CALLBACK_URLS", "unset", "comma-separated URLs that receive every call's signed done/failed event"),
        .init("PUBLIC_BASE_URL", "unset", "the ingest's public address, for the links in callback events (else paths)"),
        .init("LOG_LEVEL", "info", "trace, debug, info, notice, warning, error or critical"),
        .init("LOG_FORMAT", "text", "text, or json for one JSON object per line"),
    ]
}
