import CallAuditCore
import CallStore

/// A reviewer's change as `POST /v1/admin/calls/{id}/reviews` and the dashboard's review form send it: a criterion's
/// new `score`, or new `notes`, with the `reason` the audit trail keeps (required) and who made it.
struct ReviewRequest: Decodable, Sendable {
    var criterion: String?
    var score: Int?
    var notes: String?
    var reason: String?
    var reviewer: String?

    /// The change, the reason and the reviewer (`fallbackReviewer` when none is named); a missing or bad field is a 400
    /// that names it.
    func validated(fallbackReviewer: String) throws -> (change: ReviewChange, reason: String, reviewer: String) {
        guard let reason = try CallSubmission.identifier(reason, field: "reason", maxLength: 1000) else {
            throw CallAuditError.badRequest("missing_field", "reason is required: say why the result changes")
        }
        let reviewer = try CallSubmission.identifier(reviewer, field: "reviewer", maxLength: 128) ?? fallbackReviewer
        let change: ReviewChange
        switch (criterion?.trimmed.isEmpty == false ? criterion : nil, score, notes) {
        case (let key?, let score?, nil):
            guard (0...100).contains(score) else {
                throw CallAuditError.badRequest("invalid_score", "score must be a whole number from 0 to 100")
            }
            change = .score(criterion: key.trimmed, to: score)
        case (nil, nil, let notes?):
            guard notes.count <= 10_000, !notes.utf8.contains(0) else {
                throw CallAuditError.badRequest("invalid_field", "notes must be at most 10000 characters, without NUL")
            }
            change = .notes(notes)
        default:
            throw CallAuditError.badRequest("invalid_body", "give criterion and score, or notes")
        }
        return (change, reason, reviewer)
    }
}
