import Foundation

/// One delivered stream entry: a call to work on.
public struct QueueEntry: Sendable, Equatable {
    /// The stream entry id, acked when the call is finished.
    public var entryID: String
    /// The call.
    public var callID: UUID

    /// Creates an entry.
    public init(entryID: String, callID: UUID) {
        self.entryID = entryID
        self.callID = callID
    }
}
