/// How often and how long the chain waits before trying a provider again: exponential backoff with jitter,
/// or the provider's own `retry-after` when it gives one, up to a ceiling past which it fails over instead.
public struct RetryPolicy: Sendable {
    /// Attempts per provider, the first included (`PROVIDER_MAX_ATTEMPTS`, default 3).
    public var maxAttempts: Int
    /// The first backoff (`PROVIDER_RETRY_BASE_MILLISECONDS`, default 500); it doubles with each attempt.
    public var baseDelay: Duration
    /// The longest wait; a provider asking for more is failed over at once (`PROVIDER_RETRY_MAX_SECONDS`, default 20).
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed, or `nil` to fail over now.
    public func delay(after attempt: Int, hint: Duration?) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        if let hint { return hint <= maxDelay ? hint : nil }
        let exponential = baseDelay * (1 << min(attempt - 1, 16))
        let capped = min(exponential, maxDelay)
        return capped * Double.random(in: 0.5...1.0)
    }
}
