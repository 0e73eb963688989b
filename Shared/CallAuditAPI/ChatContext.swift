import CallAuditCore
import CallStore
import Foundation

/// What a chat model is told before the question: the call (or a manager's recent calls) it must ground its answer
/// in, bounded so that a long call or a busy manager cannot overflow the model's context.
struct ChatContext: Sendable {
    /// The system prompt.
    let prompt: String
    /// The transcripts a local answer searches, labelled by call when there are several.
    let sources: [(label: String?, segments: [Segment])]
    /// The calls drawn on (a question about a manager).
    let callsUsed: [UUID]

    static let maxTranscriptCharacters = 60_000
    static let maxManagerCharacters = 40_000
    static let managerCalls = 20
    static let managerDays = 30

    static let rules = """
        You answer a team lead's questions about recorded sales and support calls. Ground every answer in the calls \
        below: quote the turns you rely on, and say so when they do not tell. Answer briefly, in the language of the \
        question.
        """

    /// The context of one analyzed call.
    init(call: CallRecord, result: AnalysisResult) {
        prompt = Self.rules + "\n\n" + Self.describe(call: call, result: result, transcriptLimit: Self.maxTranscriptCharacters)
        sources = [(nil, result.segments)]
        callsUsed = []
    }

    /// The context of a manager's recent calls, newest first, within the manager budget.
    init(manager: String, calls: [(call: CallRecord, result: AnalysisResult)]) {
        var text = Self.rules + "\n\nThe latest analyzed calls of manager \(manager), newest first:"
        var used: [UUID] = []
        var sources: [(label: String?, segments: [Segment])] = []
        let perCall = max(2000, Self.maxManagerCharacters / max(1, calls.count))
        for (call, result) in calls {
            let part = Self.describe(call: call, result: result, transcriptLimit: perCall)
            guard text.count + part.count <= Self.maxManagerCharacters || used.isEmpty else { break }
            text += "\n\n---\n" + part
            used.append(call.id)
            sources.append((Self.label(call), result.segments))
        }
        prompt = text
        self.sources = sources
        callsUsed = used
    }

    static func label(_ call: CallRecord) -> String {
        "call \(call.id.uuidString.lowercased().prefix(8)) (\(ISO8601DateFormatter().string(from: call.createdAt).prefix(10)))"
    }

    static func describe(call: CallRecord, result: AnalysisResult, transcriptLimit: Int) -> String {
        var lines = ["Call \(call.id.uuidString.lowercased()), manager \(call.managerID), mode \(call.mode.rawValue), "
            + "\(ISO8601DateFormatter().string(from: call.createdAt)). Score \(result.totalScore)/100."]
        lines.append("Criteria: " + result.criteria.map { "\($0.name) \($0.score)" }.joined(separator: "; "))
        lines.append("Summary: " + result.summary)
        if !result.recommendations.isEmpty { lines.append("Recommendations: " + result.recommendations.joined(separator: " ")) }
        lines.append("Transcript:")
        var transcript = ""
        for segment in result.segments {
            let line = "\(segment.speaker ?? segment.role.rawValue): \(segment.text)\n"
            guard transcript.count + line.count <= transcriptLimit else {
                transcript += "[the rest of the transcript is left out]\n"
                break
            }
            transcript += line
        }
        return lines.joined(separator: "\n") + "\n" + transcript
    }
}
