import CallAuditRuntime
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Telemetry

/// The worker's own small HTTP server: `GET /metrics` (every metric of the process, with the backends', the
/// queue's and this worker's slot gauges refreshed at each scrape) and `GET /health` (the process answers).
/// When its port cannot be bound the worker logs an error and goes on working without it.
public struct MetricsServer: Service {
    let host: String
    let port: Int
    let gauges: BackendGauges
    let inFlight: InFlightEntries
    let concurrency: Int
    let logger: Logger

    /// A server on `configuration`'s metrics host and port.
    public init(configuration: WorkerConfiguration, backends: Backends, inFlight: InFlightEntries, logger: Logger) {
        host = configuration.metricsHost
        port = configuration.metricsPort
        gauges = BackendGauges(repository: backends.repository, queue: backends.queue)
        self.inFlight = inFlight
        concurrency = configuration.concurrency
        self.logger = logger
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let router = Router()
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("/metrics") { _, _ in
            await gauges.refresh()
            Telemetry.workerSlots(inFlight: inFlight.count, free: max(0, concurrency - inFlight.attempting))
            return Response(status: .ok, headers: [.contentType: Telemetry.contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: Telemetry.exposition())))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "callaudit-worker"),
            logger: logger)
        do {
            try await app.run()
        } catch {
            logger.error("the metrics server could not run; the worker goes on without /metrics and /health",
                         metadata: ["address": "\(host):\(port)", "error": "\(error)"])
            try? await gracefulShutdown()
        }
    }
}
