import Foundation

/// A manager's calls and mean score in one day or week.
public struct TrendPoint: Codable, Sendable, Equatable {
    /// Start of the day or week (UTC).
    public var periodStart: Date
    /// Analyzed calls in the day or week.
    public var calls: Int
    /// Their mean total score.
    public var averageScore: Double

    enum CodingKeys: String, CodingKey {
        case periodStart = "period_start"
        case calls
        case averageScore = "avg_score"
    }
}
