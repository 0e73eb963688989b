import Telemetry

extension Telemetry.ProviderOutcome {
    /// The outcome a failed request with this disposition is counted as.
    init(_ disposition: ProviderFailure.Disposition) {
        switch disposition {
        case .retry: self = .transientError
        case .unavailable: self = .unavailable
        case .badInput: self = .badInput
        }
    }
}
