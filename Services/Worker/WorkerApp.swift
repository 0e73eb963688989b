import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import CurlHTTP
import Logging
import NIOPosix
import OfflineAnalyzer
import ServiceLifecycle

/// `callaudit-worker`: takes calls from the Redis stream, runs the pipeline and stores the results in PostgreSQL.
/// Run as many processes as needed; they share one consumer group.
@main
struct WorkerApp {
    static func main() async throws {
        let environment = EnvironmentVariables()
        let configuration = try WorkerConfiguration(environment: environment)
        let logger = Logger.service("callaudit-worker", environment: environment)
        let backends = try await Backends.start(configuration.backend, logger: logger)
        let (clients, repository, queue) = (backends.clients, backends.repository, backends.queue)

        let downloadThreads = NIOThreadPool(numberOfThreads: configuration.concurrency)
        downloadThreads.start()
        let pipeline = CallPipeline(
            repository: repository, http: CurlHTTPClient(threadPool: downloadThreads), analyzer: OfflineAnalyzer(),
            configuration: configuration)
        let processor = CallProcessor(repository: repository, queue: queue, pipeline: pipeline, logger: logger)
        let inFlight = InFlightEntries()
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: ServiceClientsCloser(clients)),
                    .init(service: QueueMaintenance(
                        queue: queue, repository: repository, inFlight: inFlight, configuration: configuration, logger: logger)),
                    .init(service: QueueConsumer(
                        queue: queue, processor: processor, inFlight: inFlight, configuration: configuration, logger: logger)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.info("worker started", metadata: [
            "consumer": "\(configuration.consumerName)", "concurrency": "\(configuration.concurrency)",
        ])
        try await group.run()
    }
}
