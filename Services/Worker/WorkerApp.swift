import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import CurlHTTP
import Logging
import NIOPosix
import Providers
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

        let httpThreads = NIOThreadPool(numberOfThreads: configuration.concurrency)
        httpThreads.start()
        let http = CurlHTTPClient(threadPool: httpThreads)
        let providers = try ProviderSettings(environment: environment, http: http)
        let health = ProviderHealth(providers.statuses, logger: logger)
        let chain = ProviderChain(
            health: health, retry: providers.retry, prices: providers.prices, cache: RepositoryAnswerCache(repository: repository))
        let pipeline = CallPipeline(
            repository: repository, http: http, audioThreads: httpThreads, providers: providers, chain: chain,
            configuration: configuration)
        let processor = CallProcessor(repository: repository, queue: queue, pipeline: pipeline, logger: logger)
        let inFlight = InFlightEntries()
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: ServiceClientsCloser(clients)),
                    .init(service: QueueMaintenance(
                        queue: queue, repository: repository, inFlight: inFlight, configuration: configuration,
                        transcriptionConfigured: !providers.transcribers.isEmpty, logger: logger)),
                    .init(service: ProviderStatusPublisher(
                        health: health, board: ProviderStatusBoard(redis: queue.redis, keyPrefix: queue.configuration.keyPrefix),
                        interval: .seconds(5), logger: logger)),
                    .init(service: QueueConsumer(
                        queue: queue, processor: processor, inFlight: inFlight, configuration: configuration, logger: logger)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.info("worker started", metadata: [
            "consumer": "\(configuration.consumerName)", "concurrency": "\(configuration.concurrency)",
            "transcription": "\(providers.transcribers.map { "\($0.provider):\($0.model)" }.joined(separator: ","))",
            "analysis": "\(providers.analysts.map { "\($0.provider):\($0.model)" }.joined(separator: ","))",
        ])
        if let policy = await queue.evictionPolicy(), policy != "noeviction" {
            logger.warning("Redis may evict queue keys under memory pressure; set maxmemory-policy noeviction",
                           metadata: ["maxmemory_policy": "\(policy)"])
        }
        try await group.run()
    }
}
