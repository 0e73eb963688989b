import Foundation

/// A conversation about a call or a manager, with its questions and answers in order.
public struct ChatConversation: Sendable, Equatable {
    /// Its id, which a follow-up question names.
    public var id: UUID
    /// When it began.
    public var createdAt: Date
    /// Its questions and answers, oldest first.
    public var messages: [ChatRecord]

    /// Creates a conversation.
    public init(id: UUID, createdAt: Date, messages: [ChatRecord]) {
        self.id = id
        self.createdAt = createdAt
        self.messages = messages
    }
}
