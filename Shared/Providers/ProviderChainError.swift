import CallAuditCore
import FailurePolicy

/// Why the chain could not finish a step, and the requests it made on the way (they are paid and recorded).
public struct ProviderChainError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A provider said the input is bad (400): the call fails with its message.
        case badInput
        /// Every provider failed or is out for now: the call is tried again later.
        case exhausted
    }

    /// What went wrong.
    public var kind: Kind
    /// The provider's message, or every provider's reason.
    public var message: String
    /// The requests made, priced.
    public var usage: [ProviderUsage]

    /// What the call's processor does: bad input fails the call; exhaustion tries it again later.
    public var disposition: FailureDisposition {
        switch kind {
        case .badInput: .permanent
        case .exhausted: .retry(after: nil)
        }
    }

    public var description: String {
        switch kind {
        case .badInput: "the provider rejected the input: \(message)"
        case .exhausted: "no provider could serve the request: \(message)"
        }
    }
}
