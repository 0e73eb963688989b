import CallAuditCore
import Foundation
import PostgresClient

extension CallRepository {
    /// Calls matching `filter`, newest first, `limit` at a time; pass the previous page's `nextCursor` to go on.
    public func list(_ filter: CallFilter, limit: Int, cursor: String?) async throws -> CallPage {
        let position = try cursor.map(CallCursor.init(encoded:))
        let columns = CallRecord.columns.replacingOccurrences(of: "dialog_text", with: "NULL::text AS dialog_text")
        let rows: PostgresResult
        do {
            rows = try await pool.query("""
            SELECT \(columns) FROM calls
            WHERE ($1::text IS NULL OR manager_id = $1)
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR mode = $3)
              AND ($4::timestamptz IS NULL OR created_at >= $4)
              AND ($5::timestamptz IS NULL OR created_at < $5)
              AND ($6::timestamptz IS NULL OR (created_at, id) < ($6, $7::uuid))
            ORDER BY created_at DESC, id DESC
            LIMIT $8
            """, [
                .init(filter.managerID), .init(filter.status?.rawValue), .init(filter.mode?.rawValue),
                .init(filter.from), .init(filter.to), .init(position?.createdAtText), .init(position?.id), .init(limit + 1),
            ])
        } catch let error as PostgresError where position != nil && error.isDataException {
            throw CallStoreError.invalidCursor
        }
        var calls = try rows.map(CallRecord.init(row:))
        var next: String?
        if calls.count > limit {
            calls.removeLast()
            next = calls.last.map { CallCursor(createdAtText: $0.createdAtText, id: $0.id).encoded }
        }
        return CallPage(calls: calls, nextCursor: next)
    }
}
