import CallAuditCore
import CurlHTTP
import Foundation

/// Analysis by one chat completion with `response_format: json_schema` (strict) on OpenAI, Azure OpenAI, the
/// Hugging Face router or any OpenAI-compatible server. An answer cut by the token limit, a refusal or JSON that
/// does not fit the schema is rejected and retried; the tokens it took are still recorded.
public struct ChatAnalyst: Analyst {
    /// The model that analyzes: where it lives, its key, its time limit.
    public let chat: ChatModel

    /// Creates a client.
    public init(endpoint: ProviderEndpoint, model: String, http: CurlHTTPClient, timeout: Duration) {
        chat = ChatModel(endpoint: endpoint, model: model, http: http, timeout: timeout)
    }

    /// Where the provider lives and its key.
    public var endpoint: ProviderEndpoint { chat.endpoint }
    /// The model (Azure: the deployment).
    public var model: String { chat.model }
    public var provider: String { endpoint.provider }
    public var cacheable: Bool { true }

    public func analyze(_ request: AnalysisRequest) async throws -> ProviderReply<AnalysisResult> {
        let body = ChatCompletionRequest(
            model: endpoint.sendsModel ? model : nil,
            messages: [.init(role: "system", content: AnalysisPrompt.system(for: request)),
                       .init(role: "user", content: AnalysisPrompt.user(for: request))],
            temperature: 0)
        let httpRequest = ProviderRequest.post(
            url: endpoint.url("chat/completions", model: model), headers: endpoint.authorization,
            contentType: "application/json",
            body: try body.encoded(responseFormat: ChatCompletionRequest.ResponseFormat.analysis(for: request.mode)),
            timeout: chat.timeout)
        let exchange = try await ProviderRequest.send(httpRequest, provider: provider, secret: endpoint.secret, http: chat.http)
        let answer = try? JSONDecoder().decode(ChatCompletionAnswer.self, from: Data(exchange.response.body))
        let usage = ProviderUsage(
            step: "analysis", provider: provider, model: model, httpStatus: exchange.response.status,
            latencyMilliseconds: exchange.latencyMilliseconds, inputTokens: answer?.usage?.promptTokens ?? 0,
            outputTokens: answer?.usage?.completionTokens ?? 0)
        func rejected(_ reason: String) -> ProviderFailure {
            ProviderFailure(provider: provider, disposition: .retry(after: nil), status: exchange.response.status,
                            message: reason, usage: usage)
        }
        guard let choice = answer?.choices.first else { throw rejected("the completion has no choices") }
        if let refusal = choice.message.refusal, !refusal.isEmpty { throw rejected("the model refused: \(refusal.prefix(200))") }
        if choice.finishReason == "length" { throw rejected("the answer was cut at the token limit") }
        guard let content = choice.message.content,
              let analysis = try? JSONDecoder().decode(ModelAnalysis.self, from: Data(content.utf8))
        else { throw rejected("the answer does not fit the schema") }
        return ProviderReply(
            value: AnalysisAssembler.result(analysis, request: request, provider: provider, model: model), usage: [usage])
    }
}
