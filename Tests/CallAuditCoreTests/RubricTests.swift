import CallAuditCore
import Testing

@Suite("Rubric")
struct RubricTests {
    @Test("every mode has weighted criteria with unique keys")
    func criteria() {
        for mode in CallMode.allCases {
            let rubric = Rubric.forMode(mode)
            #expect(rubric.mode == mode)
            #expect(rubric.criteria.count >= 6)
            #expect(Set(rubric.criteria.map(\.key)).count == rubric.criteria.count)
            #expect(rubric.criteria.allSatisfy { $0.weight > 0 })
        }
    }

    @Test("the total is the weighted mean, missing criteria count as zero, unknown keys are ignored")
    func total() {
        let rubric = Rubric.manager
        let all = rubric.criteria.map { CriterionScore(key: $0.key, name: $0.name, score: 80, weight: $0.weight) }
        #expect(rubric.total(of: all) == 80)
        #expect(rubric.total(of: []) == 0)
        #expect(rubric.total(of: all + [CriterionScore(key: "bogus", name: "x", score: 0, weight: 100)]) == 80)
        var mixed = all
        mixed[0].score = 0
        let weightSum = rubric.criteria.reduce(0) { $0 + $1.weight }
        let expected = Int(((weightSum - rubric.criteria[0].weight) * 80 / weightSum).rounded())
        #expect(rubric.total(of: mixed) == expected)
    }

    @Test("criterion scores are clamped to 0–100 and sentiment labels follow the score")
    func clamping() {
        #expect(CriterionScore(key: "k", name: "n", score: 140, weight: 1).score == 100)
        #expect(CriterionScore(key: "k", name: "n", score: -5, weight: 1).score == 0)
        #expect(SentimentScore(score: 0.5).label == .positive)
        #expect(SentimentScore(score: -0.5).label == .negative)
        #expect(SentimentScore(score: 0.1).label == .neutral)
        #expect(SentimentScore(score: 3).score == 1)
    }
}
