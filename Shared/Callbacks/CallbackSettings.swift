import CallAuditCore
import CallStore
import CurlHTTP
import FailurePolicy

/// How the worker delivers callback events (README: Callbacks).
public struct CallbackSettings: Sendable {
    /// The HMAC-SHA256 key of the signature header (`CALLBACK_SECRET`); without it events go unsigned.
    public var secret: String?
    /// One attempt's time limit, connecting included (`CALLBACK_TIMEOUT_SECONDS`, default 10).
    public var timeout: Duration
    /// Attempts before a delivery is kept as failed (`CALLBACK_MAX_ATTEMPTS`, default 8).
    public var maxAttempts: Int
    /// The wait between attempts (`CALLBACK_RETRY_BASE_MILLISECONDS`, `CALLBACK_RETRY_MAX_SECONDS`), unless the
    /// receiver's `retry-after` says otherwise.
    public var backoff: Backoff
    /// Whether receivers may be on loopback or private addresses (`CALLBACK_ALLOW_PRIVATE`).
    public var allowPrivateAddresses: Bool
    /// Deliveries in flight at once in this process (`CALLBACK_CONCURRENCY`, default 8).
    public var concurrency: Int
    /// How often the outbox is looked at when nothing is due (`CALLBACK_POLL_MILLISECONDS`, default 1000).
    public var pollInterval: Duration
    /// The most of a receiver's answer that is read; a longer one fails the attempt.
    public var maxResponseBytes = 64 * 1024

    /// Reads the settings; `targets` are checked against them (an internal address among `CALLBACK_URLS` needs
    /// `CALLBACK_ALLOW_PRIVATE`). A value that cannot be used is a `ConfigurationError` naming its variable.
    public init(environment: EnvironmentVariables, targets: CallbackTargets) throws {
        secret = environment.string("CALLBACK_SECRET").flatMap { $0.isEmpty ? nil : $0 }
        timeout = .seconds(try Self.positive(environment, "CALLBACK_TIMEOUT_SECONDS", default: 10))
        maxAttempts = try Self.positive(environment, "CALLBACK_MAX_ATTEMPTS", default: 8)
        backoff = Backoff(
            base: .milliseconds(try Self.positive(environment, "CALLBACK_RETRY_BASE_MILLISECONDS", default: 5000)),
            maximum: .seconds(try Self.positive(environment, "CALLBACK_RETRY_MAX_SECONDS", default: 3600)))
        allowPrivateAddresses = try environment.bool("CALLBACK_ALLOW_PRIVATE", default: false)
        concurrency = try Self.positive(environment, "CALLBACK_CONCURRENCY", default: 8)
        pollInterval = .milliseconds(try Self.positive(environment, "CALLBACK_POLL_MILLISECONDS", default: 1000))
        if !allowPrivateAddresses {
            for url in targets.urls where AddressPolicy.isInternal(host: (try? CurlHTTPClient.validate(url)) ?? "") {
                throw ConfigurationError(
                    key: "CALLBACK_URLS",
                    reason: "\(url) is a loopback or private address; set CALLBACK_ALLOW_PRIVATE=true to send events there")
            }
        }
    }

    static func positive(_ environment: EnvironmentVariables, _ key: String, default defaultValue: Int) throws -> Int {
        let value = try environment.int(key, default: defaultValue)
        guard value > 0 else { throw ConfigurationError(key: key, reason: "\(value) is not a positive number") }
        return value
    }

    /// Every variable of callback delivery, for the worker's `--help`.
    public static let settings: [ConfigurationSetting] = [
        .init("CALLBACK_SECRET", "unset", "HMAC-SHA256 key of the X-CallAudit-Signature header of callback events"),
        .init("CALLBACK_TIMEOUT_SECONDS", "10", "time limit of one callback attempt"),
        .init("CALLBACK_MAX_ATTEMPTS", "8", "attempts before a callback delivery is kept as failed"),
        .init("CALLBACK_RETRY_BASE_MILLISECONDS", "5000", "first wait between callback attempts (doubling, with jitter)"),
        .init("CALLBACK_RETRY_MAX_SECONDS", "3600", "longest wait between callback attempts"),
        .init("CALLBACK_ALLOW_PRIVATE", "false", "allow callback receivers on loopback or private addresses"),
        .init("CALLBACK_CONCURRENCY", "8", "callback deliveries in flight at once in a worker"),
        .init("CALLBACK_POLL_MILLISECONDS", "1000", "how often the callback outbox is read when nothing is due"),
    ]
}
