import CallAuditCore
import Metrics

extension Telemetry {
    /// How a provider request ended, as `callaudit_provider_requests_total` labels it.
    public enum ProviderOutcome: String, Sendable {
        /// A usable answer.
        case ok
        /// A failure worth retrying (timeout, 429, 5xx, an unusable answer).
        case transientError = "transient_error"
        /// The provider is misconfigured or out of credit.
        case unavailable
        /// The provider refused the input.
        case badInput = "bad_input"
    }

    /// Provider requests that ended as `outcome`: counted with their latency, tokens, audio seconds and cost.
    public static func providerRequests(_ requests: some Sequence<ProviderUsage>, outcome: ProviderOutcome) {
        for request in requests {
            let dimensions = [("provider", request.provider), ("step", request.step)]
            Counter(label: MetricCatalogue.providerRequests.name, dimensions: dimensions + [("outcome", outcome.rawValue)])
                .increment()
            Timer(label: MetricCatalogue.providerRequestDuration.name, dimensions: dimensions)
                .recordMilliseconds(request.latencyMilliseconds)
            Counter(label: MetricCatalogue.providerTokens.name, dimensions: dimensions + [("direction", "input")])
                .increment(by: request.inputTokens)
            Counter(label: MetricCatalogue.providerTokens.name, dimensions: dimensions + [("direction", "output")])
                .increment(by: request.outputTokens)
            FloatingPointCounter(label: MetricCatalogue.providerAudioSeconds.name, dimensions: [("provider", request.provider)])
                .increment(by: request.audioSeconds)
            FloatingPointCounter(label: MetricCatalogue.providerCost.name, dimensions: dimensions)
                .increment(by: request.costUSD)
        }
    }

    /// Whether `provider` may be asked now and whether its circuit breaker is open.
    public static func providerState(_ provider: String, available: Bool, circuitOpen: Bool) {
        Gauge(label: MetricCatalogue.providerAvailable.name, dimensions: [("provider", provider)]).record(available ? 1 : 0)
        Gauge(label: MetricCatalogue.providerCircuitOpen.name, dimensions: [("provider", provider)]).record(circuitOpen ? 1 : 0)
    }
}
