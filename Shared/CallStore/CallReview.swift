import Foundation
import PostgresClient

/// One change a reviewer made to a call's result: the audit trail's row.
public struct CallReview: Codable, Sendable, Equatable {
    /// The row's id, in the order the changes were made.
    public var id: Int
    /// The criterion's key, or `nil` for a change of the notes.
    public var criterion: String?
    /// The criterion's score before.
    public var oldScore: Int?
    /// The criterion's score after.
    public var newScore: Int?
    /// The notes before.
    public var oldNotes: String?
    /// The notes after.
    public var newNotes: String?
    /// Why: required.
    public var reason: String
    /// Who.
    public var reviewer: String
    /// When.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, criterion
        case oldScore = "old_score"
        case newScore = "new_score"
        case oldNotes = "old_notes"
        case newNotes = "new_notes"
        case reason, reviewer
        case createdAt = "created_at"
    }

    static let columns = "id, criterion, old_score, new_score, old_notes, new_notes, reason, reviewer, created_at"

    init(row: PostgresRow) throws {
        guard let id = row["id"].int, let reason = row["reason"].string, let reviewer = row["reviewer"].string,
              let createdAt = row["created_at"].date
        else { throw CallStoreError.corruptRow("call_reviews") }
        self.id = id
        criterion = row["criterion"].string
        oldScore = row["old_score"].int
        newScore = row["new_score"].int
        oldNotes = row["old_notes"].string
        newNotes = row["new_notes"].string
        self.reason = reason
        self.reviewer = reviewer
        self.createdAt = createdAt
    }
}
