import Audio
import CallAuditCore
import CurlHTTP
import Foundation

/// `POST …/audio/transcriptions` on OpenAI, Azure OpenAI or any OpenAI-compatible server (multipart upload).
/// The response format follows the model: `diarized_json` for diarizing models (with `chunking_strategy=auto`,
/// which they need past 30 seconds), `json` for the other `gpt-4o*-transcribe` models (the only format they
/// offer), `verbose_json` with timed segments for Whisper and self-hosted servers.
public struct OpenAITranscriber: Transcriber {
    /// Where the provider lives and its key.
    public let endpoint: ProviderEndpoint
    /// The model (Azure: the deployment).
    public let model: String
    /// The model that answers: on Azure the one the deployment runs, whose name the deployment's need not say;
    /// it decides the response format and the clip length.
    public let servingModel: String
    /// 25 MB, OpenAI's limit.
    public let maxUploadBytes: Int
    let http: CurlHTTPClient
    let timeout: Duration

    /// Creates a client.
    public init(endpoint: ProviderEndpoint, model: String, servingModel: String? = nil, http: CurlHTTPClient, timeout: Duration,
                maxUploadBytes: Int = 25 * 1024 * 1024) {
        self.endpoint = endpoint
        self.model = model
        self.servingModel = servingModel ?? model
        self.http = http
        self.timeout = timeout
        self.maxUploadBytes = maxUploadBytes
    }

    public var provider: String { endpoint.provider }

    /// The `gpt-4o*-transcribe` models take at most 1,500 seconds (Azure's diarizing deployments about 1,400) per
    /// request; Whisper and self-hosted servers have no such limit.
    public var maxClipSeconds: Double? { servingModel.hasPrefix("gpt-4o") ? 1_400 : nil }

    /// The `response_format` this model is asked for.
    public var responseFormat: String {
        if servingModel.contains("diarize") { return "diarized_json" }
        if servingModel.hasPrefix("gpt-4o") { return "json" }
        return "verbose_json"
    }

    public func transcribe(_ clip: AudioClip, language: String?) async throws -> ProviderReply<Transcript> {
        var form = MultipartFormData()
        form.addFile(name: "file", filename: clip.filename, contentType: clip.format.mimeType, content: clip.bodyParts)
        if endpoint.sendsModel { form.addField(name: "model", value: model) }
        form.addField(name: "response_format", value: responseFormat)
        if responseFormat == "diarized_json" { form.addField(name: "chunking_strategy", value: "auto") }
        if let language { form.addField(name: "language", value: language) }
        var request = ProviderRequest.post(
            url: endpoint.url("audio/transcriptions", model: model), headers: endpoint.authorization,
            contentType: form.contentType, parts: form.encode(), timeout: timeout)
        request.maxResponseBytes = 20 * 1024 * 1024
        let exchange = try await ProviderRequest.send(request, provider: provider, secret: endpoint.secret, http: http)
        guard let answer = try? JSONDecoder().decode(OpenAITranscriptionAnswer.self, from: Data(exchange.response.body)) else {
            throw ProviderFailure(provider: provider, disposition: .retry(after: nil), status: exchange.response.status,
                                  message: "the transcription is not the JSON that was asked for")
        }
        let transcript = answer.transcript
        let usage = ProviderUsage(
            step: "transcription", provider: provider, model: model, httpStatus: exchange.response.status,
            latencyMilliseconds: exchange.latencyMilliseconds, inputTokens: answer.usage?.inputTokens ?? 0,
            outputTokens: answer.usage?.outputTokens ?? 0, audioSeconds: transcript.duration ?? clip.duration ?? 0)
        return ProviderReply(value: transcript, usage: [usage])
    }
}
