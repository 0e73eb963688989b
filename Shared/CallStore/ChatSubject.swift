import Foundation

/// What a conversation is about.
public enum ChatSubject: Sendable, Equatable {
    /// One call.
    case call(UUID)
    /// One manager's recent calls.
    case manager(String)

    /// The conversation's columns: its call, or its manager.
    var columns: (callID: UUID?, managerID: String?) {
        switch self {
        case .call(let call): (call, nil)
        case .manager(let manager): (nil, manager)
        }
    }
}
