import CallAuditCore
import Foundation

/// The body of `POST …/chat/completions`: for the analysis, with a strict JSON-schema answer spliced in already
/// encoded (``encoded(responseFormat:)``); for a question about a call, answered as a server-sent event stream with the
/// usage in its last event (``streamed(model:messages:temperature:)``).
struct ChatCompletionRequest: Encodable {
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

    struct StreamOptions: Encodable {
        var includeUsage = true

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    var model: String?
    var messages: [ChatMessage]
    var temperature: Double
    var stream: Bool?
    var streamOptions: StreamOptions?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case stream
        case streamOptions = "stream_options"
    }

    /// A request whose answer streams, its usage counted in the last event.
    static func streamed(model: String?, messages: [ChatMessage], temperature: Double) -> ChatCompletionRequest {
        ChatCompletionRequest(model: model, messages: messages, temperature: temperature, stream: true,
                              streamOptions: StreamOptions())
    }

    /// The body as JSON with `responseFormat` (JSON, encoded once and kept) as its `response_format` member.
    func encoded(responseFormat: [UInt8]) throws -> [UInt8] {
        var body = Array(try JSONEncoder().encode(self))
        body.removeLast()
        return body + Array(#","response_format":"#.utf8) + responseFormat + [UInt8(ascii: "}")]
    }
}
