import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// The Queue screen and the replay of dead letters.
extension DashboardController {
    /// The queue's figures and the providers; a Redis that does not answer is said on the page, not a failed page.
    func queueStatus(_ request: Request) async -> Response {
        let stats = try? await queue.stats()
        let providers = (try? await providerStatus.read()) ?? []
        let letters = sessions.session(of: request)?.admin == true
            ? ((try? await queue.deadLetters(limit: AdminController<Context>.maxListed)) ?? []) : nil
        let replayed = request.uri.queryParameters.get("replayed").flatMap(Int.init)
        return page(request, section: .queue, title: "queue_title", template: "queue") {
            QueuePage(language: $0, stats: stats, providers: providers, deadLetters: letters, replayed: replayed)
        }
    }

    /// Replays one dead letter (`id`) or all of them, for a signed-in admin; then back to `back` (a failed call's page)
    /// or the Queue screen.
    func replay(_ request: Request) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        guard sessions.session(of: request)?.admin == true else {
            throw CallAuditError(status: 403, code: "admin_required", message: "replaying dead letters needs an admin key: sign in with one")
        }
        let replayed = try await AdminController<Context>(queue: queue, calls: calls).replay(form["id"].map { [$0] })
        let back = form["back"].map { Self.localPath($0) } ?? "/queue?replayed=\(replayed.count)"
        return Response(status: .seeOther, headers: [.location: back])
    }
}
