import CallAuditCore
import Foundation

/// What ``CallRepository/insert(_:)`` answers: the call's id and state, and whether this request created it.
public struct StoredCall: Sendable, Equatable {
    /// The call's id.
    public var id: UUID
    /// Its status now.
    public var status: CallStatus
    /// `false` when an earlier request with the same idempotency key or CRM call id already stored the call.
    public var created: Bool

    /// Creates a value (tests compare against one).
    public init(id: UUID, status: CallStatus, created: Bool) {
        self.id = id
        self.status = status
        self.created = created
    }
}
