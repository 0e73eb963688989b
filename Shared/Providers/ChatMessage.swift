/// One message of a conversation with a chat model.
public struct ChatMessage: Sendable, Equatable, Encodable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// What it says.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
