import CallAuditCore

/// The body of `POST …/chat/completions` with a strict JSON-schema answer.
struct ChatCompletionRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    struct ResponseFormat: Encodable {
        struct Schema: Encodable {
            var name: String
            var strict: Bool
            var schema: JSONValue
        }

        var type = "json_schema"
        var jsonSchema: Schema

        enum CodingKeys: String, CodingKey {
            case type
            case jsonSchema = "json_schema"
        }
    }

    var model: String?
    var messages: [Message]
    var temperature: Double
    var responseFormat: ResponseFormat

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case responseFormat = "response_format"
    }
}
