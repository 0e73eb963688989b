import CallAuditCore
import PostgresClient

/// What a listed call's result says in brief: the figures a table of calls shows and filters by.
public struct CallOutcome: Sendable, Equatable {
    /// 0–100.
    public var totalScore: Int
    /// The overall sentiment.
    public var sentiment: SentimentLabel
    /// Whether profanity was found.
    public var hasProfanity: Bool
    /// The call's language (ISO 639-1).
    public var language: String

    /// Creates an outcome.
    public init(totalScore: Int, sentiment: SentimentLabel, hasProfanity: Bool, language: String) {
        self.totalScore = totalScore
        self.sentiment = sentiment
        self.hasProfanity = hasProfanity
        self.language = language
    }

    /// The outcome in a listing row, `nil` when the call has no result.
    init?(row: PostgresRow) {
        guard let score = row["total_score"].int,
              let sentiment = row["result_sentiment"].string.flatMap(SentimentLabel.init(rawValue:)),
              let profanity = row["has_profanity"].bool, let language = row["result_language"].string
        else { return nil }
        self.init(totalScore: score, sentiment: sentiment, hasProfanity: profanity, language: language)
    }
}
