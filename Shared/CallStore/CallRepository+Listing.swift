import CallAuditCore
import Foundation
import PostgresClient

extension CallRepository {
    /// Calls matching `filter` in `sort` order (newest first by default), `limit` at a time, each with its result in
    /// brief; pass the previous page's `nextCursor` (of the same order) to go on.
    public func list(_ filter: CallFilter, sort: CallSort = .newest, limit: Int, cursor: String?) async throws -> CallPage {
        let position = try cursor.map(CallCursor.init(encoded:))
        if sort.byScore, position != nil, position?.score == nil { throw CallStoreError.invalidCursor }
        let columns = CallRecord.columns.replacingOccurrences(of: "dialog_text", with: "NULL::text AS dialog_text")
            .replacingOccurrences(of: "live_transcript::text", with: "NULL::text")
        let direction = sort.descending ? "DESC" : "ASC"
        let comparison = sort.descending ? "<" : ">"
        let key = sort.byScore ? "score_key, created_at, id" : "created_at, id"
        let after = sort.byScore ? "($13::int, $11::timestamptz, $12::uuid)" : "($11::timestamptz, $12::uuid)"
        var parameters: [PostgresParameter] = [
            .init(filter.managerID), .init(filter.status?.rawValue), .init(filter.mode?.rawValue),
            .init(filter.from), .init(filter.to), .init(filter.minScore), .init(filter.maxScore),
            .init(filter.sentiment?.rawValue), .init(filter.profanity), .init(filter.language), .init(position?.createdAtText),
            .init(position?.id),
        ]
        if sort.byScore { parameters.append(.init(position?.score)) }
        parameters.append(.init(limit + 1))
        let rows: PostgresResult
        do {
            rows = try await pool.query("""
            SELECT \(columns), total_score, result_sentiment, has_profanity, result_language FROM (
                SELECT calls.*, r.total_score, COALESCE(r.total_score, -1) AS score_key, r.sentiment AS result_sentiment,
                       r.has_profanity, r.language AS result_language
                FROM calls LEFT JOIN call_results r ON r.call_id = calls.id
            ) listed
            WHERE ($1::text IS NULL OR manager_id = $1)
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR mode = $3)
              AND ($4::timestamptz IS NULL OR created_at >= $4)
              AND ($5::timestamptz IS NULL OR created_at < $5)
              AND ($6::int IS NULL OR total_score >= $6)
              AND ($7::int IS NULL OR total_score <= $7)
              AND ($8::text IS NULL OR result_sentiment = $8)
              AND ($9::boolean IS NULL OR has_profanity = $9)
              AND ($10::text IS NULL OR COALESCE(result_language, language_hint) = $10)
              AND ($11::timestamptz IS NULL OR (\(key)) \(comparison) \(after))
            ORDER BY \(key.split(separator: ", ").map { "\($0) \(direction)" }.joined(separator: ", "))
            LIMIT $\(parameters.count)
            """, parameters)
        } catch let error as PostgresError where position != nil && error.isDataException {
            throw CallStoreError.invalidCursor
        }
        var calls = try rows.map { row in
            var call = try CallRecord(row: row)
            call.outcome = CallOutcome(row: row)
            return call
        }
        var next: String?
        if calls.count > limit {
            calls.removeLast()
            next = calls.last.map {
                CallCursor(score: sort.byScore ? $0.outcome?.totalScore ?? -1 : nil, createdAtText: $0.createdAtText, id: $0.id)
                    .encoded
            }
        }
        return CallPage(calls: calls, nextCursor: next)
    }
}
