import CallAuditCore
import CallAuditRuntime
import Foundation

/// Everything the worker reads from the environment (README: Configuration).
struct WorkerConfiguration: Sendable {
    var backend: BackendConfiguration
    /// Calls in flight in this process (`WORKER_CONCURRENCY`, default 16).
    var concurrency: Int
    /// This process's consumer name in the group (`WORKER_NAME`, default host-pid).
    var consumerName: String
    /// How long a fetch waits for new work.
    var fetchBlock: Duration
    /// How often unfinished calls in PostgreSQL are compared with the queue (`SWEEP_INTERVAL_SECONDS`, default 30).
    var sweepInterval: Duration
    /// How long an unfinished call must be untouched before the sweeper looks at it (`SWEEP_IDLE_SECONDS`, default 60).
    var sweepIdle: Duration
    /// How long in-flight calls may take to finish after SIGTERM (`SHUTDOWN_GRACE_SECONDS`, default 30).
    var shutdownGrace: Duration
    /// Largest recording downloaded (`MAX_DOWNLOAD_BYTES`, default 100 MB).
    var maxDownloadBytes: Int
    /// Time limit of one download (`DOWNLOAD_TIMEOUT_SECONDS`, default 120).
    var downloadTimeout: Duration
    /// Whether recordings may be fetched from loopback or private addresses (`AUDIO_URL_ALLOW_PRIVATE`).
    var allowPrivateAudioURLs: Bool

    init(environment: EnvironmentVariables) throws {
        concurrency = max(1, try environment.int("WORKER_CONCURRENCY", default: 16))
        backend = try BackendConfiguration(
            environment: environment, defaultDatabasePoolSize: min(concurrency, 16), defaultRedisPoolSize: 8)
        consumerName = environment.string(
            "WORKER_NAME", default: "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)")
        fetchBlock = .milliseconds(try environment.int("FETCH_BLOCK_MILLISECONDS", default: 1000))
        sweepInterval = .seconds(try environment.int("SWEEP_INTERVAL_SECONDS", default: 30))
        sweepIdle = .seconds(try environment.int("SWEEP_IDLE_SECONDS", default: 60))
        shutdownGrace = .seconds(try environment.int("SHUTDOWN_GRACE_SECONDS", default: 30))
        maxDownloadBytes = try environment.int("MAX_DOWNLOAD_BYTES", default: 100 * 1024 * 1024)
        downloadTimeout = .seconds(try environment.int("DOWNLOAD_TIMEOUT_SECONDS", default: 120))
        allowPrivateAudioURLs = try environment.bool("AUDIO_URL_ALLOW_PRIVATE", default: false)
    }
}
