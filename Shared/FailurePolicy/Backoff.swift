/// Exponential backoff with jitter, capped: the one way everything here waits before trying again (provider
/// requests, queue retries, start-up steps).
public struct Backoff: Sendable, Equatable {
    /// The wait before the first retry; it doubles with each attempt.
    public var base: Duration
    /// The longest wait.
    public var maximum: Duration
    /// The factor each wait is multiplied by, drawn at random from this range (1...1: no jitter).
    public var jitter: ClosedRange<Double>

    /// Creates a backoff.
    public init(base: Duration, maximum: Duration, jitter: ClosedRange<Double> = 0.75...1.25) {
        self.base = base
        self.maximum = max(base, maximum)
        self.jitter = jitter
    }

    /// The wait before retry number `attempt` (1 for the first retry); `random` picks the jitter factor (tests pass a
    /// fixed one).
    public func delay(attempt: Int, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration {
        let exponential = base * Double(1 << min(max(attempt - 1, 0), 30))
        return min(exponential, maximum) * random(jitter)
    }
}
