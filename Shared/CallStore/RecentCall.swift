import CallAuditCore
import Foundation

/// A short line about one analyzed call, for a manager's report.
public struct RecentCall: Codable, Sendable, Equatable {
    /// The call id, lowercased.
    public var id: String
    /// The CRM's id of the call.
    public var externalID: String?
    /// The rubric it was scored against.
    public var mode: CallMode
    /// Its total score.
    public var totalScore: Int
    /// Its overall sentiment.
    public var sentiment: SentimentLabel
    /// Whether profanity was found.
    public var hasProfanity: Bool
    /// When it was accepted.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case externalID = "call_id"
        case mode
        case totalScore = "total_score"
        case sentiment
        case hasProfanity = "profanity"
        case createdAt = "created_at"
    }
}
