import Hummingbird
import NIOCore
import Telemetry

/// `GET /metrics`: every metric of the process in Prometheus text format (requests by route and status, calls
/// accepted), with the backends' and the queue's gauges refreshed at each scrape.
struct MetricsController<Context: RequestContext>: Sendable {
    /// Brings the gauges read at scrape time up to date.
    let refreshGauges: @Sendable () async -> Void

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/metrics", method: .get) { _, _ in
            await refreshGauges()
            return Response(status: .ok, headers: [.contentType: Telemetry.contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: Telemetry.exposition())))
        }
    }
}
