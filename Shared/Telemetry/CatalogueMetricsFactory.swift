import CoreMetrics
import Prometheus

/// A swift-metrics backend over a Prometheus registry that names, documents and buckets every metric as
/// `MetricCatalogue` says, so that a library's metrics and CallAudit's own come out in one consistent exposition.
struct CatalogueMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry

    func labels(_ dimensions: [(String, String)]) -> [(String, String)] {
        dimensions.map { (MetricCatalogue.libraryLabels[$0.0] ?? $0.0, $0.1) }
    }

    func descriptor(_ metric: MetricDefinition) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric.name, unitName: "", helpText: metric.help)
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        let metric = MetricCatalogue.definition(forLabel: label)
        return registry.makeCounter(descriptor: descriptor(metric), labels: labels(dimensions))
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        let metric = MetricCatalogue.definition(forLabel: label)
        return registry.makeCounter(descriptor: descriptor(metric), labels: labels(dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        let metric = MetricCatalogue.definition(forLabel: label)
        guard aggregate, let buckets = metric.buckets else {
            return registry.makeGauge(descriptor: descriptor(metric), labels: labels(dimensions))
        }
        return registry.makeValueHistogram(descriptor: descriptor(metric), labels: labels(dimensions), buckets: buckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        let metric = MetricCatalogue.definition(forLabel: label)
        return registry.makeGauge(descriptor: descriptor(metric), labels: labels(dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let metric = MetricCatalogue.definition(forLabel: label)
        let buckets = (metric.buckets ?? MetricCatalogue.requestSeconds).map { Duration.nanoseconds(Int64($0 * 1e9)) }
        return registry.makeDurationHistogram(descriptor: descriptor(metric), labels: labels(dimensions), buckets: buckets)
    }

    func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
        if let histogram = handler as? ValueHistogram { registry.unregisterValueHistogram(histogram) }
    }

    func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
