import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// `POST /v1/admin/calls/{id}/reviews` overrides a criterion's score or the call's notes with a required reason;
/// `GET /v1/admin/calls/{id}/reviews` lists the audit trail. Behind the admin keys; the reviewer is the name given,
/// else the admin key's identity.
struct ReviewsController<Context: RequestContext>: Sendable {
    let calls: any CallStorage
    let adminKeys: APIKeys?

    struct TrailView: ResponseEncodable {
        var notes: String?
        var reviews: [CallReview]
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/admin/calls/:id/reviews", method: .post) { request, context in
            let id = try CallsController<Context>.callID(context)
            let body = try await request.decodeJSON(ReviewRequest.self, limit: 64 * 1024)
            let identity = adminKeys?.identify(authorization: request.headers[.authorization]) ?? "unknown"
            let review = try body.validated(fallbackReviewer: "admin key \(identity)")
            let saved = try await calls.review(id, change: review.change, reason: review.reason, reviewer: review.reviewer)
            return EditedResponse(status: .created, response: saved)
        }
        routes.on("/v1/admin/calls/:id/reviews", method: .get) { _, context in
            let id = try CallsController<Context>.callID(context)
            guard try await calls.find(id) != nil else { throw CallAuditError.notFound("no call with id \(id)") }
            let trail = try await calls.reviews(of: id)
            return TrailView(notes: trail.notes, reviews: trail.reviews)
        }
    }
}

extension CallReview: ResponseEncodable {}
