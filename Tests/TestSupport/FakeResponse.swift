/// A scripted answer of ``FakeProviderServer``.
public struct FakeResponse: Sendable {
    /// HTTP status.
    public var status: Int
    /// Extra headers (`retry-after`, `retry-after-ms`).
    public var headers: [String: String]
    /// The body.
    public var body: String
    /// How long the server waits before answering.
    public var delay: Duration

    /// Creates an answer.
    public init(status: Int, headers: [String: String] = [:], body: String = "", delay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// An OpenAI-style error: `{"error": {"message", "type", "code"}}`.
    public static func openAIError(_ status: Int, message: String, type: String, code: String?, headers: [String: String] = [:]) -> FakeResponse {
        let codeJSON = code.map { "\"\($0)\"" } ?? "null"
        return FakeResponse(status: status, headers: headers.merging(["content-type": "application/json"]) { $1 },
                            body: #"{"error": {"message": "\#(message)", "type": "\#(type)", "param": null, "code": \#(codeJSON)}}"#)
    }

    /// A successful `POST /audio/transcriptions` answer in `format` (`verbose_json`, `json`, `diarized_json`).
    public static func transcription(format: String?) -> FakeResponse {
        FakeAnswers.transcription(format: format)
    }
}
