import Foundation

/// What a conversation is about.
public enum ChatSubject: Sendable, Equatable {
    /// One call.
    case call(UUID)
    /// One manager's recent calls.
    case manager(String)
}
