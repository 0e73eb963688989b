/// Which provider did one step of the pipeline.
public struct ProviderStep: Codable, Sendable, Equatable {
    /// `transcription`, `roles` or `analysis`.
    public var step: String
    /// `local`, `openai`, `azure`, `huggingface`.
    public var provider: String
    /// The model or deployment, when one was used.
    public var model: String?
    /// `true` when the answer was served from the cache of identical input, with no request.
    public var cached: Bool?

    /// Creates a step record.
    public init(step: String, provider: String, model: String? = nil, cached: Bool? = nil) {
        self.step = step
        self.provider = provider
        self.model = model
        self.cached = cached
    }
}
