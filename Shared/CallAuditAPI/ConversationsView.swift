import CallStore
import Foundation
import Hummingbird

/// The conversations about a call or a manager, as `GET …/chat` shows them.
struct ConversationsView: ResponseEncodable {
    struct MessageView: Encodable {
        var id: Int
        var role: String
        var content: String
        var provider: String?
        var model: String?
        var status: String
        var usage: ChatEvent.Usage?
        var calls: [String]?
        var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, role, content, provider, model, status, usage, calls
            case createdAt = "created_at"
        }
    }

    struct ConversationView: Encodable {
        var id: String
        var createdAt: Date
        var messages: [MessageView]

        enum CodingKeys: String, CodingKey {
            case id
            case createdAt = "created_at"
            case messages
        }
    }

    var conversations: [ConversationView]

    init(_ conversations: [ChatConversation]) {
        self.conversations = conversations.map { conversation in
            ConversationView(id: conversation.id.uuidString.lowercased(), createdAt: conversation.createdAt,
                             messages: conversation.messages.map(Self.view))
        }
    }

    static func view(_ message: ChatRecord) -> MessageView {
        MessageView(
            id: message.id, role: message.role, content: message.content, provider: message.provider, model: message.model,
            status: message.status, usage: message.role == "assistant" ? ChatEvent.Usage(message) : nil,
            calls: message.callsUsed.isEmpty ? nil : message.callsUsed.map { $0.uuidString.lowercased() },
            createdAt: message.createdAt)
    }
}
