import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("CallMetricsCalculator")
struct MetricsTests {
    @Test("without timestamps: words, turns, questions and the longest monologue")
    func words() {
        let segments = [
            Segment(role: .manager, text: "Hello there, how are you?"),
            Segment(role: .manager, text: "Any questions?"),
            Segment(role: .customer, text: "Yes, what is the price?"),
            Segment(role: .manager, text: "Ten."),
        ]
        let metrics = CallMetricsCalculator.metrics(for: segments)
        #expect(metrics.managerWords == 8)
        #expect(metrics.customerWords == 5)
        #expect(metrics.turns == 3)
        #expect(metrics.managerQuestions == 2)
        #expect(metrics.customerQuestions == 1)
        #expect(metrics.longestMonologueWords == 7)
        #expect(metrics.talkRatioManager == 0.615)
        #expect(metrics.durationSeconds == nil)
    }

    @Test("with timestamps: duration, pace, silence, interruptions and talk ratio by time")
    func timing() {
        let segments = [
            Segment(role: .manager, text: "one two three four", start: 0, end: 4),
            Segment(role: .customer, text: "five six", start: 5, end: 7),
            Segment(role: .manager, text: "seven eight", start: 6.5, end: 9),
        ]
        let metrics = CallMetricsCalculator.metrics(for: segments)
        #expect(metrics.durationSeconds == 9)
        #expect(metrics.wordsPerMinute == 53.3)
        #expect(metrics.silenceSeconds == 1)
        #expect(metrics.interruptions == 1)
        #expect(metrics.talkRatioManager == 0.765)
    }
}
