/// One request a provider served for a call, as recorded for cost and audit.
public struct ProviderUsage: Codable, Sendable, Equatable {
    /// `transcription` or `analysis`.
    public var step: String
    /// `openai`, `azure`, `huggingface`, …
    public var provider: String
    /// The model or deployment.
    public var model: String?
    /// The HTTP status the provider answered.
    public var httpStatus: Int?
    /// How long the request took.
    public var latencyMilliseconds: Int
    /// Prompt tokens billed.
    public var inputTokens: Int
    /// Completion tokens billed.
    public var outputTokens: Int
    /// Seconds of audio billed.
    public var audioSeconds: Double
    /// What the request cost, from the price table.
    public var costUSD: Double

    /// Creates a usage record.
    public init(
        step: String, provider: String, model: String? = nil, httpStatus: Int? = nil, latencyMilliseconds: Int = 0,
        inputTokens: Int = 0, outputTokens: Int = 0, audioSeconds: Double = 0, costUSD: Double = 0
    ) {
        self.step = step
        self.provider = provider
        self.model = model
        self.httpStatus = httpStatus
        self.latencyMilliseconds = latencyMilliseconds
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.audioSeconds = audioSeconds
        self.costUSD = costUSD
    }

    enum CodingKeys: String, CodingKey {
        case step, provider, model
        case httpStatus = "http_status"
        case latencyMilliseconds = "latency_ms"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case audioSeconds = "audio_seconds"
        case costUSD = "cost_usd"
    }
}
