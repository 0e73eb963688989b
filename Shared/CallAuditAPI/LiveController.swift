import CallAuditCore
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// Live calls over HTTP: `POST /v1/live/tokens` gives a browser a short-lived token for the WebSocket, and `GET
/// /v1/live` without an upgrade answers what is wrong with the request (a bad field: 400, no room: 503, else 426). The
/// sessions themselves run on the WebSocket router (``socketRouter()``).
struct LiveController<Context: RequestContext>: Sendable {
    let live: LiveDependencies

    struct TokenView: ResponseEncodable {
        var token: String
        var expiresAt: Date
        var url: String

        enum CodingKeys: String, CodingKey {
            case token
            case expiresAt = "expires_at"
            case url
        }
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/live/tokens", method: .post) { request, _ in
            let identity = live.tokens.keys?.identify(authorization: request.headers[.authorization])
            let (token, expiresAt) = live.tokens.mint(identity: identity)
            return EditedResponse(status: .created, response: TokenView(token: token, expiresAt: expiresAt,
                                                                        url: "/v1/live?token=\(token)"))
        }
        routes.on("/v1/live", method: .get) { request, _ -> Response in
            let session = try LiveSessionRequest(request)
            try session.validate(limits: live.limits)
            guard live.sessions.hasRoom else { throw Self.full(live.sessions.limit) }
            var response = JSONErrorMiddleware<Context>.response(for: CallAuditError(
                status: 426, code: "upgrade_required",
                message: "open /v1/live as a WebSocket (Connection: Upgrade, Upgrade: websocket)"))
            response.headers[.upgrade] = "websocket"
            return response
        }
    }

    static func full(_ limit: Int) -> CallAuditError {
        CallAuditError(status: 503, code: "too_many_live_sessions",
                       message: "this ingest process holds \(limit) live calls already; try again or another replica")
    }

    /// The router that upgrades `GET /v1/live` to a live session. A refused upgrade can only be an empty `400`, so a
    /// session that cannot be opened (no key or token: 401, a bad field: 400, no room: 503) is upgraded and told why:
    /// an `error` event with the code and message, then a close with code 4000 + the HTTP status (4401, 4400, 4503).
    func socketRouter() -> Router<LiveSocketContext> {
        let router = Router(context: LiveSocketContext.self)
        router.ws("/v1/live") { _, _ in .upgrade([:]) } onUpgrade: { inbound, outbound, context in
            do {
                let session = try live.open(context.request)
                let admitted = await live.sessions.withSession {
                    await LiveSession(request: session, dependencies: live).run(inbound: inbound, outbound: outbound,
                                                                                logger: live.logger)
                }
                if !admitted { throw Self.full(live.sessions.limit) }
            } catch let refusal as CallAuditError {
                try await outbound.write(.text(LiveEvent.error(code: refusal.code, message: refusal.message).text))
                try await outbound.close(.unknown(UInt16(4000 + refusal.status)), reason: refusal.code)
            }
        }
        return router
    }
}

extension LiveDependencies {
    /// The session `request` asks for, when it may open one (the API is open, or it carries a valid key or live token)
    /// and its fields are valid; else the error, as the HTTP route would answer it.
    func open(_ request: Request) throws -> LiveSessionRequest {
        guard tokens.admits(request) else {
            throw CallAuditError(status: 401, code: "unauthorized", message:
                "an API key or a live token is required: Authorization: Bearer <key>, or ?token= from POST /v1/live/tokens")
        }
        let session = try LiveSessionRequest(request)
        try session.validate(limits: limits)
        return session
    }
}

/// The request context of the WebSocket router.
public struct LiveSocketContext: RequestContext, WebSocketRequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The session's handler, once upgraded.
    public let webSocket: WebSocketHandlerReference<LiveSocketContext>

    /// Creates the context of an upgrade request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }
}
