import CallAuditCore

/// The whole dialog's signals: per-segment findings plus the facts the rubric asks about.
struct DialogSignals: Sendable {
    let segments: [SegmentSignals]
    let profanity: [ProfanitySpan]

    init(segments: [SegmentSignals], profanity: [ProfanitySpan]) {
        self.segments = segments
        self.profanity = profanity
    }

    /// Segments of the manager; when no role is known, every segment counts (so a monologue is still scored).
    var manager: [SegmentSignals] {
        let known = segments.filter { $0.role == .manager }
        return known.isEmpty && !segments.contains { $0.role == .customer } ? segments : known
    }

    var customer: [SegmentSignals] { segments.filter { $0.role == .customer } }

    /// The first segment of `side` that shows `marker`.
    func first(_ marker: Marker, in side: [SegmentSignals]) -> SegmentSignals? {
        side.first { $0.has(marker) }
    }

    func count(_ marker: Marker, in side: [SegmentSignals]) -> Int {
        side.filter { $0.has(marker) }.count
    }

    /// The first customer objection, and the manager's answer to it if one follows.
    var objection: (raised: SegmentSignals, answer: SegmentSignals?)? {
        guard let raised = first(.objection, in: customer) else { return nil }
        let answer = segments.dropFirst(raised.index + 1).first { segment in
            segment.role != .customer && (segment.has(.objectionResponse) || segment.words >= 8)
        }
        return (raised, answer)
    }

    /// Customer agreement after the manager's next step.
    var agreedNextStep: (step: SegmentSignals, agreement: SegmentSignals?)? {
        guard let step = first(.nextStep, in: manager) else { return nil }
        let agreement = customer.first { $0.index > step.index && $0.has(.agreement) }
        return (step, agreement)
    }

    func profanityCount(of role: SpeakerRole) -> Int {
        profanity.filter { role == .manager ? $0.role == .manager : $0.role != .manager }.count
    }

    func sentiment(of side: [SegmentSignals], profanity extra: Int) -> SentimentScore {
        let positive = side.reduce(0) { $0 + $1.positive }
        let negative = side.reduce(0) { $0 + $1.negative } + extra * 2
        return SentimentScore(score: Double(positive - negative) / Double(positive + negative + 2))
    }
}
