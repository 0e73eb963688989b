/// One manager over a period: totals, trend, criteria and recent calls.
public struct ManagerReport: Codable, Sendable, Equatable {
    /// Totals and criteria averages; `nil` when the manager has no analyzed call in the period.
    public var summary: ManagerSummary?
    /// Whether the trend is by day or by week.
    public var bucket: TrendBucket
    /// Calls and mean score per day or week, oldest first.
    public var trend: [TrendPoint]
    /// The latest analyzed calls, newest first.
    public var recentCalls: [RecentCall]

    enum CodingKeys: String, CodingKey {
        case summary, bucket, trend
        case recentCalls = "recent_calls"
    }
}
