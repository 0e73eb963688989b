import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The body of `GET /v1/reports/managers`, written with ``JSONTextWriter``: a page of a thousand managers is fifteen
/// thousand objects, which `JSONEncoder` took longer to encode than the database took to count.
struct ManagersReportView: ResponseGenerator {
    var from: Date
    var to: Date
    var mode: CallMode?
    var managers: [ManagerSummary]
    /// Managers with analyzed calls in the period, on all pages.
    var totalManagers: Int
    var limit: Int
    var offset: Int
    /// The `offset` of the next page; absent on the last page.
    var nextOffset: Int?

    init(period: ReportPeriod, page: ManagerPageRequest, result: ManagerPage) {
        from = period.from
        to = period.to
        mode = period.mode
        managers = result.managers
        totalManagers = result.total
        limit = page.limit
        offset = page.offset
        nextOffset = page.offset + result.managers.count < result.total ? page.offset + result.managers.count : nil
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try json().bytes)))
    }

    /// The body's JSON.
    func json() throws -> JSONTextWriter {
        var writer = JSONTextWriter(capacity: 512 + managers.count * 1_600)
        try writer.object { json in
            json.field("from", from)
            json.field("to", to)
            if let mode { json.field("mode", mode.rawValue) }
            json.key("managers")
            try json.array { json in
                for manager in managers { try Self.write(manager, to: &json) }
            }
            json.field("total_managers", totalManagers)
            json.field("limit", limit)
            json.field("offset", offset)
            json.field("next_offset", nextOffset)
        }
        return writer
    }

    /// One manager, with the keys `ManagerSummary`'s `Codable` form has.
    static func write(_ manager: ManagerSummary, to json: inout JSONTextWriter) throws {
        try json.object { json in
            json.field("manager_id", manager.managerID)
            json.field("calls", manager.calls)
            try json.field("avg_score", manager.averageScore)
            json.field("min_score", manager.minScore)
            json.field("max_score", manager.maxScore)
            json.key("criteria")
            try json.array { json in
                for criterion in manager.criteria {
                    try json.object { json in
                        json.field("key", criterion.key)
                        json.field("name", criterion.name)
                        try json.field("average", criterion.average)
                        json.field("calls", criterion.calls)
                    }
                }
            }
            try json.field("negative_sentiment_share", manager.negativeSentimentShare)
            json.field("calls_with_profanity", manager.callsWithProfanity)
            json.field("reviewed_calls", manager.reviewedCalls)
            json.field("last_call_at", manager.lastCallAt)
            try json.field("cost_usd", manager.costUSD)
        }
    }
}
