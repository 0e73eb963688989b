import Hummingbird

/// Adds routes to a router or one of its groups and remembers each one, so a test can hold the OpenAPI file against
/// what is really served. Groups carry the middleware that guards their routes (who may call them).
final class RouteRecorder<Context: RequestContext> {
    private let methods: any RouterMethods<Context>
    private let log: RouteLog

    init(router: Router<Context>) {
        methods = router
        log = RouteLog()
    }

    private init(methods: any RouterMethods<Context>, log: RouteLog) {
        self.methods = methods
        self.log = log
    }

    /// Every route added through this recorder or its groups.
    var routes: [APIRoute] { log.routes }

    /// A group whose routes pass through `middleware` first.
    func group(_ middleware: any MiddlewareProtocol<Request, Response, Context>) -> RouteRecorder {
        RouteRecorder(methods: methods.group().add(middleware: middleware), log: log)
    }

    func on(
        _ path: String, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) {
        log.routes.append(APIRoute(method: method.rawValue, path: path))
        methods.on(RouterPath(path), method: method, use: handler)
    }

    /// The routes added so far, shared by a recorder and its groups.
    private final class RouteLog {
        var routes: [APIRoute] = []
    }
}
