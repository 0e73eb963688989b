import CallAuditCore
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// Live calls over HTTP: `POST /v1/live/tokens` gives a browser a short-lived token for the WebSocket, and `GET
/// /v1/live` answers what is wrong with a request that was not upgraded (a bad field: 400, no room: 503, not a
/// WebSocket: 426). The sessions themselves run on the WebSocket router (``socketRouter()``).
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

    /// The router that upgrades `GET /v1/live` to a live session when the caller may open one (an API key, or a token
    /// from `POST /v1/live/tokens`), its fields are valid and there is room; anything else is left to the HTTP router,
    /// which answers why.
    func socketRouter() -> Router<LiveSocketContext> {
        let router = Router(context: LiveSocketContext.self)
        router.ws("/v1/live") { request, _ in
            guard live.admits(request), let session = try? LiveSessionRequest(request),
                  (try? session.validate(limits: live.limits)) != nil, live.sessions.hasRoom
            else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let session = try? LiveSessionRequest(context.request) else { return }
            let admitted = await live.sessions.withSession {
                await LiveSession(request: session, dependencies: live).run(inbound: inbound, outbound: outbound,
                                                                            logger: live.logger)
            }
            if !admitted {
                let full = Self.full(live.sessions.limit)
                try await outbound.write(.text(LiveEvent.error(code: full.code, message: full.message).text))
                try await outbound.close(.unknown(1013), reason: "try again later")
            }
        }
        return router
    }
}

extension LiveDependencies {
    /// Whether `request` may open a session: the API is open, or it carries a valid key or live token.
    func admits(_ request: Request) -> Bool {
        guard let keys = tokens.keys else { return true }
        if keys.identify(authorization: request.headers[.authorization]) != nil { return true }
        guard let token = request.uri.queryParameters["token"] else { return false }
        return tokens.accepts(String(token))
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
