import CallAuditCore
import Foundation
import PostgresClient

extension CallRepository {
    /// Applies a reviewer's change to an analyzed call in one transaction: the criterion's score (in
    /// `criterion_scores` and in the result, whose total is computed again from the mode's weights) or the notes,
    /// marks the result reviewed and appends the change, with the old value and the reason, to the audit trail.
    /// The aggregate triggers recount the reports in the same transaction, so reports use reviewed scores.
    public func review(_ id: UUID, change: ReviewChange, reason: String, reviewer: String) async throws -> CallReview {
        try await pool.transaction { connection in
            let rows = try connection.query(
                "SELECT mode, result::text AS result, review_notes FROM call_results WHERE call_id = $1 FOR UPDATE", [.init(id)])
            guard let row = rows.first, let mode = row["mode"].string.flatMap(CallMode.init(rawValue:)),
                  let text = row["result"].string
            else { throw CallStoreError.notReviewable }
            var entry: (criterion: String?, oldScore: Int?, newScore: Int?, oldNotes: String?, newNotes: String?)
            switch change {
            case .score(let key, let score):
                var criteria = try JSONDecoder().decode(AnalysisResult.self, from: Data(text.utf8)).criteria
                guard let index = criteria.firstIndex(where: { $0.key == key }) else { throw CallStoreError.unknownCriterion(key) }
                entry = (key, criteria[index].score, score, nil, nil)
                criteria[index].score = score
                let total = Rubric.forMode(mode).total(of: criteria)
                _ = try connection.query(
                    "UPDATE criterion_scores SET score = $3 WHERE call_id = $1 AND key = $2", [.init(id), .init(key), .init(score)])
                _ = try connection.query("""
                    UPDATE call_results
                    SET result = jsonb_set(jsonb_set(result, ARRAY['criteria', $2::text, 'score'], to_jsonb($3::int)),
                                           '{total_score}', to_jsonb($4::int)),
                        total_score = $4, reviewed = true
                    WHERE call_id = $1
                    """, [.init(id), .init(index), .init(score), .init(total)])
            case .notes(let notes):
                entry = (nil, nil, nil, row["review_notes"].string, notes)
                _ = try connection.query(
                    "UPDATE call_results SET review_notes = $2, reviewed = true WHERE call_id = $1", [.init(id), .init(notes)])
            }
            let inserted = try connection.query("""
                INSERT INTO call_reviews (call_id, criterion, old_score, new_score, old_notes, new_notes, reason, reviewer)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                RETURNING \(CallReview.columns)
                """, [.init(id), .init(entry.criterion), .init(entry.oldScore), .init(entry.newScore), .init(entry.oldNotes),
                      .init(entry.newNotes), .init(reason), .init(reviewer)])
            guard let saved = inserted.first else { throw CallStoreError.corruptRow("call_reviews") }
            return try CallReview(row: saved)
        }
    }

    /// A call's audit trail of reviews, oldest first, and the reviewer's current notes.
    public func reviews(of id: UUID) async throws -> (reviews: [CallReview], notes: String?) {
        let rows = try await pool.query(
            "SELECT \(CallReview.columns) FROM call_reviews WHERE call_id = $1 ORDER BY id", [.init(id)])
        let notes = try await pool.query("SELECT review_notes FROM call_results WHERE call_id = $1", [.init(id)])
        return (try rows.map(CallReview.init(row:)), notes.first?["review_notes"].string)
    }
}
