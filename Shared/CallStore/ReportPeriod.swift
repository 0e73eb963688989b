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
    /// The period runs until the moment it is read: `to` is the time it was asked for, not a chosen end.
    public var endsNow: Bool

    /// Creates a period.
    public init(from: Date, to: Date, mode: CallMode? = nil, endsNow: Bool = false) {
        self.from = from
        self.to = to
        self.mode = mode
        self.endsNow = endsNow
    }

    /// The UTC days the reports read from the aggregates, as `[start, end)` at midnight; `(to, to)` when there is none.
    /// The rest of the period, before and after them, is scanned in the stored results. A period that ends now or
    /// later reads its last day whole: no call is stored after now, so that day's aggregate holds exactly the period's
    /// part.
    func wholeDays(now: Date) -> (start: Date, end: Date) {
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: (from.timeIntervalSince1970 / day).rounded(.up) * day)
        let end = Date(timeIntervalSince1970: (to.timeIntervalSince1970 / day).rounded(endsNow || to >= now ? .up : .down) * day)
        return start < end ? (start, end) : (to, to)
    }
}
