/// One provider able to do one step for one call: who it is, and the request to make.
public struct ProviderLink<Value: Codable & Sendable>: Sendable {
    /// `openai`, `azure`, `huggingface`, `local`.
    public var provider: String
    /// The model or deployment.
    public var model: String
    /// Whether its answer is kept for identical input.
    public var cacheable: Bool
    /// Makes the request; throws ``ProviderFailure``.
    public var call: @Sendable () async throws -> ProviderReply<Value>

    /// Creates a link.
    public init(provider: String, model: String, cacheable: Bool, call: @escaping @Sendable () async throws -> ProviderReply<Value>) {
        self.provider = provider
        self.model = model
        self.cacheable = cacheable
        self.call = call
    }
}
