import Foundation

/// A call that ran out of attempts, as the dead-letter stream holds it.
public struct DeadLetter: Sendable, Equatable, Codable {
    /// The dead-letter stream entry id: what replay takes.
    public var entryID: String
    /// The call that ran out of attempts.
    public var callID: UUID
    /// The last error.
    public var error: String
    /// How many attempts were made.
    public var attempts: Int

    enum CodingKeys: String, CodingKey {
        case entryID = "entry_id"
        case callID = "call_id"
        case error, attempts
    }
}
