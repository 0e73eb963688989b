import CallAuditCore
import Foundation

/// The calls a report covers: created in `[from, to)`, optionally of one mode.
public struct ReportPeriod: Sendable {
    /// First instant covered.
    public var from: Date
    /// First instant no longer covered.
    public var to: Date
    /// Only calls of this mode, when set.
    public var mode: CallMode?

    /// Creates a period.
    public init(from: Date, to: Date, mode: CallMode? = nil) {
        self.from = from
        self.to = to
        self.mode = mode
    }

    /// The whole UTC days inside the period, as `[start, end)` at midnight; `(to, to)` when there is none. Reports read
    /// these days' aggregates and scan the stored results of the partial days before and after them.
    var wholeDays: (start: Date, end: Date) {
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: (from.timeIntervalSince1970 / day).rounded(.up) * day)
        let end = Date(timeIntervalSince1970: (to.timeIntervalSince1970 / day).rounded(.down) * day)
        return start < end ? (start, end) : (to, to)
    }
}
