import Audio
import CallAuditCore
import CurlHTTP

/// The provider chain as the environment configures it (README: Providers). `PROVIDERS` gives the order
/// (`openai,azure,huggingface,local`); without it, every provider with credentials in that order, then `local`.
/// A provider serves the steps it has a model or deployment for; `local` only analyzes.
public struct ProviderSettings: Sendable {
    /// Transcription providers in order.
    public var transcribers: [any Transcriber]
    /// Analysis providers in order (`local` last unless `PROVIDERS` leaves it out).
    public var analysts: [any Analyst]
    /// Backoff and attempts.
    public var retry: RetryPolicy
    /// Prices for usage records.
    public var prices: PriceTable
    /// The language of summaries and recommendations (`ANALYSIS_LANGUAGE`); `nil`: the call's language.
    public var outputLanguage: String?
    /// Whether stereo recordings are transcribed one channel at a time (`SPLIT_STEREO_CHANNELS`, default true).
    public var splitStereo: Bool
    /// Every configured provider with its steps, for `/v1/providers`.
    public var statuses: [ProviderStatus]
    /// The models that answer questions about calls (each provider's analysis model), in the chain's order.
    public var chatModels: [ChatModel]
    /// ffmpeg (`FFMPEG_PATH`, or the first on `PATH`), for compressed recordings over a provider's limit.
    public var transcoder: AudioTranscoder?

    static let known = ["openai", "azure", "huggingface", "local"]

    /// The variables the chain reads, for the worker's `--help`.
    public static let settings: [ConfigurationSetting] = [
        .init("PROVIDERS", "providers with credentials, then local", "the chain's order: openai,azure,huggingface,local"),
        .init("OPENAI_API_KEY", "unset", "OpenAI key"),
        .init("OPENAI_BASE_URL", "https://api.openai.com/v1", "any OpenAI-compatible server; alone, it enables a self-hosted one"),
        .init("OPENAI_TRANSCRIBE_MODEL", "gpt-4o-transcribe-diarize", "transcription model"),
        .init("OPENAI_ANALYSIS_MODEL", "gpt-4o-mini", "analysis (chat) model"),
        .init("AZURE_OPENAI_API_KEY", "unset", "Azure OpenAI key"),
        .init("AZURE_OPENAI_ENDPOINT", "unset", "https://<resource>.openai.azure.com"),
        .init("AZURE_OPENAI_API_VERSION", "2025-03-01-preview", "the api-version query parameter"),
        .init("AZURE_OPENAI_TRANSCRIBE_DEPLOYMENT", "unset", "transcription deployment"),
        .init("AZURE_OPENAI_TRANSCRIBE_MODEL", "the deployment's name", "the model behind the transcription deployment"),
        .init("AZURE_OPENAI_CHAT_DEPLOYMENT", "unset", "analysis deployment"),
        .init("HUGGINGFACE_API_TOKEN", "unset", "Hugging Face token"),
        .init("HUGGINGFACE_BASE_URL", "https://router.huggingface.co", "Hugging Face router"),
        .init("HUGGINGFACE_ASR_MODEL", "openai/whisper-large-v3", "transcription model"),
        .init("HUGGINGFACE_CHAT_MODEL", "Qwen/Qwen2.5-72B-Instruct", "analysis model"),
        .init("TRANSCRIBE_TIMEOUT_SECONDS", "300", "time limit of one transcription request"),
        .init("ANALYSIS_TIMEOUT_SECONDS", "120", "time limit of one analysis request"),
        .init("CHAT_TIMEOUT_SECONDS", "120", "time limit of one streamed answer to a question about a call"),
        .init("PROVIDER_MAX_ATTEMPTS", "3", "attempts per provider before failing over"),
        .init("PROVIDER_RETRY_BASE_MILLISECONDS", "500", "first backoff (doubling, with jitter)"),
        .init("PROVIDER_RETRY_MAX_SECONDS", "20", "longest backoff; a longer retry-after fails over at once"),
        .init("PROVIDER_PRICES", "built-in list prices", "JSON overriding or adding model prices"),
        .init("ANALYSIS_LANGUAGE", "the call's language", "language of summaries and recommendations"),
        .init("SPLIT_STEREO_CHANNELS", "true", "transcribe a stereo WAV one channel at a time"),
        .init("FFMPEG_PATH", "the first ffmpeg on PATH", "re-encodes compressed recordings over a provider's limit"),
    ]

