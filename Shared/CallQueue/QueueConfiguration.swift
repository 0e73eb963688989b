import CallAuditCore
import FailurePolicy

/// Names and timings of the job queue (DESIGN.md §4).
public struct QueueConfiguration: Sendable {
    /// Prefix of every Redis key the queue uses (`<prefix>:jobs`, `<prefix>:delayed`, …); tests use their own.
    public var keyPrefix: String
    /// The consumer group every worker process joins.
    public var group: String
    /// An entry whose consumer has not touched it for this long is taken over by another worker.
    public var visibilityTimeout: Duration
    /// After this many attempts a call goes to the dead-letter stream and is `failed`.
    public var maxAttempts: Int
    /// The first retry waits about this long; each further one twice as long, with jitter.
    public var retryBaseDelay: Duration
    /// No retry waits longer than this.
    public var retryMaxDelay: Duration

    /// Creates a configuration with the defaults of the README.
    public init(
        keyPrefix: String = "callaudit", group: String = "workers", visibilityTimeout: Duration = .seconds(300),
        maxAttempts: Int = 5, retryBaseDelay: Duration = .seconds(2), retryMaxDelay: Duration = .seconds(300)
    ) {
        self.keyPrefix = keyPrefix
        self.group = group
        self.visibilityTimeout = visibilityTimeout
        self.maxAttempts = maxAttempts
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
    }

    /// The stream of jobs.
    public var streamKey: String { "\(keyPrefix):jobs" }
    /// The sorted set of calls waiting for a retry, scored by when they are due (ms since the epoch).
    public var delayedKey: String { "\(keyPrefix):delayed" }
    /// The dead-letter stream.
    public var deadLetterKey: String { "\(keyPrefix):dead" }
    /// The set of call ids the queue holds (in the stream, pending or delayed): what the sweeper compares with PostgreSQL.
    public var inFlightKey: String { "\(keyPrefix):inflight" }
    /// The lock that lets one worker at a time sweep.
    public var sweepLockKey: String { "\(keyPrefix):sweep-lock" }

    /// The backoff between a call's attempts: doubling from `retryBaseDelay` up to `retryMaxDelay`, ±25% jitter.
    public var retryBackoff: Backoff {
        Backoff(base: retryBaseDelay, maximum: retryMaxDelay, jitter: 0.75...1.25)
    }

    /// The delay before retry number `attempt` (1 for the first retry); `jitter` fixes the jitter's offset (tests).
    public func retryDelay(attempt: Int, jitter: Double? = nil) -> Duration {
        retryBackoff.delay(attempt: attempt) { range in jitter.map { 1 + $0 } ?? Double.random(in: range) }
    }

    /// Whether a call that has had `attempts` attempts may not have another: it is dead-lettered instead.
    public func isExhausted(attempts: Int) -> Bool {
        attempts >= maxAttempts
    }
}
