import Foundation

/// One event on its way to one URL, claimed for an attempt by ``CallRepository/claimDueCallbacks(limit:lease:)``.
public struct CallbackDelivery: Sendable, Equatable {
    /// The outbox row.
    public var id: Int
    /// The event's id, the same for every destination and every attempt (a receiver refuses repeats by it).
    public var eventID: UUID
    /// The call that ended.
    public var callID: UUID
    /// `call.done` or `call.failed`.
    public var event: String
    /// Where it goes.
    public var url: String
    /// The JSON body, fixed when the call ended.
    public var body: String
    /// This attempt's number, from 1, over the delivery's whole history.
    public var attempt: Int
    /// This attempt's number since the delivery was last replayed by an admin (the attempt limit counts these).
    public var tries: Int
}
