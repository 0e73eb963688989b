import CallAuditCore
import FailurePolicy

/// Why a provider request gave no usable answer, and what the chain does about it (DESIGN.md §3, failover).
/// Its message never holds a key: clients redact their own secret from anything a provider says.
public struct ProviderFailure: Error, Sendable, CustomStringConvertible {
    /// `openai`, `azure`, `huggingface`.
    public var provider: String
    /// What the chain does next: `.retry` the same provider after a backoff (timeouts, 408, 409, 429 rate limits,
    /// 5xx, a model still loading, a cut or refused answer; `after` is the provider's own hint), `.providerUnavailable`
    /// (misconfigured or out of credit: 401, 402, 403, 404, 429 `insufficient_quota`, a redirect, any status not
    /// listed: no retry, it is marked unavailable and the next provider is tried) or `.permanent` (the input is bad:
    /// 400, 413, 415, 422; no provider will do better, the call fails with this message).
    public var disposition: FailureDisposition
    /// The HTTP status, when the provider answered.
    public var status: Int?
    /// The provider's message, or what went wrong on the way.
    public var message: String
    /// What the provider billed for a failed answer (a cut or refused completion is still paid).
    public var usage: ProviderUsage?
    /// Requests of the same link that succeeded before this one failed (earlier clips of a recording): paid for,
    /// and recorded along with the failure.
    public var paidBefore: [ProviderUsage] = []

    /// Creates a failure.
    public init(provider: String, disposition: FailureDisposition, status: Int? = nil, message: String, usage: ProviderUsage? = nil) {
        self.provider = provider
        self.disposition = disposition
        self.status = status
        self.message = message
        self.usage = usage
    }

    public var description: String {
        "\(provider)\(status.map { " HTTP \($0)" } ?? ""): \(message)"
    }
}
