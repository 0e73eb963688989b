import CallAuditCore
import CallStore
import Foundation

/// The period fields of the managers' screens as the form shows them: the first and the last day of the period (the
/// dashboard's `to` is a day it includes, the API's an instant it does not) and the mode.
struct PeriodForm: Sendable {
    let from: String
    let to: String
    let modes: [FormOption]

    init(_ period: ReportPeriod, strings: [String: String]) {
        from = DashboardFormat.day(period.from)
        to = DashboardFormat.day(period.to.addingTimeInterval(-1))
        modes = FormOption.list(CallMode.allCases.map(\.rawValue), chosen: period.mode?.rawValue, any: strings["filter_any"]) {
            strings["mode_short_\($0)"] ?? $0
        }
    }

    /// The query that asks for the same period on another dashboard page (whose `to` is a day, included).
    var query: [(String, String)] {
        [("from", from), ("to", to), ("mode", modes.first { $0.selected && !$0.value.isEmpty }?.value ?? "")]
    }

    /// The day after `day` (`yyyy-MM-dd`): the API's exclusive end of a period that includes `day`.
    static func nextDay(_ day: String) -> String {
        guard let date = try? Date(day + "T00:00:00Z", strategy: .iso8601) else { return day }
        return DashboardFormat.day(date.addingTimeInterval(86_400))
    }
}
