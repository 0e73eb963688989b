import Hummingbird

/// CORS for browser clients, closed by default: with `CORS_ALLOWED_ORIGINS` (comma-separated origins, or `*`) a
/// request from a listed origin gets `Access-Control-Allow-Origin`, and a preflight `OPTIONS` is answered here.
/// Requests from other origins get no CORS headers, so browsers refuse them.
struct CORSPolicy<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    static var allowHeaders: String { "Authorization, Content-Type, Idempotency-Key, X-Signature, Accept" }

    func allowedOrigin(_ origin: String?) -> String? {
        guard let origin, origin != "null" else { return nil }
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = allowedOrigin(request.headers[.origin]) else {
            if request.method == .options && request.headers[.origin] != nil { return Response(status: .forbidden) }
            return try await next(request, context)
        }
        var response = request.method == .options ? Response(status: .noContent) : try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        if request.method == .options {
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = Self.allowHeaders
            response.headers[.accessControlMaxAge] = "600"
        }
        return response
    }
}
