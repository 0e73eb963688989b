import Audio
import CallAuditCore
import CurlHTTP
import Logging
import Providers
import TestSupport

/// Clients, chains and inputs the provider tests share.
enum ProviderFixtures {
    static let http = CurlHTTPClient(threadPool: TestThreadPool.shared)
    static let key = "sk-test-SECRET-0123456789"
    static let azureKey = "azure-SECRET-key-42"
    static let hfToken = "hf_SECRET_token_77"

    /// A request's time limit: a guard against a hang, generous enough that a busy machine never reaches it.
    static let timeout = Duration.seconds(30)

    static func openAI(_ server: FakeProviderServer) -> ProviderEndpoint {
        .openAICompatible(provider: "openai", baseURL: server.baseURL + "/v1", apiKey: key)
    }

    static func azure(_ server: FakeProviderServer) -> ProviderEndpoint {
        .azure(endpoint: server.baseURL + "/", apiKey: azureKey, apiVersion: "2025-03-01-preview")
    }

    static func chain(cache: (any ProviderAnswerCache)? = nil, maxAttempts: Int = 3) -> ProviderChain {
        ProviderChain(
            health: ProviderHealth([], logger: Logger(label: "health-test")),
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(10), maxDelay: .seconds(2)),
            prices: PriceTable(), cache: cache)
    }

    static let logger = Logger(label: "chain-test")

    /// A dialog with labelled roles, as a text call gives it.
    static let labelled: [Segment] = [
        Segment(role: .manager, text: "Hello, this is Anna from Acme, how can I help?"),
        Segment(role: .customer, text: "I need a faster plan."),
        Segment(role: .manager, text: "What speed do you need?"),
    ]

    /// The same dialog as a transcript without roles.
    static let unlabelled: [Segment] = labelled.map { Segment(role: .unknown, text: $0.text) }

    static func analysisLinks(_ analysts: [any Analyst], request: AnalysisRequest) -> [ProviderLink<AnalysisResult>] {
        analysts.map { analyst in
            ProviderLink(provider: analyst.provider, model: analyst.model, cacheable: analyst.cacheable) {
                try await analyst.analyze(request)
            }
        }
    }

    /// A one-second mono PCM16 WAV at 8 kHz.
    static let wav = WAVAudio.file([UInt8](repeating: 0, count: 16_000), formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16)
}
