import CallAuditCore

/// Figures that need no model: talk ratio, turns, questions, longest monologue, and, with timestamps, duration,
/// words per minute, silence and interruptions.
public enum CallMetricsCalculator {
    /// The metrics of a dialog.
    public static func metrics(for segments: [Segment]) -> CallMetrics {
        var managerWords = 0
        var customerWords = 0
        var managerQuestions = 0
        var customerQuestions = 0
        var turns = 0
        var longest = 0
        var run = 0
        var previousRole: SpeakerRole?
        for segment in segments {
            let words = segment.text.whitespaceSeparatedWords.count
            let questions = segment.text.unicodeScalars.filter { $0 == "?" || $0 == "？" }.count
            if segment.role == .manager {
                managerWords += words
                managerQuestions += questions
            } else if segment.role == .customer {
                customerWords += words
                customerQuestions += questions
            }
            if segment.role == previousRole {
                run += words
            } else {
                turns += 1
                run = words
                previousRole = segment.role
            }
            longest = max(longest, run)
        }
        var metrics = CallMetrics(
            talkRatioManager: ratio(Double(managerWords), Double(managerWords + customerWords)), turns: turns,
            managerQuestions: managerQuestions, customerQuestions: customerQuestions, managerWords: managerWords,
            customerWords: customerWords, longestMonologueWords: longest)
        addTiming(segments, to: &metrics)
        return metrics
    }

    static func addTiming(_ segments: [Segment], to metrics: inout CallMetrics) {
        let timed = segments.compactMap { segment -> (Segment, Double, Double)? in
            guard let start = segment.start, let end = segment.end, end >= start else { return nil }
            return (segment, start, end)
        }
        guard !timed.isEmpty, timed.count == segments.count, let first = timed.first, let last = timed.max(by: { $0.2 < $1.2 })
        else { return }
        let duration = last.2 - first.1
        metrics.durationSeconds = duration
        let words = metrics.managerWords + metrics.customerWords
        metrics.wordsPerMinute = duration > 0 ? (Double(words) / duration * 60 * 10).rounded() / 10 : nil
        var silence = 0.0
        var interruptions = 0
        var managerTime = 0.0
        var customerTime = 0.0
        for (index, (segment, start, end)) in timed.enumerated() {
            if segment.role == .manager { managerTime += end - start }
            if segment.role == .customer { customerTime += end - start }
            guard index > 0 else { continue }
            let previous = timed[index - 1]
            if start > previous.2 { silence += start - previous.2 }
            if start < previous.2 && segment.role != previous.0.role { interruptions += 1 }
        }
        metrics.silenceSeconds = (silence * 100).rounded() / 100
        metrics.interruptions = interruptions
        metrics.talkRatioManager = ratio(managerTime, managerTime + customerTime)
    }

    static func ratio(_ part: Double, _ whole: Double) -> Double {
        whole > 0 ? (part / whole * 1000).rounded() / 1000 : 0
    }
}
