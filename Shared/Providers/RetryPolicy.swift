import FailurePolicy

/// How often and how long the chain waits before trying a provider again: exponential backoff with jitter,
/// or the provider's own `retry-after` when it gives one, up to a ceiling past which it fails over instead.
public struct RetryPolicy: Sendable {
    /// Attempts per provider, the first included (`PROVIDER_MAX_ATTEMPTS`, default 3).
    public var maxAttempts: Int
    /// The waits: from `PROVIDER_RETRY_BASE_MILLISECONDS` (default 500), doubling, up to `PROVIDER_RETRY_MAX_SECONDS`
    /// (default 20), each between half and all of its step, so that callers retrying together spread out.
    public var backoff: Backoff

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        backoff = Backoff(base: baseDelay, maximum: maxDelay, jitter: 0.5...1.0)
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed, or `nil` to fail over now: no
    /// attempts left, or the provider asks for a wait longer than the backoff's maximum.
    public func delay(after attempt: Int, hint: Duration?) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        if let hint { return hint <= backoff.maximum ? hint : nil }
        return backoff.delay(attempt: attempt)
    }
}
