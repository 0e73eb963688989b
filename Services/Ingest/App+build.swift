import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import Hummingbird
import Logging

/// Builds the ingest application: clients, migrations, routes.
func buildApplication(_ configuration: IngestConfiguration, environment: EnvironmentVariables, logger: Logger) async throws
    -> some ApplicationProtocol
{
    let backends = try await Backends.start(configuration.backend, logger: logger)
    let dependencies = IngestDependencies(
        configuration: configuration, repository: backends.repository, queue: backends.queue,
        webhookSignature: environment.string("WEBHOOK_SECRET").map(WebhookSignature.init(secret:)), logger: logger)
    return Application(
        router: buildRouter(dependencies).router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "callaudit-ingest"),
        services: [ServiceClientsCloser(backends.clients)],
        logger: logger)
}

/// The router with every route, and the list of those routes for `/openapi.json`'s test.
func buildRouter(_ dependencies: IngestDependencies) -> (router: Router<IngestRequestContext>, routes: [APIRoute]) {
    let router = Router(context: IngestRequestContext.self)
    let configuration = dependencies.configuration
    if !configuration.corsAllowedOrigins.isEmpty { router.add(middleware: CORSPolicy(origins: configuration.corsAllowedOrigins)) }
    router.add(middleware: JSONErrorMiddleware())
    let rateLimiter = configuration.rateLimitPerMinute > 0
        ? RateLimiter(redis: dependencies.queue.redis, keyPrefix: dependencies.queue.configuration.keyPrefix,
                      perMinute: configuration.rateLimitPerMinute, logger: dependencies.logger)
        : nil
    router.add(middleware: AccessMiddleware(
        keys: configuration.apiKeys, rateLimiter: rateLimiter, signedWebhooks: dependencies.webhookSignature != nil))
    let routes = RouteRecorder(router: router)
    let board = ProviderStatusBoard(redis: dependencies.queue.redis, keyPrefix: dependencies.queue.configuration.keyPrefix)
    HealthController(repository: dependencies.repository, queue: dependencies.queue, board: board).addRoutes(to: routes)
    ProvidersController(board: board).addRoutes(to: routes)
    CallsController(intake: dependencies.intake, repository: dependencies.repository, configuration: dependencies.configuration)
        .addRoutes(to: routes)
    let webhooks = WebhookController<IngestRequestContext>(
        intake: dependencies.intake, configuration: dependencies.configuration, signature: dependencies.webhookSignature)
    webhooks.addRoutes(to: routes)
    webhooks.addRoutes(to: routes, path: "/webhook/new_call_recording")
    ReportsController(repository: dependencies.repository).addRoutes(to: routes)
    SeedController(intake: dependencies.intake, repository: dependencies.repository, configuration: dependencies.configuration)
        .addRoutes(to: routes)
    MetricsController(queue: dependencies.queue).addRoutes(to: routes)
    AdminController(queue: dependencies.queue, repository: dependencies.repository).addRoutes(to: routes)
    OpenAPIController().addRoutes(to: routes)
    return (router, routes.routes)
}