    /// Reads the configuration; throws ``ConfigurationError`` for an unknown or unconfigured name in `PROVIDERS`.
    public init(environment: EnvironmentVariables, http: CurlHTTPClient) throws {
        let transcribeTimeout = Duration.seconds(try environment.int("TRANSCRIBE_TIMEOUT_SECONDS", default: 300))
        let analysisTimeout = Duration.seconds(try environment.int("ANALYSIS_TIMEOUT_SECONDS", default: 120))
        var available: [String: (transcriber: (any Transcriber)?, analyst: (any Analyst)?)] = ["local": (nil, LocalAnalyst())]

        let openAIKey = environment.string("OPENAI_API_KEY")
        let openAIBase = environment.string("OPENAI_BASE_URL")
        if openAIKey != nil || openAIBase != nil {
            let endpoint = ProviderEndpoint.openAICompatible(
                provider: "openai", baseURL: openAIBase ?? "https://api.openai.com/v1", apiKey: openAIKey)
            available["openai"] = (
                OpenAITranscriber(endpoint: endpoint, model: environment.string("OPENAI_TRANSCRIBE_MODEL", default: "gpt-4o-transcribe-diarize"),
                                  http: http, timeout: transcribeTimeout),
                ChatAnalyst(endpoint: endpoint, model: environment.string("OPENAI_ANALYSIS_MODEL", default: "gpt-4o-mini"),
                            http: http, timeout: analysisTimeout))
        }
        if let key = environment.string("AZURE_OPENAI_API_KEY"), let url = environment.string("AZURE_OPENAI_ENDPOINT") {
            let endpoint = ProviderEndpoint.azure(
                endpoint: url, apiKey: key, apiVersion: environment.string("AZURE_OPENAI_API_VERSION", default: "2025-03-01-preview"))
            available["azure"] = (
                environment.string("AZURE_OPENAI_TRANSCRIBE_DEPLOYMENT").map {
                    OpenAITranscriber(endpoint: endpoint, model: $0, servingModel: environment.string("AZURE_OPENAI_TRANSCRIBE_MODEL"),
                                      http: http, timeout: transcribeTimeout)
                },
                environment.string("AZURE_OPENAI_CHAT_DEPLOYMENT").map {
                    ChatAnalyst(endpoint: endpoint, model: $0, http: http, timeout: analysisTimeout)
                })
        }
        if let token = environment.string("HUGGINGFACE_API_TOKEN") {
            let base = environment.string("HUGGINGFACE_BASE_URL", default: "https://router.huggingface.co")
            available["huggingface"] = (
                HuggingFaceTranscriber(baseURL: base, model: environment.string("HUGGINGFACE_ASR_MODEL", default: "openai/whisper-large-v3"),
                                       token: token, http: http, timeout: transcribeTimeout),
                ChatAnalyst(endpoint: .openAICompatible(provider: "huggingface", baseURL: ProviderEndpoint.trimmingSlash(base) + "/v1",
                                                        apiKey: token),
                            model: environment.string("HUGGINGFACE_CHAT_MODEL", default: "Qwen/Qwen2.5-72B-Instruct"),
                            http: http, timeout: analysisTimeout))
        }

        let order = try Self.order(environment.string("PROVIDERS"), configured: Set(available.keys))
        transcribers = order.compactMap { available[$0]?.transcriber }
        analysts = order.compactMap { available[$0]?.analyst }
        let chatTimeout = Duration.seconds(try environment.int("CHAT_TIMEOUT_SECONDS", default: 120))
        chatModels = analysts.compactMap { analyst in
            (analyst as? ChatAnalyst)?.chat.limited(to: chatTimeout)
        }
        statuses = order.map { name in
            var steps: [String: String] = [:]
            if let transcriber = available[name]?.transcriber { steps["transcription"] = transcriber.model }
            if let analyst = available[name]?.analyst { steps["analysis"] = analyst.model }
            return ProviderStatus(provider: name, steps: steps)
        }
        retry = RetryPolicy(
            maxAttempts: try environment.int("PROVIDER_MAX_ATTEMPTS", default: 3),
            baseDelay: .milliseconds(try environment.int("PROVIDER_RETRY_BASE_MILLISECONDS", default: 500)),
            maxDelay: .seconds(try environment.int("PROVIDER_RETRY_MAX_SECONDS", default: 20)))
        prices = try PriceTable(json: environment.string("PROVIDER_PRICES"))
        outputLanguage = environment.string("ANALYSIS_LANGUAGE")
        splitStereo = try environment.bool("SPLIT_STEREO_CHANNELS", default: true)
        transcoder = AudioTranscoder.locate(path: environment.string("FFMPEG_PATH"), searchPath: environment.string("PATH"))
    }

    /// The names in `PROVIDERS`, checked; or the configured ones in the default order.
    static func order(_ list: String?, configured: Set<String>) throws -> [String] {
        guard let list, !list.trimmed.isEmpty else { return known.filter(configured.contains) }
        let names = list.split(separator: ",").map { $0.trimmed.lowercased() }
        for name in names where !configured.contains(name) {
            let expected = known.contains(name)
                ? "a list of configured providers (\(name) has no key or endpoint set)"
                : "a list of \(known.joined(separator: ", "))"
            throw ConfigurationError(key: "PROVIDERS", value: list, expected: expected)
        }
        return names
    }
}
