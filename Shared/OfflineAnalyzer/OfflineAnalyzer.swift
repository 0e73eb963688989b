import CallAuditCore

/// The built-in `local` provider: deterministic, offline analysis of a dialog in Russian, Korean or English —
/// roles from speaker labels or inferred from what is said, language, lexicon sentiment and profanity, the mode's
/// rubric with evidence quotes, an extractive summary, coaching recommendations, and metrics.
public struct OfflineAnalyzer: Sendable {
    /// Creates the analyzer.
    public init() {}

    /// Analyzes a dialog given as text: speaker-labelled lines, or one turn per line without labels.
    public func analyze(text: String, mode: CallMode, languageHint: String? = nil) -> AnalysisResult {
        analyze(segments: DialogParser.segments(from: text), mode: mode, languageHint: languageHint)
    }

    /// Analyzes already-segmented speech (from a transcription, or text split into turns) whose roles may be
    /// unknown: they are inferred from what is said, and `roles` in the result says how and how surely.
    public func analyze(segments rawSegments: [Segment], mode: CallMode, languageHint: String? = nil) -> AnalysisResult {
        let (turns, roles) = RoleInference.infer(
            rawSegments.enumerated().map { SegmentSignals(index: $0.offset, segment: $0.element) })
        let segments = turns.map(\.segment)
        let language = LanguageDetector.resolve(segments.map(\.text).joined(separator: " "), hint: languageHint)
        let profanitySpans = ProfanityDetector.spans(in: segments)
        let signals = DialogSignals(segments: turns, profanity: profanitySpans)
        let metrics = CallMetricsCalculator.metrics(for: segments)
        let sentiment = Sentiment(
            overall: signals.sentiment(of: signals.segments, profanity: profanitySpans.count),
            manager: signals.sentiment(of: signals.segments.filter { $0.role == .manager },
                                       profanity: signals.profanityCount(of: .manager)),
            customer: signals.sentiment(of: signals.customer, profanity: signals.profanityCount(of: .customer)))
        let rubric = Rubric.forMode(mode)
        let criteria = RubricScorer(signals: signals, metrics: metrics, sentiment: sentiment).scores(for: rubric)
        let total = rubric.total(of: criteria)
        return AnalysisResult(
            totalScore: total, criteria: criteria,
            summary: SummaryWriter(signals: signals, language: language).summary(mode: mode, total: total),
            recommendations: CoachingWriter(language: language).recommendations(for: criteria), language: language,
            sentiment: sentiment, profanity: Profanity(spans: profanitySpans), segments: segments, metrics: metrics,
            providers: [ProviderStep(step: "roles", provider: "local"), ProviderStep(step: "analysis", provider: "local")],
            topic: Self.topic(signals), roles: roles)
    }

    /// A coarse topic: a complaint, a pricing talk, or a sale.
    static func topic(_ signals: DialogSignals) -> String? {
        if signals.count(.complaint, in: signals.segments) > 0 { return "support" }
        if signals.count(.presentation, in: signals.segments) > 0 { return "sales" }
        return nil
    }
}
