import Foundation

/// One question or answer of a conversation about calls, as stored.
public struct ChatRecord: Sendable, Equatable {
    /// The stored row (0 before it is stored).
    public var id: Int
    /// `user` (a question) or `assistant` (an answer).
    public var role: String
    /// What it says.
    public var content: String
    /// The provider and model that answered (`local` for the offline answer); none for a question.
    public var provider: String?
    /// The model.
    public var model: String?
    /// `complete`, `interrupted` (the asker left mid-answer) or `failed` (the provider failed mid-answer).
    public var status: String
    /// Tokens the answer took (estimated from its length when the answer was cut off).
    public var inputTokens: Int?
    /// Tokens the answer took.
    public var outputTokens: Int?
    /// Whether the tokens are estimated from the length (the provider's own count never came).
    public var tokensEstimated: Bool
    /// What it cost.
    public var costUSD: Double?
    /// The calls an answer about a manager drew on.
    public var callsUsed: [UUID]
    /// When it was stored.
    public var createdAt: Date

    /// Creates a record.
    public init(
        id: Int = 0, role: String, content: String, provider: String? = nil, model: String? = nil, status: String = "complete",
        inputTokens: Int? = nil, outputTokens: Int? = nil, tokensEstimated: Bool = false, costUSD: Double? = nil,
        callsUsed: [UUID] = [], createdAt: Date = Date()
    ) {
        self.id = id
        self.role = role
        self.content = content
        self.provider = provider
        self.model = model
        self.status = status
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.tokensEstimated = tokensEstimated
        self.costUSD = costUSD
        self.callsUsed = callsUsed
        self.createdAt = createdAt
    }
}
