import CallAuditCore

/// What one segment shows: its words, markers and questions, computed once and shared by role inference and every
/// scorer.
struct SegmentSignals: Sendable {
    let index: Int
    var segment: Segment
    let words: Int
    let markers: Set<Marker>
    let positive: Int
    let negative: Int
    let isQuestion: Bool

    init(index: Int, segment: Segment) {
        self.index = index
        self.segment = segment
        let tokens = Tokenizer.words(segment.text)
        words = tokens.count
        let hits = Lexicon.markers(in: tokens)
        markers = Set(hits.filter { !$0.negated }.map(\.marker))
        positive = hits.filter { ($0.marker == .positive && !$0.negated) || ($0.marker == .negative && $0.negated) }.count
        negative = hits.filter { ($0.marker == .negative && !$0.negated) || ($0.marker == .positive && $0.negated) }.count
        isQuestion = segment.text.unicodeScalars.contains { $0 == "?" || $0 == "？" }
    }

    var role: SpeakerRole {
        get { segment.role }
        set { segment.role = newValue }
    }

    func has(_ marker: Marker) -> Bool { markers.contains(marker) }
}
