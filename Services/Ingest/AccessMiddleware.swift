import CallAuditCore
import Hummingbird

/// Who may call what (README: Access). With `API_KEYS` set, every route but `/health`, `/ready`, `/metrics` and
/// `/openapi.json` needs `Authorization: Bearer <key>`; a CRM webhook signed under `WEBHOOK_SECRET` needs no key (the
/// signature is checked by its controller). With `RATE_LIMIT_PER_MINUTE` set, each key (or, without one, each client
/// address: webhooks too) gets that many requests a minute, then `429` with `Retry-After`.
struct AccessMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let keys: APIKeys?
    let rateLimiter: RateLimiter?
    let signedWebhooks: Bool

    let openPaths: Set<String> = ["/health", "/ready", "/metrics", "/openapi.json"]
    let webhookPaths: Set<String> = ["/v1/webhooks/crm", "/webhook/new_call_recording"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if openPaths.contains(path) || request.method == .options { return try await next(request, context) }
        var caller: String?
        if let keys, !(signedWebhooks && webhookPaths.contains(path)) {
            caller = keys.identify(authorization: request.headers[.authorization])
            guard caller != nil else {
                var response = JSONErrorMiddleware<Context>.response(for: CallAuditError(
                    status: 401, code: "unauthorized", message: "an API key is required: Authorization: Bearer <key>"))
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            }
        }
        guard let rateLimiter else { return try await next(request, context) }
        let identity = caller ?? context.remoteAddress?.ipAddress.map { "address:\($0)" } ?? "anonymous"
        if let seconds = await rateLimiter.retryAfter(identity: identity) {
            var response = JSONErrorMiddleware<Context>.response(for: CallAuditError(
                status: 429, code: "rate_limited", message: "more than \(rateLimiter.perMinute) requests this minute; retry in \(seconds) s"))
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        return try await next(request, context)
    }
}
