import CallAuditCore
import CallQueue
import CallStore
import Foundation
import Hummingbird

/// `GET /v1/admin/dead-letters` lists the calls that ran out of attempts with their errors;
/// `POST /v1/admin/dead-letters/replay` gives them (all, or `{"ids": [...]}` by dead-letter id) a new start once the
/// cause is fixed: the call is `queued` again with no attempts, then enqueued.
/// `POST /v1/admin/calls/{id}/callbacks/replay` gives a call's failed callback deliveries a new start.
struct AdminController<Context: RequestContext>: Sendable {
    let queue: any WorkQueue
    let calls: any CallStorage

    struct DeadLetterView: Codable {
        var id: String
        var callID: String
        var error: String
        var attempts: Int

        enum CodingKeys: String, CodingKey {
            case id
            case callID = "call_id"
            case error, attempts
        }
    }

    struct ListView: ResponseEncodable {
        var deadLetters: [DeadLetterView]

        enum CodingKeys: String, CodingKey {
            case deadLetters = "dead_letters"
        }
    }

    struct ReplayBody: Decodable {
        var ids: [String]?
    }

    struct ReplayView: ResponseEncodable {
        var replayed: [String]
    }

    struct CallbackReplayView: ResponseEncodable {
        var replayed: Int
    }

    static var maxListed: Int { 1000 }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/admin/dead-letters", method: .get) { request, _ in
            let limit = min(Self.maxListed, max(1, Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 100))
            return ListView(deadLetters: try await queue.deadLetters(limit: limit).map(Self.view))
        }
        routes.on("/v1/admin/dead-letters/replay", method: .post) { request, _ in
            let raw = try await request.body.collect(upTo: 64 * 1024)
            let body = raw.readableBytes == 0 ? ReplayBody() : try JSONDecoder().decode(ReplayBody.self, from: Data(buffer: raw))
            return ReplayView(replayed: try await replay(body.ids))
        }
        routes.on("/v1/admin/calls/:id/callbacks/replay", method: .post) { _, context in
            let id = try CallsController<Context>.callID(context)
            guard try await calls.find(id) != nil else { throw CallAuditError.notFound("no call with id \(id)") }
            return CallbackReplayView(replayed: try await calls.replayCallbacks(of: id))
        }
    }

    /// Gives the dead letters `ids` (all when `nil`) a new start: their calls are `queued` again with no attempts, then
    /// enqueued; answers the calls' ids. The JSON route and the dashboard's Queue screen both replay through here.
    func replay(_ ids: [String]?) async throws -> [String] {
        let letters = try await queue.deadLetters(limit: Self.maxListed)
        let chosen = ids.map { ids in letters.filter { ids.contains($0.entryID) } } ?? letters
        try await calls.requeueFailed(chosen.map(\.callID))
        var replayed: [String] = []
        for letter in chosen {
            if let call = try await queue.replay(deadLetterID: letter.entryID) { replayed.append(call.uuidString.lowercased()) }
        }
        return replayed
    }

    static func view(_ letter: DeadLetter) -> DeadLetterView {
        DeadLetterView(id: letter.entryID, callID: letter.callID.uuidString.lowercased(), error: letter.error, attempts: letter.attempts)
    }
}
