import Foundation

/// What one worker knows about one provider: shown by `/ready` and `GET /v1/providers`.
public struct ProviderStatus: Codable, Sendable, Equatable {
    /// `openai`, `azure`, `huggingface`, `local`.
    public var provider: String
    /// The steps it is configured for, with their models: `transcription: whisper-1`.
    public var steps: [String: String]
    /// `false` while it is out: a 401/403/quota answer, or the circuit breaker open after repeated failures.
    public var available: Bool
    /// Why it is out, when it is.
    public var reason: String?
    /// Whether its last request got a usable answer; `nil` before the first.
    public var lastRequestOK: Bool?
    /// The HTTP status of its last answer.
    public var lastStatus: Int?
    /// When its last request finished.
    public var lastRequestAt: Date?

    /// Creates a status.
    public init(provider: String, steps: [String: String], available: Bool = true, reason: String? = nil,
                lastRequestOK: Bool? = nil, lastStatus: Int? = nil, lastRequestAt: Date? = nil) {
        self.provider = provider
        self.steps = steps
        self.available = available
        self.reason = reason
        self.lastRequestOK = lastRequestOK
        self.lastStatus = lastStatus
        self.lastRequestAt = lastRequestAt
    }

    enum CodingKeys: String, CodingKey {
        case provider, steps, available, reason
        case lastRequestOK = "last_request_ok"
        case lastStatus = "last_status"
        case lastRequestAt = "last_request_at"
    }
}
