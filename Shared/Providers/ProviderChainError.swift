/// Why the chain could not finish a step.
public enum ProviderChainError: Error, Sendable, CustomStringConvertible {
    /// A provider said the input is bad (400): the call fails with its message.
    case badInput(String)
    /// Every provider failed or is out for now: the call is tried again later.
    case exhausted(String)

    public var description: String {
        switch self {
        case .badInput(let message): "the provider rejected the input: \(message)"
        case .exhausted(let reasons): "no provider could serve the request: \(reasons)"
        }
    }
}
