import Foundation
import PostgresClient

extension CallRepository {
    /// For each of `keys`, the manager's call in the period where the criterion scored lowest and has an evidence
    /// quote (the latest of equal scores): the examples a coaching conversation starts from.
    public func weakestExamples(_ managerID: String, period: ReportPeriod, keys: [String]) async throws -> [CriterionExample] {
        guard !keys.isEmpty else { return [] }
        let rows = try await pool.query("""
            SELECT DISTINCT ON (s.key) s.key, s.call_id, s.score, s.evidence
            FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            WHERE r.manager_id = $1 AND r.call_created_at >= $2 AND r.call_created_at < $3
              AND ($4::text IS NULL OR r.mode = $4) AND s.key = ANY($5::text[]) AND s.evidence IS NOT NULL AND s.evidence <> ''
            ORDER BY s.key, s.score, r.call_created_at DESC
            """, [.init(managerID), .init(period.from), .init(period.to), .init(period.mode?.rawValue), .textArray(keys)])
        return try rows.map { row in
            guard let key = row["key"].string, let callID = row["call_id"].uuid, let score = row["score"].int,
                  let evidence = row["evidence"].string
            else { throw CallStoreError.corruptRow("criterion_scores") }
            return CriterionExample(key: key, callID: callID, score: score, evidence: evidence)
        }
    }
}
