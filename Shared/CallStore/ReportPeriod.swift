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
}
