import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The body of `GET /v1/reports/managers/{manager_id}`.
struct ManagerReportView: ResponseEncodable {
    var managerID: String
    var from: Date
    var to: Date
    var mode: CallMode?
    var report: ManagerReport

    enum CodingKeys: String, CodingKey {
        case managerID = "manager_id"
        case from, to, mode
        case summary, bucket, trend
        case recentCalls = "recent_calls"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(managerID, forKey: .managerID)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(mode, forKey: .mode)
        try container.encodeIfPresent(report.summary, forKey: .summary)
        try container.encode(report.bucket, forKey: .bucket)
        try container.encode(report.trend, forKey: .trend)
        try container.encode(report.recentCalls, forKey: .recentCalls)
    }
}
