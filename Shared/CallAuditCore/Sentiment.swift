/// The polarity of a piece of speech.
public enum SentimentLabel: String, Codable, Sendable, CaseIterable {
    case positive
    case neutral
    case negative
}

/// A sentiment label with its score from -1 (negative) to 1 (positive).
public struct SentimentScore: Codable, Sendable, Equatable {
    /// The label derived from the score.
    public var label: SentimentLabel
    /// -1…1.
    public var score: Double

    /// Creates a sentiment score; the label follows from the score with a ±0.15 neutral band.
    public init(score: Double) {
        let clamped = min(1, max(-1, score))
        self.score = clamped
        self.label = clamped > 0.15 ? .positive : (clamped < -0.15 ? .negative : .neutral)
    }
}

/// Sentiment of the whole call and of each party.
public struct Sentiment: Codable, Sendable, Equatable {
    /// The whole call.
    public var overall: SentimentScore
    /// What the manager said.
    public var manager: SentimentScore
    /// What the customer said.
    public var customer: SentimentScore

    /// Creates the sentiment of a call.
    public init(overall: SentimentScore, manager: SentimentScore, customer: SentimentScore) {
        self.overall = overall
        self.manager = manager
        self.customer = customer
    }
}
