import Foundation

/// One event's delivery to one URL as a call shows it, with every attempt.
public struct CallbackStatus: Sendable, Equatable {
    /// One attempt as recorded.
    public struct Attempt: Sendable, Equatable {
        /// Its number, from 1.
        public var attempt: Int
        /// When it was made.
        public var at: Date
        /// The receiver's status, when it answered.
        public var httpStatus: Int?
        /// How long it took, in milliseconds.
        public var latencyMilliseconds: Int
        /// What went wrong, if anything.
        public var error: String?
    }

    /// The outbox row.
    public var id: Int
    /// The event's id.
    public var eventID: UUID
    /// `call.done` or `call.failed`.
    public var event: String
    /// Where it goes, without its query or credentials (they may hold a receiver's token).
    public var url: String
    /// `pending`, `delivered` or `failed`.
    public var status: String
    /// When the next attempt is due, while `pending`.
    public var nextAttemptAt: Date?
    /// When the receiver took it.
    public var deliveredAt: Date?
    /// The attempts so far, oldest first.
    public var attempts: [Attempt]
}
