import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The body of `GET /v1/reports/managers`.
struct ManagersReportView: ResponseEncodable {
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

    enum CodingKeys: String, CodingKey {
        case from, to, mode, managers, limit, offset
        case totalManagers = "total_managers"
        case nextOffset = "next_offset"
    }

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
}
