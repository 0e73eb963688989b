import CallAuditCore

/// A result with chosen scores, so report figures and callback events can be checked by hand.
public enum ResultFixture {
    /// A result of `mode` whose every criterion scored `score`.
    public static func result(mode: CallMode = .manager, score: Int, sentiment: Double = 0.5, profanity: Bool = false) -> AnalysisResult {
        let rubric = Rubric.forMode(mode)
        let criteria = rubric.criteria.map {
            CriterionScore(key: $0.key, name: $0.name, score: score, weight: $0.weight, evidence: "quote for \($0.key)")
        }
        let spans = profanity ? [ProfanitySpan(role: .customer, segment: 1, text: "damn")] : []
        return AnalysisResult(
            totalScore: rubric.total(of: criteria), criteria: criteria, summary: "Summary.", recommendations: ["Ask more."],
            language: "en",
            sentiment: Sentiment(overall: SentimentScore(score: sentiment), manager: SentimentScore(score: 0.2),
                                 customer: SentimentScore(score: sentiment)),
            profanity: Profanity(spans: spans),
            segments: [Segment(role: .manager, text: "Hello"), Segment(role: .customer, text: "Hi")],
            metrics: CallMetrics(talkRatioManager: 0.5, turns: 2, managerQuestions: 0, customerQuestions: 0,
                                 managerWords: 1, customerWords: 1, longestMonologueWords: 1),
            providers: [ProviderStep(step: "analysis", provider: "local")])
    }
}
