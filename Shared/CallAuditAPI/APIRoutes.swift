import Hummingbird
import HummingbirdWebSocket

/// The ingest API's router: every route, in groups by who may call them.
public enum APIRoutes {
    /// The router, and the list of its routes for the OpenAPI file's test. Every request is counted and timed by route
    /// and status (`/metrics`) and logged at `debug`. Open: health, readiness, metrics and the
    /// API's description. Behind `API_KEYS` (and the rate limit): `/v1` and the seed routes. Behind `ADMIN_API_KEYS`:
    /// `/v1/admin`. The dashboard's pages (not part of the API contract) need a session from `/login` when `API_KEYS`
    /// is set, and are rate-limited like the API; its API explorers and static files are open.
    public static func router(_ dependencies: IngestDependencies) -> (router: Router<IngestRequestContext>, routes: [APIRoute]) {
        let router = Router(context: IngestRequestContext.self)
        let configuration = dependencies.configuration
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: MetricsMiddleware())
        if !configuration.corsAllowedOrigins.isEmpty { router.add(middleware: CORSPolicy(origins: configuration.corsAllowedOrigins)) }
        router.add(middleware: JSONErrorMiddleware())
        let open = RouteRecorder(router: router)
        let access = AccessMiddleware<IngestRequestContext>(
            keys: configuration.apiKeys.map { $0.including(configuration.adminKeys) }, rateLimiter: dependencies.rateLimiter,
            signedWebhooks: configuration.webhookSignature != nil, liveTokens: dependencies.live.tokens)
        let api = open.group(access)
        let admin = open.group(AdminAccessMiddleware(keys: configuration.adminKeys))

        HealthController(calls: dependencies.calls, queue: dependencies.queue, providerStatus: dependencies.providerStatus)
            .addRoutes(to: open)
        MetricsController(refreshGauges: dependencies.refreshGauges).addRoutes(to: open)
        OpenAPIController(document: dependencies.openAPI).addRoutes(to: open)
        ProvidersController(providerStatus: dependencies.providerStatus).addRoutes(to: api)
        CallsController(intake: dependencies.intake, calls: dependencies.calls, configuration: configuration)
            .addRoutes(to: api)
        let webhooks = WebhookController<IngestRequestContext>(
            intake: dependencies.intake, configuration: configuration, signature: configuration.webhookSignature)
        webhooks.addRoutes(to: api)
        webhooks.addRoutes(to: api, path: "/webhook/new_call_recording")
        ReportsController(calls: dependencies.calls).addRoutes(to: api)
        ChatController(chat: dependencies.chat, calls: dependencies.calls).addRoutes(to: api)
        LiveController<IngestRequestContext>(live: dependencies.live).addRoutes(to: api)
        SeedController(intake: dependencies.intake, calls: dependencies.calls, configuration: configuration)
            .addRoutes(to: api)
        AdminController(queue: dependencies.queue, calls: dependencies.calls).addRoutes(to: admin)
        ReviewsController(calls: dependencies.calls, adminKeys: configuration.adminKeys).addRoutes(to: admin)
        if let dashboard = dependencies.dashboard {
            let sessions = DashboardSessions(
                keys: configuration.apiKeys, adminKeys: configuration.adminKeys, secret: configuration.sessionSecret)
            let pages = DashboardController<IngestRequestContext>(
                dashboard: dashboard, intake: dependencies.intake, calls: dependencies.calls, queue: dependencies.queue,
                providerStatus: dependencies.providerStatus, configuration: configuration, sessions: sessions,
                chat: dependencies.chat, liveTokens: dependencies.live.tokens)
            let rateLimited = router.group().add(middleware: AccessMiddleware<IngestRequestContext>(
                keys: nil, rateLimiter: dependencies.rateLimiter, signedWebhooks: false, liveTokens: nil))
            pages.addPages(to: rateLimited.group().add(middleware: DashboardSignIn(sessions: sessions)))
            pages.addSignIn(to: rateLimited)
            pages.addOpenRoutes(to: router)
        }
        return (router, open.routes)
    }

    /// The router of the WebSocket upgrades (`GET /v1/live`); a request it does not upgrade goes on to ``router(_:)``.
    public static func socketRouter(_ dependencies: IngestDependencies) -> Router<LiveSocketContext> {
        LiveController<IngestRequestContext>(live: dependencies.live).socketRouter()
    }
}
