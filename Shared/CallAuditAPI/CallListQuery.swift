import CallAuditCore
import CallStore
import Hummingbird

/// What a list of calls asks for, from `GET /v1/calls` or the dashboard's `/calls`: `manager_id`, `status`, `mode`,
/// `from`, `to`, `min_score`, `max_score`, `sentiment`, `profanity` (`true`/`false`), `language`, `sort` (`newest`,
/// `oldest`, `score_desc`, `score_asc`), `limit` (1–200, default 50) and `cursor`. An empty value does not filter (a
/// form's "any"); a bad one is a 400 that names it.
struct CallListQuery {
    var filter: CallFilter
    var sort: CallSort
    var limit: Int
    var cursor: String?

    init(_ query: Parameters) throws {
        func value(_ name: String) -> String? {
            guard let text = query.get(name)?.trimmed, !text.isEmpty else { return nil }
            return text
        }
        filter = CallFilter(managerID: value("manager_id"))
        if let status = value("status") {
            guard let parsed = CallStatus(rawValue: status) else {
                throw CallAuditError.badRequest("invalid_status", "status must be queued, processing, done or failed")
            }
            filter.status = parsed
        }
        if let mode = value("mode") { filter.mode = try CallSubmission.mode(mode) }
        filter.from = try value("from").map { try ReportQuery.date($0, field: "from") }
        filter.to = try value("to").map { try ReportQuery.date($0, field: "to") }
        filter.minScore = try value("min_score").map { try ReportQuery.count($0, field: "min_score", range: 0...100) }
        filter.maxScore = try value("max_score").map { try ReportQuery.count($0, field: "max_score", range: 0...100) }
        if let sentiment = value("sentiment") {
            guard let parsed = SentimentLabel(rawValue: sentiment) else {
                throw CallAuditError.badRequest("invalid_sentiment", "sentiment must be positive, neutral or negative")
            }
            filter.sentiment = parsed
        }
        if let profanity = value("profanity") {
            guard let parsed = Bool(profanity) else {
                throw CallAuditError.badRequest("invalid_profanity", "profanity must be true or false")
            }
            filter.profanity = parsed
        }
        filter.language = try CallSubmission.language(value("language"))
        if let sort = value("sort") {
            guard let parsed = CallSort(rawValue: sort) else {
                throw CallAuditError.badRequest("invalid_sort", "sort must be newest, oldest, score_desc or score_asc")
            }
            self.sort = parsed
        } else {
            sort = .newest
        }
        limit = try value("limit").map { try ReportQuery.count($0, field: "limit", range: 1...200) } ?? 50
        cursor = value("cursor")
    }
}
