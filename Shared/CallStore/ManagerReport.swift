/// One manager over a period: totals, trend, criteria and recent calls.
public struct ManagerReport: Codable, Sendable, Equatable {
    /// Totals and criteria averages; `nil` when the manager has no analyzed call in the period.
    public var summary: ManagerSummary?
    public var bucket: TrendBucket
    public var trend: [TrendPoint]
    public var recentCalls: [RecentCall]

    enum CodingKeys: String, CodingKey {
        case summary, bucket, trend
        case recentCalls = "recent_calls"
    }
}
