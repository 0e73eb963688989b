import CurlHTTP

/// Where an OpenAI-style provider lives and how it wants its key: OpenAI and any OpenAI-compatible server
/// (a base URL, `Authorization: Bearer`, the model in the body), or Azure OpenAI (a deployment in the path,
/// `api-version` in the query, `api-key` header).
public enum ProviderEndpoint: Sendable {
    /// `{baseURL}/{operation}`; a server that needs no key (self-hosted) gets no `Authorization` header.
    case openAICompatible(provider: String, baseURL: String, apiKey: String?)
    /// `{endpoint}/openai/deployments/{deployment}/{operation}?api-version={apiVersion}`.
    case azure(endpoint: String, apiKey: String, apiVersion: String)

    /// The provider's name in logs, usage rows and `/v1/providers`.
    public var provider: String {
        switch self {
        case .openAICompatible(let provider, _, _): provider
        case .azure: "azure"
        }
    }

    /// The URL of `operation` (`audio/transcriptions`, `chat/completions`) for `model` (Azure: the deployment).
    public func url(_ operation: String, model: String) -> String {
        switch self {
        case .openAICompatible(_, let baseURL, _):
            return Self.trimmingSlash(baseURL) + "/" + operation
        case .azure(let endpoint, _, let apiVersion):
            return Self.trimmingSlash(endpoint) + "/openai/deployments/\(model)/\(operation)?api-version=\(apiVersion)"
        }
    }

    /// Whether the body names the model (Azure takes it from the deployment in the path).
    public var sendsModel: Bool {
        if case .azure = self { return false }
        return true
    }

    /// The authentication header, if any.
    public var authorization: [HTTPHeader] {
        switch self {
        case .openAICompatible(_, _, let apiKey?) where !apiKey.isEmpty: [HTTPHeader("Authorization", "Bearer \(apiKey)")]
        case .openAICompatible: []
        case .azure(_, let apiKey, _): [HTTPHeader("api-key", apiKey)]
        }
    }

    /// The key, to be cut out of any message that might echo it.
    public var secret: String? {
        switch self {
        case .openAICompatible(_, _, let apiKey): apiKey
        case .azure(_, let apiKey, _): apiKey
        }
    }

    static func trimmingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
