import CallAuditCore
import Hummingbird

/// Guards the API's routes (README: Access). With `API_KEYS` set, a request needs `Authorization: Bearer <key>` (an
/// admin key also serves); a CRM webhook signed under `WEBHOOK_SECRET` needs no key (the signature is checked by its
/// controller). With `RATE_LIMIT_PER_MINUTE` set, each key (or, without one, each client address: webhooks too) gets
/// that many requests a minute, then `429` with `Retry-After`.
struct AccessMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let keys: APIKeys?
    let rateLimiter: RateLimiter?
    let signedWebhooks: Bool
    /// Tokens that open `GET /v1/live` for browsers (`?token=`), which cannot send `Authorization` on a WebSocket.
    let liveTokens: LiveTokens?

    let webhookPaths: Set<String> = ["/v1/webhooks/crm", "/webhook/new_call_recording"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .options { return try await next(request, context) }
        var caller: String?
        if let keys, !(signedWebhooks && webhookPaths.contains(request.uri.path)) {
            caller = keys.identify(authorization: request.headers[.authorization]) ?? liveTokenCaller(request)
            guard caller != nil else {
                if request.uri.path == "/v1/live", request.uri.queryParameters["token"] != nil {
                    return JSONErrorMiddleware<Context>.unauthorized(
                        "the live token is not valid or has expired; get a new one from POST /v1/live/tokens")
                }
                return JSONErrorMiddleware<Context>.unauthorized("an API key is required: Authorization: Bearer <key>")
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

    /// The identity of the key a valid live token of `GET /v1/live` was issued for.
    func liveTokenCaller(_ request: Request) -> String? {
        guard request.uri.path == "/v1/live", let token = request.uri.queryParameters["token"] else { return nil }
        return liveTokens?.identity(ofToken: String(token))
    }
}
