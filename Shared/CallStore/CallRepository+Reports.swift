import CallAuditCore
import Foundation
import PostgresClient

extension CallRepository {
    /// The per-manager report: one row per manager with analyzed calls in the period, ordered by manager id.
    public func managerSummaries(_ period: ReportPeriod) async throws -> [ManagerSummary] {
        try await summaries(period, managerID: nil)
    }

    /// One manager over a period: totals, a trend by day or week, criteria averages and the latest calls.
    public func managerReport(_ managerID: String, period: ReportPeriod, bucket: TrendBucket, recentLimit: Int = 10) async throws -> ManagerReport {
        let summary = try await summaries(period, managerID: managerID).first
        let scope = Self.scopeParameters(period, managerID: managerID)
        let trendRows = try await pool.query("""
            SELECT date_trunc($5, call_created_at, 'UTC') AS period_start, count(*) AS calls,
                   avg(total_score)::float8 AS avg_score
            FROM call_results
            WHERE \(Self.scopeCondition(table: "call_results"))
            GROUP BY 1 ORDER BY 1
            """, scope + [.init(bucket.rawValue)])
        let trend = try trendRows.map { row in
            guard let start = row["period_start"].date, let calls = row["calls"].int, let average = row["avg_score"].double else {
                throw CallStoreError.corruptRow("call_results")
            }
            return TrendPoint(periodStart: start, calls: calls, averageScore: Self.rounded(average))
        }
        let recentRows = try await pool.query("""
            SELECT r.call_id, c.external_id, r.mode, r.total_score, r.sentiment, r.has_profanity, r.call_created_at
            FROM call_results r JOIN calls c ON c.id = r.call_id
            WHERE \(Self.scopeCondition(table: "r"))
            ORDER BY r.call_created_at DESC LIMIT $5
            """, scope + [.init(recentLimit)])
        let recent = try recentRows.map { row in
            guard let id = row["call_id"].uuid,
                  let mode = row["mode"].string.flatMap(CallMode.init(rawValue:)),
                  let score = row["total_score"].int,
                  let sentiment = row["sentiment"].string.flatMap(SentimentLabel.init(rawValue:)),
                  let profanity = row["has_profanity"].bool,
                  let created = row["call_created_at"].date
            else { throw CallStoreError.corruptRow("call_results") }
            return RecentCall(id: id.uuidString.lowercased(), externalID: row["external_id"].string, mode: mode, totalScore: score,
                              sentiment: sentiment, hasProfanity: profanity, createdAt: created)
        }
        return ManagerReport(summary: summary, bucket: bucket, trend: trend, recentCalls: recent)
    }

    /// The rows of `call_results` (named `table` in the query) a report covers, with parameters
    /// `$1` from, `$2` to, `$3` mode or NULL, `$4` manager or NULL.
    static func scopeCondition(table: String) -> String {
        """
        \(table).call_created_at >= $1 AND \(table).call_created_at < $2
        AND ($3::text IS NULL OR \(table).mode = $3) AND ($4::text IS NULL OR \(table).manager_id = $4)
        """
    }

    static func scopeParameters(_ period: ReportPeriod, managerID: String?) -> [PostgresParameter] {
        [.init(period.from), .init(period.to), .init(period.mode?.rawValue), .init(managerID)]
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }

    private func summaries(_ period: ReportPeriod, managerID: String?) async throws -> [ManagerSummary] {
        let scope = Self.scopeParameters(period, managerID: managerID)
        let totals = try await pool.query("""
            SELECT manager_id, count(*) AS calls, avg(total_score)::float8 AS avg_score,
                   min(total_score) AS min_score, max(total_score) AS max_score,
                   avg(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END)::float8 AS negative_share,
                   count(*) FILTER (WHERE has_profanity) AS profanity_calls,
                   max(call_created_at) AS last_call_at, sum(cost_usd)::float8 AS cost_usd
            FROM call_results
            WHERE \(Self.scopeCondition(table: "call_results"))
            GROUP BY manager_id ORDER BY manager_id
            """, scope)
        let criteriaRows = try await pool.query("""
            SELECT r.manager_id, s.key, min(s.name) AS name, avg(s.score)::float8 AS average, count(*) AS calls
            FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            WHERE \(Self.scopeCondition(table: "r"))
            GROUP BY r.manager_id, s.key ORDER BY r.manager_id, s.key
            """, scope)
        var criteriaByManager: [String: [CriterionAverage]] = [:]
        for row in criteriaRows {
            guard let manager = row["manager_id"].string, let key = row["key"].string, let name = row["name"].string,
                  let average = row["average"].double, let calls = row["calls"].int
            else { throw CallStoreError.corruptRow("criterion_scores") }
            criteriaByManager[manager, default: []].append(
                CriterionAverage(key: key, name: name, average: Self.rounded(average), calls: calls))
        }
        return try totals.map { row in
            guard let manager = row["manager_id"].string, let calls = row["calls"].int,
                  let average = row["avg_score"].double, let minScore = row["min_score"].int,
                  let maxScore = row["max_score"].int, let negative = row["negative_share"].double,
                  let profanity = row["profanity_calls"].int, let last = row["last_call_at"].date,
                  let cost = row["cost_usd"].double
            else { throw CallStoreError.corruptRow("call_results") }
            return ManagerSummary(
                managerID: manager, calls: calls, averageScore: Self.rounded(average), minScore: minScore,
                maxScore: maxScore, criteria: criteriaByManager[manager] ?? [],
                negativeSentimentShare: Self.rounded(negative), callsWithProfanity: profanity, lastCallAt: last,
                costUSD: (cost * 1_000_000).rounded() / 1_000_000)
        }
    }
}
