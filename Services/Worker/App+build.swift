import CallAuditCore
import CallAuditRuntime
import CallProcessing
import Callbacks
import CurlHTTP
import Logging
import Providers
import ServiceLifecycle
import Telemetry

/// Builds the worker's services from the environment. A setting that cannot be used throws here, before anything
/// starts; PostgreSQL and Redis are prepared (migrated, consumer group created) by the consumer as it starts, retried
/// while they come up.
func buildServiceGroup(reader environment: EnvironmentVariables) async throws -> ServiceGroup {
    let configuration = try WorkerConfiguration(environment: environment)
    let callbacks = try CallbackSettings(environment: environment, targets: configuration.backend.callbacks)
    Telemetry.bootstrap()
    let logger = Logger.service("callaudit-worker", environment: environment)
    let clients = try ServiceClients(configuration.backend, logger: logger)
    let backends = Backends(clients: clients, configuration: configuration.backend)
    let http = CurlHTTPClient(threads: configuration.concurrency)
    // Callbacks have threads of their own: a slow CRM never holds up a call's provider requests.
    let callbackHTTP = CurlHTTPClient(threads: callbacks.concurrency)
    let providers = try ProviderSettings(environment: environment, http: http)
    let health = ProviderHealth(providers.statuses, logger: logger)
    let cache = RepositoryAnswerCache(repository: backends.repository, logger: logger)
    let chain = ProviderChain(health: health, retry: providers.retry, prices: providers.prices, cache: cache)
    let pipeline = CallPipeline(
        repository: backends.repository, http: http, providers: providers, chain: chain, configuration: configuration)
    let processor = CallProcessor(
        repository: backends.repository, queue: backends.queue, pipeline: pipeline, logger: logger)
    let inFlight = InFlightEntries()
    logger.info("worker starting", metadata: [
        "consumer": "\(configuration.consumerName)", "concurrency": "\(configuration.concurrency)",
        "transcription": "\(providers.transcribers.map { "\($0.provider):\($0.model)" }.joined(separator: ","))",
        "analysis": "\(providers.analysts.map { "\($0.provider):\($0.model)" }.joined(separator: ","))",
    ])
    var groupConfiguration = ServiceGroupConfiguration(
        services: [
            .init(service: clients),
            .init(service: cache),
            .init(service: http),
            .init(service: callbackHTTP),
            .init(service: QueueMaintenance(
                backends: backends, inFlight: inFlight, configuration: configuration,
                transcriptionConfigured: !providers.transcribers.isEmpty, logger: logger)),
            .init(service: ProviderStatusPublisher(
                health: health, board: ProviderStatusBoard(redis: clients.redis, keyPrefix: configuration.backend.queue.keyPrefix),
                interval: .seconds(5), logger: logger)),
            .init(service: MetricsServer(
                configuration: configuration, backends: backends, inFlight: inFlight, logger: logger)),
            .init(service: CallbackDispatcher(
                backends: backends, http: callbackHTTP, settings: callbacks, logger: logger)),
            .init(service: QueueConsumer(
                backends: backends, processor: processor, inFlight: inFlight, configuration: configuration,
                logger: logger)),
        ],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger)
    groupConfiguration.maximumGracefulShutdownDuration = configuration.maximumShutdownDuration
    return ServiceGroup(configuration: groupConfiguration)
}
