import CallAuditCore
import Foundation

/// Which calls `GET /v1/calls` lists.
public struct CallFilter: Sendable {
    public var managerID: String?
    public var status: CallStatus?
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
