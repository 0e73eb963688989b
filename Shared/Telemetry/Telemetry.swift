import CoreMetrics
import Prometheus

/// The process's metrics: swift-metrics bootstrapped once with a Prometheus registry behind it, and the text
/// exposition that `/metrics` serves. Recording functions for CallAudit's own events are in `Telemetry+*.swift`.
public enum Telemetry {
    /// The registry behind swift-metrics; created, and swift-metrics bootstrapped with it, on first use.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(CatalogueMetricsFactory(registry: registry))
        return registry
    }()

    /// Bootstraps swift-metrics with the Prometheus registry; later calls do nothing. Call it before anything
    /// records a metric (metrics made before it record nowhere).
    public static func bootstrap() {
        _ = registry
    }

    /// The `Content-Type` of `exposition()`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric in the Prometheus text format.
    public static func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
