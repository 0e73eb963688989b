/// One event of a streamed chat completion: a piece of the first choice's text, the usage (last), or an error.
struct ChatStreamChunk: Decodable {
    struct Choice: Decodable {
        struct Delta: Decodable {
            var content: String?
        }

        var delta: Delta?
    }

    var choices: [Choice]?
    var usage: ChatCompletionAnswer.Usage?
    var error: ProviderErrorBody.Detail?
}
