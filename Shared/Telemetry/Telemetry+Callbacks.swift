import Metrics

extension Telemetry {
    /// One callback delivery attempt of `event` (`call.done`, `call.failed`) and its `outcome` (`delivered`,
    /// `retrying`, `failed`).
    public static func callbackAttempt(event: String, outcome: String) {
        Counter(label: MetricCatalogue.callbackAttempts.name, dimensions: [("event", event), ("outcome", outcome)]).increment()
    }
}
