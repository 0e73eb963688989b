import CallAuditCore
import Dashboard
import Foundation
import Hummingbird

/// The Live call screen and the token its script opens `GET /v1/live` with.
extension DashboardController {
    /// The screen: the call's fields and the microphone's controls.
    func livePage(_ request: Request) -> Response {
        page(request, section: .live, title: "live_title", template: "live") {
            LivePage(language: $0, realtime: configuration.live.realtime != nil)
        }
    }

    /// A live token for the signed-in user's key (any token in the open mode), as `POST /v1/live/tokens` gives one.
    func liveToken(_ request: Request, context: Context) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        let (token, expiresAt) = liveTokens.mint(identity: sessions.session(of: request)?.identity)
        return try LiveController<Context>.TokenView(token: token, expiresAt: expiresAt, url: "/v1/live?token=\(token)")
            .response(from: request, context: context)
    }
}
