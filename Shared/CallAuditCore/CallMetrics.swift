/// Figures about the conversation that need no model (DESIGN.md §2, step 6).
public struct CallMetrics: Codable, Sendable, Equatable {
    /// Share of words (or of speaking time, when timestamps are known) said by the manager, 0–1.
    public var talkRatioManager: Double
    /// Number of turns (consecutive segments of one speaker count once).
    public var turns: Int
    /// Questions asked by the manager.
    public var managerQuestions: Int
    /// Questions asked by the customer.
    public var customerQuestions: Int
    /// Words said by the manager.
    public var managerWords: Int
    /// Words said by the customer.
    public var customerWords: Int
    /// The longest uninterrupted stretch of one speaker, in words.
    public var longestMonologueWords: Int
    /// Duration of the call in seconds, when timestamps are known.
    public var durationSeconds: Double?
    /// Words per minute over the call, when timestamps are known.
    public var wordsPerMinute: Double?
    /// Total silence between turns in seconds, when timestamps are known.
    public var silenceSeconds: Double?
    /// Turns that start before the previous speaker finished, when timestamps are known.
    public var interruptions: Int?

    /// Creates metrics.
    public init(
        talkRatioManager: Double, turns: Int, managerQuestions: Int, customerQuestions: Int,
        managerWords: Int, customerWords: Int, longestMonologueWords: Int,
        durationSeconds: Double? = nil, wordsPerMinute: Double? = nil,
        silenceSeconds: Double? = nil, interruptions: Int? = nil
    ) {
        self.talkRatioManager = talkRatioManager
        self.turns = turns
        self.managerQuestions = managerQuestions
        self.customerQuestions = customerQuestions
        self.managerWords = managerWords
        self.customerWords = customerWords
        self.longestMonologueWords = longestMonologueWords
        self.durationSeconds = durationSeconds
        self.wordsPerMinute = wordsPerMinute
        self.silenceSeconds = silenceSeconds
        self.interruptions = interruptions
    }

    enum CodingKeys: String, CodingKey {
        case talkRatioManager = "talk_ratio_manager"
        case turns
        case managerQuestions = "manager_questions"
        case customerQuestions = "customer_questions"
        case managerWords = "manager_words"
        case customerWords = "customer_words"
        case longestMonologueWords = "longest_monologue_words"
        case durationSeconds = "duration_seconds"
        case wordsPerMinute = "words_per_minute"
        case silenceSeconds = "silence_seconds"
        case interruptions
    }
}
