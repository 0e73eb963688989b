import CallAuditCore
import Testing

@testable import Dashboard

@Suite("Evidence and profanity in the transcript")
struct TranscriptMarkupTests {
    @Test("a quote is found case-insensitively (a shortening ellipsis left off) and marks the run it covers")
    func evidence() {
        let segments = [Segment(role: .manager, text: "Добрый день! Меня зовут Анна."),
                        Segment(role: .customer, text: "Сколько стоит тариф?")]
        let criteria = [
            CriterionScore(key: "rapport", name: "Rapport", score: 90, weight: 0.2, evidence: "меня зовут Анна…"),
            CriterionScore(key: "greeting", name: "Greeting", score: 80, weight: 0.1, evidence: "Добрый день! Меня"),
            CriterionScore(key: "closing", name: "Closing", score: 10, weight: 0.1, evidence: "До свидания"),
        ]
        let (pieces, found) = TranscriptMarkup.pieces(segments: segments, criteria: criteria, profanity: [])
        #expect(found == ["rapport", "greeting"])
        #expect(pieces[0].map(\.text) == ["Добрый день! ", "Меня", " зовут Анна", "."])
        #expect(pieces[0].map(\.quotedBy) == ["greeting", "rapport greeting", "rapport", nil])
        #expect(pieces[0].map(\.quoteAnchors) == [["q-greeting"], ["q-rapport"], [], []])
        #expect(pieces[0].map(\.text).joined() == segments[0].text)
        #expect(pieces[1].map(\.isPlain) == [true])
    }

    @Test("every occurrence of a profane word in its segment is marked, inside a quote too")
    func profanity() {
        let segments = [Segment(role: .customer, text: "Damn it, damn this line")]
        let criteria = [CriterionScore(key: "politeness", name: "Politeness", score: 0, weight: 0.1, evidence: "damn it")]
        let (pieces, _) = TranscriptMarkup.pieces(
            segments: segments, criteria: criteria, profanity: [ProfanitySpan(role: .customer, segment: 0, text: "damn")])
        #expect(pieces[0].map(\.text) == ["Damn", " it", ", ", "damn", " this line"])
        #expect(pieces[0].map(\.isProfane) == [true, false, false, true, false])
        #expect(pieces[0].map(\.quotedBy) == ["politeness", "politeness", nil, nil, nil])
    }
}
