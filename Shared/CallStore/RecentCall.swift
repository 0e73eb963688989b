import CallAuditCore
import Foundation

/// A short line about one analyzed call, for a manager's report.
public struct RecentCall: Codable, Sendable, Equatable {
    /// The call id, lowercased.
    public var id: String
    public var externalID: String?
    public var mode: CallMode
    public var totalScore: Int
    public var sentiment: SentimentLabel
    public var hasProfanity: Bool
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
