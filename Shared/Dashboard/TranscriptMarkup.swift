import Foundation
import CallAuditCore

/// Splits each segment's text into pieces so that a template can mark, without any HTML of its own, where a
/// criterion's evidence quote stands and which words are profane. A quote is found case-insensitively in the first
/// segment that holds it (a trailing ellipsis of a shortened quote left off).
enum TranscriptMarkup {
    /// A run of a segment's text with what covers it. Its fields have names no enclosing context of the template
    /// uses: a section on a `nil` field looks its name up further out (mustache's context stack).
    struct Piece: Sendable, Equatable {
        let text: String
        /// The keys of the criteria whose quote covers the run, space-separated; `nil` when none does.
        let quotedBy: String?
        /// Whether the run is a profane word.
        let isProfane: Bool
        /// The anchors (`q-<key>`) of the quotes that start here.
        let quoteAnchors: [String]
        /// Whether nothing covers the run.
        let isPlain: Bool

        init(text: String, quotedBy: String?, isProfane: Bool, quoteAnchors: [String]) {
            self.text = text
            self.quotedBy = quotedBy
            self.isProfane = isProfane
            self.quoteAnchors = quoteAnchors
            isPlain = quotedBy == nil && !isProfane
        }
    }

    /// A stretch of one segment, in characters.
    struct Mark {
        let segment: Int
        let range: Range<Int>
        let criterion: String?
    }

    /// The pieces of every segment, and the keys of the criteria whose quote was found.
    static func pieces(segments: [Segment], criteria: [CriterionScore], profanity: [ProfanitySpan]) -> ([[Piece]], Set<String>) {
        let texts = segments.map(\.text)
        var marks: [Mark] = []
        for criterion in criteria {
            guard let quote = criterion.evidence.map(Self.quote), !quote.isEmpty else { continue }
            for (index, text) in texts.enumerated() {
                if let range = find(quote, in: text) {
                    marks.append(Mark(segment: index, range: range, criterion: criterion.key))
                    break
                }
            }
        }
        for span in profanity where texts.indices.contains(span.segment) && !span.text.isEmpty {
            var start = 0
            while let range = find(span.text, in: texts[span.segment], from: start) {
                marks.append(Mark(segment: span.segment, range: range, criterion: nil))
                start = range.upperBound
            }
        }
        let found = Set(marks.compactMap(\.criterion))
        let pieces = texts.enumerated().map { index, text in split(text, marks: marks.filter { $0.segment == index }) }
        return (pieces, found)
    }

    /// The quote without surrounding quotation marks, spaces and a trailing ellipsis.
    static func quote(_ evidence: String) -> String {
        var text = evidence.trimmed
        for suffix in ["…", "..."] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)).trimmed }
        return text.trimmingCharacters(in: .init(charactersIn: "\"«»“”'")).trimmed
    }

    /// Where `needle` stands in `text` at or after character `from`, ignoring case, in characters.
    static func find(_ needle: String, in text: String, from: Int = 0) -> Range<Int>? {
        guard from <= text.count else { return nil }
        let start = text.index(text.startIndex, offsetBy: from)
        guard let range = text.range(of: needle, options: [.caseInsensitive], range: start..<text.endIndex) else { return nil }
        return text.distance(from: text.startIndex, to: range.lowerBound)..<text.distance(from: text.startIndex, to: range.upperBound)
    }

    /// The text cut at every mark's start and end, each piece with the marks that cover it.
    static func split(_ text: String, marks: [Mark]) -> [Piece] {
        let characters = Array(text)
        let cuts = Set([0, characters.count] + marks.flatMap { [$0.range.lowerBound, $0.range.upperBound] }).sorted()
        return zip(cuts, cuts.dropFirst()).compactMap { start, end in
            guard start < end else { return nil }
            let covering = marks.filter { $0.range.lowerBound <= start && end <= $0.range.upperBound }
            let keys = covering.compactMap(\.criterion)
            let anchors = marks.filter { $0.range.lowerBound == start }.compactMap(\.criterion).map { "q-\($0)" }
            return Piece(text: String(characters[start..<end]), quotedBy: keys.isEmpty ? nil : keys.joined(separator: " "),
                         isProfane: covering.contains { $0.criterion == nil }, quoteAnchors: anchors)
        }
    }
}
