import CallAuditCore
import Foundation

/// Which calls `GET /v1/calls` lists.
public struct CallFilter: Sendable {
    /// Only this manager's calls.
    public var managerID: String?
    /// Only calls in this status.
    public var status: CallStatus?
    /// Only calls of this mode.
    public var mode: CallMode?
    /// Calls created at or after this instant.
    public var from: Date?
    /// Calls created before this instant.
    public var to: Date?

    /// Creates a filter; `nil` fields do not filter.
    public init(managerID: String? = nil, status: CallStatus? = nil, mode: CallMode? = nil, from: Date? = nil, to: Date? = nil) {
        self.managerID = managerID
        self.status = status
        self.mode = mode
        self.from = from
        self.to = to
    }
}
