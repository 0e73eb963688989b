import FailurePolicy
import Foundation
import Logging
import Telemetry

/// Per provider: the circuit breaker (after `failureThreshold` failures in a row it is skipped for `cooldown`, then
/// one request tries it again), the unavailable mark of a 401, 403 or exhausted quota (skipped for
/// `unavailableCooldown`, so a fixed key is picked up without a restart), and its last answer.
public actor ProviderHealth {
    struct State {
        var status: ProviderStatus
        var consecutiveFailures = 0
        var skipUntil: ContinuousClock.Instant?
    }

    let failureThreshold: Int
    let cooldown: Duration
    let unavailableCooldown: Duration
    let logger: Logger
    var states: [String: State] = [:]
    let clock = ContinuousClock()

    /// Creates the health of the configured providers.
    public init(_ statuses: [ProviderStatus], failureThreshold: Int = 5, cooldown: Duration = .seconds(30),
                unavailableCooldown: Duration = .seconds(300), logger: Logger) {
        self.failureThreshold = failureThreshold
        self.cooldown = cooldown
        self.unavailableCooldown = unavailableCooldown
        self.logger = logger
        for status in statuses {
            states[status.provider] = State(status: status)
            Telemetry.providerState(status.provider, available: status.available, circuitOpen: false)
        }
    }

    /// Whether `provider` may be asked now: not marked out, or its time out is over. Then this caller's request is
    /// the one trial: others are kept out for another `cooldown` unless its answer closes the breaker first.
    public func admits(_ provider: String) -> Bool {
        guard let until = states[provider]?.skipUntil else { return true }
        guard clock.now >= until else { return false }
        states[provider]?.skipUntil = clock.now + cooldown
        return true
    }

    /// A usable answer: the breaker closes and any unavailable mark goes.
    public func recordSuccess(_ provider: String, status: Int?) {
        update(provider) { state in
            state.consecutiveFailures = 0
            state.skipUntil = nil
            state.status.available = true
            state.status.reason = nil
            state.status.lastRequestOK = true
            state.status.lastStatus = status
        }
    }

    /// A failed request: counts toward the breaker, or marks the provider out at once when it is misconfigured.
    public func recordFailure(_ failure: ProviderFailure) {
        update(failure.provider) { state in
            state.status.lastRequestOK = false
            state.status.lastStatus = failure.status
            switch failure.disposition {
            case .providerUnavailable:
                state.skipUntil = clock.now + unavailableCooldown
                state.status.available = false
                state.status.reason = "misconfigured or out of credit: \(failure.message)"
                logger.error("provider unavailable: check its key, quota or model",
                             metadata: ["provider": "\(failure.provider)", "status": "\(failure.status ?? 0)",
                                        "error": "\(failure.message)"])
            case .retry:
                state.consecutiveFailures += 1
                if state.consecutiveFailures >= failureThreshold {
                    state.skipUntil = clock.now + cooldown
                    state.status.available = false
                    state.status.reason = "circuit open after \(state.consecutiveFailures) failures in a row: \(failure.message)"
                    logger.warning("provider circuit open", metadata: ["provider": "\(failure.provider)",
                                                                     "failures": "\(state.consecutiveFailures)"])
                }
            case .permanent:
                break
            }
        }
    }

    /// Every provider's status now.
    public func snapshot() -> [ProviderStatus] {
        states.values.map(\.status).sorted { $0.provider < $1.provider }
    }

    func update(_ provider: String, _ change: (inout State) -> Void) {
        var state = states[provider] ?? State(status: ProviderStatus(provider: provider, steps: [:]))
        change(&state)
        state.status.lastRequestAt = Date()
        states[provider] = state
        Telemetry.providerState(
            provider, available: state.status.available, circuitOpen: state.consecutiveFailures >= failureThreshold)
    }
}
