import FailurePolicy
import Telemetry

extension Telemetry.ProviderOutcome {
    /// The outcome a failed request with this disposition is counted as.
    init(_ disposition: FailureDisposition) {
        switch disposition {
        case .retry: self = .transientError
        case .providerUnavailable: self = .unavailable
        case .permanent: self = .badInput
        }
    }
}
