import Foundation

/// One manager's row of the per-manager report.
public struct ManagerSummary: Codable, Sendable, Equatable {
    /// The manager.
    public var managerID: String
    /// Analyzed calls in the period.
    public var calls: Int
    /// Mean total score, to two decimals.
    public var averageScore: Double
    /// Lowest total score.
    public var minScore: Int
    /// Highest total score.
    public var maxScore: Int
    /// Mean score of each criterion.
    public var criteria: [CriterionAverage]
    /// Share of calls whose overall sentiment is negative, 0–1.
    public var negativeSentimentShare: Double
    /// Calls in which profanity was found.
    public var callsWithProfanity: Int
    /// Calls whose result a reviewer changed (their reviewed scores count in the figures).
    public var reviewedCalls: Int
    /// When the latest analyzed call was accepted.
    public var lastCallAt: Date
    /// What the providers charged for these calls, in US dollars.
    public var costUSD: Double

    enum CodingKeys: String, CodingKey {
        case managerID = "manager_id"
        case calls
        case averageScore = "avg_score"
        case minScore = "min_score"
        case maxScore = "max_score"
        case criteria
        case negativeSentimentShare = "negative_sentiment_share"
        case callsWithProfanity = "calls_with_profanity"
        case reviewedCalls = "reviewed_calls"
        case lastCallAt = "last_call_at"
        case costUSD = "cost_usd"
    }
}
