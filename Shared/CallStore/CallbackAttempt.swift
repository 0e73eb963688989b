/// What one delivery attempt met, and what becomes of the delivery.
public struct CallbackAttempt: Sendable, Equatable {
    /// What becomes of the delivery after this attempt.
    public enum Next: Sendable, Equatable {
        /// The receiver took it (2xx).
        case delivered
        /// Try again after this wait.
        case retry(after: Duration)
        /// Given up: kept as `failed` until an admin replays it.
        case failed
    }

    /// The outbox row.
    public var deliveryID: Int
    /// The attempt's number (``CallbackDelivery/attempt``).
    public var attempt: Int
    /// The receiver's status, when it answered.
    public var httpStatus: Int?
    /// How long the attempt took, in milliseconds.
    public var latencyMilliseconds: Int
    /// What went wrong, if anything.
    public var error: String?
    /// What becomes of the delivery.
    public var next: Next

    /// Creates an attempt's record.
    public init(deliveryID: Int, attempt: Int, httpStatus: Int?, latencyMilliseconds: Int, error: String?, next: Next) {
        self.deliveryID = deliveryID
        self.attempt = attempt
        self.httpStatus = httpStatus
        self.latencyMilliseconds = latencyMilliseconds
        self.error = error
        self.next = next
    }
}
