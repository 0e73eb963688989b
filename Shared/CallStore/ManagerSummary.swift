import Foundation

/// One manager's row of the per-manager report.
public struct ManagerSummary: Codable, Sendable, Equatable {
    public var managerID: String
    /// Analyzed calls in the period.
    public var calls: Int
    public var averageScore: Double
    public var minScore: Int
    public var maxScore: Int
    public var criteria: [CriterionAverage]
    /// Share of calls whose overall sentiment is negative, 0–1.
    public var negativeSentimentShare: Double
    /// Calls in which profanity was found.
    public var callsWithProfanity: Int
    public var lastCallAt: Date

    enum CodingKeys: String, CodingKey {
        case managerID = "manager_id"
        case calls
        case averageScore = "avg_score"
        case minScore = "min_score"
        case maxScore = "max_score"
        case criteria
        case negativeSentimentShare = "negative_sentiment_share"
        case callsWithProfanity = "calls_with_profanity"
        case lastCallAt = "last_call_at"
    }
}
