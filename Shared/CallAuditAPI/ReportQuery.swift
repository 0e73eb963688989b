import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The period and mode of a report, from `?from=&to=&mode=`: dates (`2026-11-01`) or instants
/// (`2026-11-01T09:00:00Z`); `to` defaults to now and `from` to midnight UTC 30 days before `to`'s day, so that the
/// default period is whole days (today's so far and the 30 before it), read from the aggregates alone.
enum ReportQuery {
    static func period(_ query: Parameters) throws -> ReportPeriod {
        let end = try query["to"].map { try date(String($0), field: "to") }
        let to = end ?? Date()
        let from = try query["from"].map { try date(String($0), field: "from") } ?? defaultStart(to: to)
        guard from < to else { throw CallAuditError.badRequest("invalid_period", "from must be before to") }
        guard to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw CallAuditError.badRequest("invalid_period", "a report covers at most 400 days")
        }
        let mode = try query["mode"].map { try CallSubmission.mode(String($0)) }
        return ReportPeriod(from: from, to: to, mode: mode, endsNow: end == nil)
    }

    /// The period a report covers when the request names none: midnight UTC 30 days before today, until now.
    static var defaultPeriod: ReportPeriod {
        let now = Date()
        return ReportPeriod(from: defaultStart(to: now), to: now, endsNow: true)
    }

    /// Midnight UTC 30 days before `to`'s day.
    static func defaultStart(to: Date) -> Date {
        let day = 86_400.0
        return Date(timeIntervalSince1970: ((to.timeIntervalSince1970 / day).rounded(.down) - 30) * day)
    }

    /// The page of the per-manager report, from `?limit=&offset=&sort=&order=`: `limit` 1–1000 (default 1000),
    /// `offset` from 0, `sort` `manager` (default), `average`, `calls` or `criterion:<key>`, `order` `asc` or `desc`
    /// (default ascending by manager, descending by a figure).
    static func page(_ query: Parameters) throws -> ManagerPageRequest {
        let limit = try query["limit"].map { try count(String($0), field: "limit", range: 1...ManagerPageRequest.maximumLimit) }
        let offset = try query["offset"].map { try count(String($0), field: "offset", range: 0...Int(Int32.max)) }
        let sort = try query["sort"].map { try self.sort(String($0)) } ?? .manager
        let descending: Bool? = switch query["order"].map(String.init) {
        case nil: nil
        case "asc": false
        case "desc": true
        default: throw CallAuditError.badRequest("invalid_order", "order must be asc or desc")
        }
        return ManagerPageRequest(sort: sort, descending: descending, limit: limit ?? ManagerPageRequest.maximumLimit,
                                  offset: offset ?? 0)
    }

    static func sort(_ text: String) throws -> ManagerSort {
        switch text {
        case "manager": return .manager
        case "average": return .average
        case "calls": return .calls
        default:
            guard text.hasPrefix("criterion:"), text.count > "criterion:".count else {
                throw CallAuditError.badRequest("invalid_sort", "sort must be manager, average, calls or criterion:<key>")
            }
            return .criterion(String(text.dropFirst("criterion:".count)))
        }
    }

    static func count(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw CallAuditError.badRequest("invalid_\(field)", "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
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
