/// The body of `POST …/chat/completions` answered as a server-sent event stream, with the usage in its last event.
struct ChatStreamRequest: Encodable {
    struct StreamOptions: Encodable {
        var includeUsage = true

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    var model: String?
    var messages: [ChatMessage]
    var temperature: Double
    var stream = true
    var streamOptions = StreamOptions()

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case streamOptions = "stream_options"
    }
}
