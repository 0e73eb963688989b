import Audio
import CallAuditCore
import CurlHTTP
import Foundation

/// Hugging Face Inference: `POST {base}/hf-inference/models/{model}` with the raw audio and a Bearer token,
/// `{"text", "chunks": [{"text", "timestamp": [start, end]}]?}` back; 503 while the model loads.
public struct HuggingFaceTranscriber: Transcriber {
    /// `https://router.huggingface.co` or another base URL.
    public let baseURL: String
    /// The model, e.g. `openai/whisper-large-v3`.
    public let model: String
    /// 10 MB per request.
    public let maxUploadBytes: Int
    /// None: the inference pipeline cuts long audio into chunks itself.
    public var maxClipSeconds: Double? { nil }
    let token: String
    let http: CurlHTTPClient
    let timeout: Duration

    /// Creates a client.
    public init(baseURL: String, model: String, token: String, http: CurlHTTPClient, timeout: Duration,
                maxUploadBytes: Int = 10 * 1024 * 1024) {
        self.baseURL = baseURL
        self.model = model
        self.token = token
        self.http = http
        self.timeout = timeout
        self.maxUploadBytes = maxUploadBytes
    }

    public var provider: String { "huggingface" }

    struct Answer: Decodable {
        struct Chunk: Decodable {
            var text: String
            var timestamp: [Double?]?
        }

        var text: String
        var chunks: [Chunk]?
    }

    public func transcribe(_ clip: AudioClip, language: String?) async throws -> ProviderReply<Transcript> {
        let url = ProviderEndpoint.trimmingSlash(baseURL) + "/hf-inference/models/\(model)"
        let request = ProviderRequest.post(
            url: url, headers: [HTTPHeader("Authorization", "Bearer \(token)")], contentType: clip.format.mimeType,
            parts: clip.bodyParts, timeout: timeout)
        let exchange = try await ProviderRequest.send(request, provider: provider, secret: token, http: http)
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(exchange.response.body)) else {
            throw ProviderFailure(provider: provider, disposition: .retry(after: nil), status: exchange.response.status,
                                  message: "the transcription is not {\"text\": …}")
        }
        let chunks = answer.chunks ?? []
        let segments = chunks.isEmpty ? [Segment(role: .unknown, text: answer.text.trimmed)] : chunks.map { chunk in
            Segment(role: .unknown, text: chunk.text.trimmed, start: chunk.timestamp?.first ?? nil,
                    end: (chunk.timestamp?.count ?? 0) > 1 ? chunk.timestamp?[1] : nil)
        }
        let usage = ProviderUsage(
            step: "transcription", provider: provider, model: model, httpStatus: exchange.response.status,
            latencyMilliseconds: exchange.latencyMilliseconds, audioSeconds: clip.duration ?? 0)
        return ProviderReply(value: Transcript(segments: segments.filter { !$0.text.isEmpty }, language: language,
                                               duration: clip.duration), usage: [usage])
    }
}
