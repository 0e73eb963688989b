import CallAuditCore

/// What the chain made of one step: the answer, who gave it, and every request it took.
public struct ChainOutcome<Value: Sendable>: Sendable {
    /// The answer.
    public var value: Value
    /// The provider that gave it.
    public var provider: String
    /// Its model.
    public var model: String
    /// Every request of this step, failed ones included, priced. Empty for an answer from the cache.
    public var usage: [ProviderUsage]
    /// Whether the answer came from the cache (no request made).
    public var cached: Bool
}
