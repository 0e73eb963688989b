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
}
