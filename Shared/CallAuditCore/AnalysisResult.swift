/// Everything the pipeline learned about one call: the body of `result` in `GET /v1/calls/{id}`.
public struct AnalysisResult: Codable, Sendable, Equatable {
    /// 0–100, computed from the criteria and the mode's weights (never parsed from prose).
    public var totalScore: Int
    /// Per-criterion scores with evidence.
    public var criteria: [CriterionScore]
    /// A short summary of the call.
    public var summary: String
    /// Coaching recommendations, weakest criteria first: fixes (or, for a good call, the next-level step), then what
    /// to keep doing.
    public var recommendations: [String]
    /// ISO 639-1 code of the call's language (`ru`, `ko`, `en`).
    public var language: String
    /// Sentiment overall and per party.
    public var sentiment: Sentiment
    /// Profanity found.
    public var profanity: Profanity
    /// The dialog with roles.
    public var segments: [Segment]
    /// How the roles of the segments were decided, and how sure that is; absent in results stored before it existed.
    public var roles: RoleAssignment?
    /// Figures that need no model.
    public var metrics: CallMetrics
    /// Which provider did each step.
    public var providers: [ProviderStep]
    /// What the call is about, when known.
    public var topic: String?
    /// Every provider request the call took (failed and retried ones included), with tokens, audio seconds and cost;
    /// set by the store when the result is saved.
    public var providerCalls: [ProviderUsage]?
    /// What those requests cost, in US dollars; set by the store when the result is saved.
    public var costUSD: Double?

    /// Creates a result.
    public init(
        totalScore: Int, criteria: [CriterionScore], summary: String, recommendations: [String],
        language: String, sentiment: Sentiment, profanity: Profanity, segments: [Segment],
        metrics: CallMetrics, providers: [ProviderStep], topic: String? = nil, roles: RoleAssignment? = nil
    ) {
        self.totalScore = totalScore
        self.criteria = criteria
        self.summary = summary
        self.recommendations = recommendations
        self.language = language
        self.sentiment = sentiment
        self.profanity = profanity
        self.segments = segments
        self.metrics = metrics
        self.providers = providers
        self.topic = topic
        self.roles = roles
    }

    enum CodingKeys: String, CodingKey {
        case totalScore = "total_score"
        case criteria, summary, recommendations, language, sentiment, profanity, segments, roles, metrics, providers, topic
        case providerCalls = "provider_calls"
        case costUSD = "cost_usd"
    }
}
