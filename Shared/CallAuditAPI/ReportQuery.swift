import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The period and mode of a report, from `?from=&to=&mode=`: dates (`2026-11-01`) or instants
/// (`2026-11-01T09:00:00Z`); `to` defaults to now and `from` to 30 days before `to`.
enum ReportQuery {
    static func period(_ query: Parameters) throws -> ReportPeriod {
        let to = try query["to"].map { try date(String($0), field: "to") } ?? Date()
        let from = try query["from"].map { try date(String($0), field: "from") } ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else { throw CallAuditError.badRequest("invalid_period", "from must be before to") }
        guard to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw CallAuditError.badRequest("invalid_period", "a report covers at most 400 days")
        }
        let mode = try query["mode"].map { try CallSubmission.mode(String($0)) }
        return ReportPeriod(from: from, to: to, mode: mode)
    }

    static func bucket(_ query: Parameters) throws -> TrendBucket {
        guard let text = query["bucket"] else { return .day }
        guard let bucket = TrendBucket(rawValue: String(text)) else {
            throw CallAuditError.badRequest("invalid_bucket", "bucket must be day or week")
        }
        return bucket
    }

    /// Parses a date (`yyyy-MM-dd`, midnight UTC) or an ISO 8601 instant.
    static func date(_ text: String, field: String) throws -> Date {
        if let instant = try? Date(text, strategy: .iso8601) { return instant }
        if let day = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return day }
        throw CallAuditError.badRequest("invalid_date", "\(field) must be a date like 2026-11-01 or an ISO 8601 time")
    }
}
