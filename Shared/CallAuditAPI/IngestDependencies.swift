import CallAuditRuntime
import CallQueue
import CallStore
import Dashboard
import Logging
import Providers
import RedisClient

/// What the routes need, built once at start: the store and the queue behind protocols, so that routing, validation
/// and error mapping can be tested in-process with stand-ins.
public struct IngestDependencies: Sendable {
    let configuration: IngestConfiguration
    let calls: any CallStorage
    let queue: any WorkQueue
    let providerStatus: any ProviderStatusSource
    let rateLimiter: RateLimiter?
    let logger: Logger
    /// The API contract served at `/openapi.yaml` and `/openapi.json`.
    let openAPI: OpenAPIDocument
    /// Refreshes the backends' and the queue's gauges before a scrape of `/metrics`.
    let refreshGauges: @Sendable () async -> Void
    /// The one batcher all submitting routes share.
    let intake: CallIntake
    /// The web UI's templates and files; `nil`: no dashboard routes (in-process tests of the API).
    let dashboard: Dashboard?
    /// Answers questions about calls.
    let chat: ChatAnswerer
    /// What live calls share.
    let live: LiveDependencies

    /// What the routes of a process share, from its backends (PostgreSQL and Redis); `chatModels` answer questions about
    /// calls (none: the offline answer), priced by `prices`.
    public init(
        configuration: IngestConfiguration, backends: Backends, redis: RedisClient, openAPI: OpenAPIDocument,
        dashboard: Dashboard?, chatModels: [ChatModel] = [], prices: PriceTable = PriceTable(), logger: Logger
    ) {
        let prefix = backends.queue.configuration.keyPrefix
        self.init(
            configuration: configuration, calls: backends.repository, queue: backends.queue,
            providerStatus: ProviderStatusBoard(redis: redis, keyPrefix: prefix),
            rateLimiter: configuration.rateLimitPerMinute > 0
                ? RateLimiter(redis: redis, keyPrefix: prefix, perMinute: configuration.rateLimitPerMinute, logger: logger)
                : nil,
            openAPI: openAPI, refreshGauges: BackendGauges(repository: backends.repository, queue: backends.queue).refresh,
            dashboard: dashboard, chatModels: chatModels, prices: prices, logger: logger)
    }

    /// What the routes share, from any implementations (tests).
    init(
        configuration: IngestConfiguration, calls: any CallStorage, queue: any WorkQueue,
        providerStatus: any ProviderStatusSource, rateLimiter: RateLimiter?, openAPI: OpenAPIDocument,
        refreshGauges: @escaping @Sendable () async -> Void = {}, dashboard: Dashboard? = nil, chatModels: [ChatModel] = [],
        prices: PriceTable = PriceTable(), logger: Logger
    ) {
        self.dashboard = dashboard
        self.refreshGauges = refreshGauges
        self.configuration = configuration
        self.calls = calls
        self.openAPI = openAPI
        self.queue = queue
        self.providerStatus = providerStatus
        self.rateLimiter = rateLimiter
        self.logger = logger
        intake = CallIntake(calls: calls, queue: queue, logger: logger)
        chat = ChatAnswerer(calls: calls, models: chatModels, prices: prices, logger: logger)
        live = LiveDependencies(
            calls: calls, intake: intake, settings: configuration.live, limits: configuration.submissionLimits,
            prices: prices, tokens: LiveTokens(keys: configuration.apiKeys.map { $0.including(configuration.adminKeys) }),
            sessions: LiveSessionCount(limit: configuration.live.maxSessions), logger: logger)
    }
}
