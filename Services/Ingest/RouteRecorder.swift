import Hummingbird

/// Adds routes to a router and remembers each one, so a test can hold `/openapi.json` against what is really served.
final class RouteRecorder<Context: RequestContext> {
    let router: Router<Context>
    private(set) var routes: [APIRoute] = []

    init(router: Router<Context>) {
        self.router = router
    }

    func on(
        _ path: String, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) {
        routes.append(APIRoute(method: method.rawValue, path: path))
        router.on(RouterPath(path), method: method, use: handler)
    }
}
