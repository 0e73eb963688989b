import CallAuditCore
import CoreExtensions
import Metrics

extension Telemetry {
    /// Whether Redis and PostgreSQL answered at this scrape.
    public static func backendsUp(redis: Bool, postgres: Bool) {
        Gauge(label: MetricCatalogue.redisUp.name).record(redis ? 1 : 0)
        Gauge(label: MetricCatalogue.postgresUp.name).record(postgres ? 1 : 0)
    }

    /// The queue's depth now.
    public static func queueDepth(
        streamLength: Int, pending: Int, lag: Int, delayed: Int, deadLetters: Int, oldestWaitingAge: Duration
    ) {
        Gauge(label: MetricCatalogue.queueStreamLength.name).record(streamLength)
        Gauge(label: MetricCatalogue.queuePending.name).record(pending)
        Gauge(label: MetricCatalogue.queueLag.name).record(lag)
        Gauge(label: MetricCatalogue.queueDelayed.name).record(delayed)
        Gauge(label: MetricCatalogue.queueDeadLetters.name).record(deadLetters)
        Gauge(label: MetricCatalogue.queueOldestWaitingAge.name).record(Double(oldestWaitingAge.wholeMilliseconds) / 1000)
    }

    /// This worker's calls in flight and free slots now.
    public static func workerSlots(inFlight: Int, free: Int) {
        Gauge(label: MetricCatalogue.workerInFlight.name).record(inFlight)
        Gauge(label: MetricCatalogue.workerFreeSlots.name).record(free)
    }
}
