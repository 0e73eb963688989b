import CallAuditCore
import CallAuditRuntime
import Foundation
import Providers

/// Everything the worker reads from the environment (README: Configuration).
public struct WorkerConfiguration: Sendable {
    /// PostgreSQL, Redis and the queue.
    public var backend: BackendConfiguration
    /// Calls in flight in this process (`WORKER_CONCURRENCY`, default 16).
    public var concurrency: Int
    /// This process's consumer name in the group (`WORKER_NAME`, default host-pid).
    public var consumerName: String
    /// How long a fetch waits for new work.
    var fetchBlock: Duration
    /// How often unfinished calls in PostgreSQL are compared with the queue (`SWEEP_INTERVAL_SECONDS`, default 30).
    var sweepInterval: Duration
    /// How long an unfinished call must be untouched before the sweeper looks at it (`SWEEP_IDLE_SECONDS`, default 60).
    var sweepIdle: Duration
    /// How long in-flight calls may take to finish after SIGTERM (`WORKER_SHUTDOWN_GRACE_SECONDS`, default 30).
    var shutdownGrace: Duration
    /// Largest recording downloaded (`MAX_DOWNLOAD_BYTES`, default 100 MB).
    var maxDownloadBytes: Int
    /// Time limit of one download (`DOWNLOAD_TIMEOUT_SECONDS`, default 120).
    var downloadTimeout: Duration
    /// Whether recordings may be fetched from loopback or private addresses (`AUDIO_URL_ALLOW_PRIVATE`).
    var allowPrivateAudioURLs: Bool
    /// Where `/metrics` and `/health` are served (`METRICS_HOST`, default 0.0.0.0).
    public var metricsHost: String
    /// The port of `/metrics` and `/health` (`METRICS_PORT`, default 9090).
    public var metricsPort: Int

    /// Reads the configuration; a value that cannot be used is a `ConfigurationError` naming its variable.
    public init(environment: EnvironmentVariables) throws {
        concurrency = max(1, try environment.int("WORKER_CONCURRENCY", default: 16))
        backend = try BackendConfiguration(
            environment: environment, defaultDatabasePoolSize: min(concurrency, 16), defaultRedisPoolSize: 8)
        consumerName = environment.string(
            "WORKER_NAME", default: "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)")
        fetchBlock = .milliseconds(try environment.int("FETCH_BLOCK_MILLISECONDS", default: 1000))
        sweepInterval = .seconds(try environment.int("SWEEP_INTERVAL_SECONDS", default: 30))
        sweepIdle = .seconds(try environment.int("SWEEP_IDLE_SECONDS", default: 60))
        shutdownGrace = .seconds(try environment.int("WORKER_SHUTDOWN_GRACE_SECONDS", default: 30))
        maxDownloadBytes = try environment.int("MAX_DOWNLOAD_BYTES", default: 100 * 1024 * 1024)
        downloadTimeout = .seconds(try environment.int("DOWNLOAD_TIMEOUT_SECONDS", default: 120))
        allowPrivateAudioURLs = try environment.bool("AUDIO_URL_ALLOW_PRIVATE", default: false)
        metricsHost = environment.string("METRICS_HOST", default: "0.0.0.0")
        metricsPort = try environment.int("METRICS_PORT", default: 9090)
        guard (1...65535).contains(metricsPort) else {
            throw ConfigurationError(key: "METRICS_PORT", reason: "\(metricsPort) is not a port number (1-65535)")
        }
    }

    /// The longest a graceful shutdown may take before it is escalated to cancelling everything: the fetch under way
    /// (`FETCH_BLOCK_MILLISECONDS`), the grace period, and a few seconds for aborted calls to unwind. A backstop: the
    /// consumer aborts calls that outlive the grace itself.
    public var maximumShutdownDuration: Duration {
        fetchBlock + shutdownGrace + .seconds(5)
    }

    /// Every variable the worker reads, for `--help`.
    public static let settings: [ConfigurationSetting] = BackendConfiguration.settings + [
        .init("WORKER_CONCURRENCY", "16", "calls in flight in this process"),
        .init("WORKER_NAME", "host-pid", "this process's consumer name in the group"),
        .init("WORKER_SHUTDOWN_GRACE_SECONDS", "30", "on SIGTERM, how long in-flight calls may take; then they are aborted and reclaimed"),
        .init("FETCH_BLOCK_MILLISECONDS", "1000", "how long one XREADGROUP waits for work"),
        .init("SWEEP_INTERVAL_SECONDS", "30", "how often unfinished calls are compared with the queue"),
        .init("SWEEP_IDLE_SECONDS", "60", "how long an unfinished call is idle before the sweep looks at it"),
        .init("MAX_DOWNLOAD_BYTES", "104857600", "largest recording downloaded by URL"),
        .init("DOWNLOAD_TIMEOUT_SECONDS", "120", "time limit of one download"),
        .init("AUDIO_URL_ALLOW_PRIVATE", "false", "allow recording URLs on loopback or private addresses"),
        .init("METRICS_HOST", "0.0.0.0", "where the worker serves /metrics and /health"),
        .init("METRICS_PORT", "9090", "the port of the worker's /metrics and /health"),
    ] + ProviderSettings.settings
}
