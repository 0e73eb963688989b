import CallAuditCore
import Foundation

/// The calls a report covers: created in `[from, to)`, optionally of one mode.
public struct ReportPeriod: Sendable {
    public var from: Date
    public var to: Date
    public var mode: CallMode?

    /// Creates a period.
    public init(from: Date, to: Date, mode: CallMode? = nil) {
        self.from = from
        self.to = to
        self.mode = mode
    }
}
