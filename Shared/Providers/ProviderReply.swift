import CallAuditCore

/// A provider's usable answer and what it billed.
public struct ProviderReply<Value: Sendable>: Sendable {
    /// The answer.
    public var value: Value
    /// The requests it took, each with tokens, audio seconds and status (empty for the local analyzer).
    public var usage: [ProviderUsage]

    /// Creates a reply.
    public init(value: Value, usage: [ProviderUsage]) {
        self.value = value
        self.usage = usage
    }
}
