/// What to do about something that went wrong: the one answer every layer gives (HTTP statuses, transport errors,
/// provider answers, SQLSTATEs), so that the worker decides a call's fate in one place.
public enum FailureDisposition: Sendable, Equatable {
    /// The input is bad: the same attempt would fail again. The call fails now, with the message.
    case permanent
    /// Something passing went wrong (a timeout, a dropped connection, a 5xx, a rate limit): try again after `after`
    /// (the other side's own hint) or, without one, after the backoff.
    case retry(after: Duration?)
    /// A provider cannot serve at all (misconfigured, out of credit, none configured): the next provider is tried;
    /// with none left, the call waits for one.
    case providerUnavailable

    /// Whether trying again later may succeed.
    public var isRetryable: Bool {
        if case .retry = self { return true }
        return false
    }
}
