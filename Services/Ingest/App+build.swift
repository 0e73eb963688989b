import CallAuditAPI
import CallAuditCore
import CallAuditRuntime
import CurlHTTP
import Dashboard
import Hummingbird
import HummingbirdWebSocket
import Logging
import Providers
import ServiceLifecycle
import Telemetry

/// Builds the ingest application from the environment: clients as services, migrations before the server starts,
/// the API's routes. A setting that cannot be used throws here, before anything starts.
func buildApplication(reader environment: EnvironmentVariables) async throws -> some ApplicationProtocol {
    let configuration = try IngestConfiguration(environment: environment)
    let openAPI = try OpenAPIDocument.load(path: configuration.openAPIPath)
    let dashboard = try await Dashboard.load(directory: configuration.dashboardPath, docsDirectory: configuration.docsAssetsPath)
    Telemetry.bootstrap()
    let logger = Logger.service("callaudit-ingest", environment: environment)
    let clients = try ServiceClients(configuration.backend, logger: logger)
    let backends = Backends(clients: clients, configuration: configuration.backend)
    // Questions about calls are answered here, streamed, through the providers' chat models.
    let chatHTTP = CurlHTTPClient(threads: 16)
    let providers = try ProviderSettings(environment: environment, http: chatHTTP)
    let dependencies = IngestDependencies(
        configuration: configuration, backends: backends, redis: clients.redis, openAPI: openAPI, dashboard: dashboard,
        chatModels: providers.chatModels, prices: providers.prices, logger: logger)
    var services: [any Service] = [clients, chatHTTP, ReportAggregateUpkeep(backends: backends, logger: logger)]
    if let dropFolder = configuration.dropFolder {
        services.append(DropFolderWatcher(settings: dropFolder, dependencies: dependencies, backends: backends))
    }
    var app = Application(
        router: APIRoutes.router(dependencies).router,
        server: .http1WebSocketUpgrade(webSocketRouter: APIRoutes.socketRouter(dependencies),
                                       configuration: .init(ws: .init(maxFrameSize: 1 << 20))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "callaudit-ingest"),
        services: services,
        logger: logger)
    app.beforeServerStarts { try await backends.prepare(logger: logger) }
    return app
}
