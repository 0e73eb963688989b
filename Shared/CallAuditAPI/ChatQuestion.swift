import CallAuditCore
import Foundation

/// The body of `POST /v1/calls/{id}/chat` and `POST /v1/managers/{id}/chat`.
struct ChatQuestion: Decodable, Sendable {
    /// A question checked: what the answerer works from.
    struct Valid: Sendable {
        var question: String
        var conversationID: UUID?
        var model: String?
        var temperature: Double
    }

    static let maxCharacters = 4000

    var question: String?
    var conversationID: String?
    var model: String?
    var temperature: Double?

    enum CodingKeys: String, CodingKey {
        case question
        case conversationID = "conversation_id"
        case model, temperature
    }

    /// The question checked; a bad field throws a 4xx that names it.
    func validated() throws -> Valid {
        guard let question = question?.trimmed, !question.isEmpty else {
            throw CallAuditError.badRequest("missing_field", "question is required and must not be empty")
        }
        guard question.count <= Self.maxCharacters else {
            throw CallAuditError(status: 413, code: "question_too_long",
                                 message: "question is longer than \(Self.maxCharacters) characters")
        }
        guard !question.unicodeScalars.contains("\u{0}") else {
            throw CallAuditError.badRequest("invalid_field", "question contains a NUL character")
        }
        var conversation: UUID?
        if let text = conversationID?.trimmed, !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw CallAuditError.badRequest("invalid_field", "conversation_id must be a conversation's id (a UUID)")
            }
            conversation = id
        }
        let temperature = temperature ?? 0.2
        guard (0...2).contains(temperature) else {
            throw CallAuditError.badRequest("invalid_field", "temperature must be between 0 and 2")
        }
        return Valid(question: question, conversationID: conversation, model: model?.trimmed.nilIfEmpty, temperature: temperature)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
