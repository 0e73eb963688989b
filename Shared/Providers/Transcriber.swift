import Audio

/// A speech-to-text provider (DESIGN.md §3): one clip in, a transcript out.
public protocol Transcriber: Sendable {
    /// `openai`, `azure`, `huggingface`.
    var provider: String { get }
    /// The model or deployment.
    var model: String { get }
    /// The largest upload the provider takes; larger recordings are split before they are sent.
    var maxUploadBytes: Int { get }
    /// The longest clip the model takes in one request, if it has a limit; longer recordings are split too.
    var maxClipSeconds: Double? { get }
    /// Transcribes one clip; `language` is an ISO 639-1 hint. Throws ``ProviderFailure``.
    func transcribe(_ clip: AudioClip, language: String?) async throws -> ProviderReply<Transcript>
}
