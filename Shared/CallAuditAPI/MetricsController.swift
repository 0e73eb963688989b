import CallQueue
import Hummingbird
import NIOCore

/// `GET /metrics`: the queue's depth in Prometheus text format, for dashboards and autoscaling workers on lag.
struct MetricsController<Context: RequestContext>: Sendable {
    let queue: any WorkQueue

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/metrics", method: .get) { _, _ in
            let stats = try await queue.stats()
            let gauges: [(String, String, Int)] = [
                ("callaudit_queue_stream_length", "Entries in the job stream, delivered or not.", stats.streamLength),
                ("callaudit_queue_pending", "Entries delivered to a worker and not yet acked.", stats.pending),
                ("callaudit_queue_lag", "Entries not yet delivered to any worker.", stats.lag),
                ("callaudit_queue_delayed", "Calls waiting for a retry.", stats.delayed),
                ("callaudit_queue_dead_letters", "Calls that ran out of attempts.", stats.deadLetters),
            ]
            let text = gauges.map { name, help, value in "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value)\n" }
                .joined()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
