import FailurePolicy

/// Why an attempt at a call did not finish, and what becomes of the call: every layer's error is mapped to one
/// ``FailureDisposition`` here, and ``CallProcessor`` acts on it in one place.
public struct CallFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the call's `error` shows it.
    public var message: String
    /// Fail now, retry later, or wait for a provider.
    public var disposition: FailureDisposition

    /// Creates a failure.
    public init(_ message: String, _ disposition: FailureDisposition) {
        self.message = message
        self.disposition = disposition
    }

    /// The input itself is bad (a recording that is not audio, a URL that answers 404): retrying cannot help.
    static func permanent(_ message: String) -> CallFailure {
        CallFailure(message, .permanent)
    }

    /// Something outside the call failed (a download timed out, every provider is down): a later attempt may succeed.
    static func retry(_ message: String) -> CallFailure {
        CallFailure(message, .retry(after: nil))
    }

    public var description: String { message }
}
