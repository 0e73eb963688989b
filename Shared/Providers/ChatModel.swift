import CallAuditCore
import CurlHTTP
import Foundation

/// A configured chat model that answers questions about calls, streamed: the analysis model of OpenAI, Azure OpenAI,
/// the Hugging Face router or an OpenAI-compatible server, asked with `stream: true`.
public struct ChatModel: Sendable {
    /// Where the provider lives and its key.
    public let endpoint: ProviderEndpoint
    /// The model (Azure: the deployment).
    public let model: String
    let http: CurlHTTPClient
    let timeout: Duration

    /// Creates a chat model.
    public init(endpoint: ProviderEndpoint, model: String, http: CurlHTTPClient, timeout: Duration) {
        self.endpoint = endpoint
        self.model = model
        self.http = http
        self.timeout = timeout
    }

    /// `openai`, `azure`, `huggingface`.
    public var provider: String { endpoint.provider }

    /// The same model with another time limit.
    public func limited(to timeout: Duration) -> ChatModel {
        ChatModel(endpoint: endpoint, model: model, http: http, timeout: timeout)
    }

    /// The answer to `messages`, as the provider streams it: text pieces, then the usage. A refusal before the first
    /// piece, an error event, or a stream that ends before `[DONE]` throws ``ProviderFailure``; ending the iteration
    /// aborts the request.
    public func answer(_ messages: [ChatMessage], temperature: Double) -> AsyncThrowingStream<ChatDelta, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await relay(messages, temperature: temperature, to: continuation)
                    continuation.finish()
                } catch let failure as ProviderFailure {
                    continuation.finish(throwing: failure)
                } catch is CancellationError {
                    continuation.finish(throwing: CancellationError())
                } catch {
                    continuation.finish(throwing: ProviderFailure(provider: provider, transportError: error, secret: endpoint.secret))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func relay(
        _ messages: [ChatMessage], temperature: Double, to continuation: AsyncThrowingStream<ChatDelta, any Error>.Continuation
    ) async throws {
        let body = ChatCompletionRequest.streamed(
            model: endpoint.sendsModel ? model : nil, messages: messages, temperature: temperature)
        var request = ProviderRequest.post(
            url: endpoint.url("chat/completions", model: model), headers: endpoint.authorization + [HTTPHeader("Accept", "text/event-stream")],
            contentType: "application/json", body: Array(try JSONEncoder().encode(body)), timeout: timeout)
        request.maxResponseBytes = 4 * 1024 * 1024
        var status = 0
        var headers: [HTTPHeader] = []
        var refusal: [UInt8] = []
        var parser = ServerSentEventParser()
        var done = false
        for try await part in http.stream(request) {
            switch part {
            case .head(let answered, let fields):
                (status, headers) = (answered, fields)
            case .body(let bytes) where !(200..<300).contains(status):
                refusal += bytes
            case .body(let bytes):
                for data in parser.feed(bytes) {
                    if data == "[DONE]" {
                        done = true
                        continue
                    }
                    guard let chunk = try? JSONDecoder().decode(ChatStreamChunk.self, from: Data(data.utf8)) else { continue }
                    if let error = chunk.error {
                        throw ProviderFailure(provider: provider, disposition: .retry(after: nil), status: status,
                                              message: ProviderFailure.redact(error.message ?? "the stream reported an error",
                                                                              secret: endpoint.secret))
                    }
                    if let text = chunk.choices?.first?.delta?.content, !text.isEmpty { continuation.yield(.text(text)) }
                    if let usage = chunk.usage {
                        continuation.yield(.usage(inputTokens: usage.promptTokens ?? 0, outputTokens: usage.completionTokens ?? 0))
                    }
                }
            }
        }
        guard (200..<300).contains(status) else {
            throw ProviderFailure(provider: provider, response: HTTPResponse(status: status, headers: headers, body: refusal),
                                  secret: endpoint.secret)
        }
        guard done else {
            throw ProviderFailure(provider: provider, disposition: .retry(after: nil), status: status,
                                  message: "the answer's stream ended before it was done")
        }
    }
}
