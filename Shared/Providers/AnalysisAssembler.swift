import CallAuditCore
import OfflineAnalyzer

/// Turns the model's answer into a result: roles applied to the segments (and where they came from), criteria in
/// the rubric's order with scores clamped to 0–100, the total computed from the mode's weights (never taken from the
/// model), the metrics measured here, profanity tied to the segments it was found in.
enum AnalysisAssembler {
    static func result(_ answer: ModelAnalysis, request: AnalysisRequest, provider: String, model: String) -> AnalysisResult {
        let segments = withRoles(request.segments, answer.roles)
        let rubric = Rubric.forMode(request.mode)
        let byKey = Dictionary(answer.criteria.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let criteria = rubric.criteria.map { criterion in
            let scored = byKey[criterion.key]
            let evidence = scored?.evidence.trimmed ?? ""
            return CriterionScore(key: criterion.key, name: criterion.name,
                                  score: Int(min(100, max(0, scored?.score ?? 0)).rounded()), weight: criterion.weight,
                                  evidence: evidence.isEmpty ? nil : evidence)
        }
        let spans = answer.profanity.compactMap { span -> ProfanitySpan? in
            guard segments.indices.contains(span.segment) else { return nil }
            return ProfanitySpan(role: segments[span.segment].role, segment: span.segment, text: span.text)
        }
        let code = answer.language.trimmed.lowercased()
        let language = code.count == 2 ? code : LanguageDetector.detect(segments.map(\.text).joined(separator: " "))
        let steps = [ProviderStep(step: "roles", provider: provider, model: model),
                     ProviderStep(step: "analysis", provider: provider, model: model)]
        return AnalysisResult(
            totalScore: rubric.total(of: criteria), criteria: criteria, summary: answer.summary.trimmed,
            recommendations: answer.recommendations.map(\.trimmed).filter { !$0.isEmpty }, language: language,
            sentiment: Sentiment(overall: SentimentScore(score: answer.sentiment.overall),
                                 manager: SentimentScore(score: answer.sentiment.manager),
                                 customer: SentimentScore(score: answer.sentiment.customer)),
            profanity: Profanity(spans: spans), segments: segments, metrics: CallMetricsCalculator.metrics(for: segments),
            providers: steps, topic: answer.topic.trimmed.isEmpty ? nil : answer.topic.trimmed,
            roles: roleAssignment(before: request.segments, after: segments))
    }

    /// `labels` when every segment came with its role; else `model` when the model gave a role to at least one of
    /// the others, `unknown` when it gave none. A model states no confidence.
    static func roleAssignment(before: [Segment], after: [Segment]) -> RoleAssignment {
        let open = before.indices.filter { before[$0].role == .unknown }
        guard !open.isEmpty else { return RoleAssignment(source: .labels, confidence: 1) }
        return RoleAssignment(source: open.contains { after[$0].role != .unknown } ? .model : .unknown, confidence: nil)
    }

    /// The model's roles for segments whose role was unknown; a speaker label the model gave one role to most
    /// often keeps that role throughout, so that one diarized speaker is never split across both sides.
    static func withRoles(_ segments: [Segment], _ roles: [ModelAnalysis.Role]) -> [Segment] {
        var result = segments
        for role in roles where result.indices.contains(role.segment) && result[role.segment].role == .unknown {
            result[role.segment].role = SpeakerRole(rawValue: role.role) ?? .unknown
        }
        var votes: [String: [SpeakerRole: Int]] = [:]
        for segment in result where segment.role != .unknown {
            if let speaker = segment.speaker { votes[speaker, default: [:]][segment.role, default: 0] += 1 }
        }
        let speakerRoles = votes.compactMapValues { counts in counts.max { $0.value < $1.value }?.key }
        for index in result.indices where segments[index].role == .unknown {
            if let speaker = result[index].speaker, let role = speakerRoles[speaker] { result[index].role = role }
        }
        return result
    }
}
