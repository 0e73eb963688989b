import CallAuditCore

/// The body of `POST /audio/transcriptions` in every format CallAudit asks for: `json` (`text`, token `usage`),
/// `verbose_json` (`language`, `duration`, timed `segments`) and `diarized_json` (segments with `speaker`).
struct OpenAITranscriptionAnswer: Decodable {
    struct Piece: Decodable {
        var start: Double?
        var end: Double?
        var text: String
        var speaker: String?
    }

    struct Usage: Decodable {
        var type: String?
        var seconds: Double?
        var inputTokens: Int?
        var outputTokens: Int?

        enum CodingKeys: String, CodingKey {
            case type, seconds
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
        }
    }

    var text: String
    var language: String?
    var duration: Double?
    var segments: [Piece]?
    var usage: Usage?

    /// The transcript: the timed segments, or the whole text as one segment when the format has none.
    var transcript: Transcript {
        let pieces = segments ?? []
        let spoken = pieces.isEmpty ? [Segment(role: .unknown, text: text.trimmed)] : pieces.map {
            Segment(role: .unknown, speaker: $0.speaker, text: $0.text.trimmed, start: $0.start, end: $0.end)
        }
        return Transcript(segments: spoken.filter { !$0.text.isEmpty }, language: language.map(LanguageName.code(for:)),
                          duration: duration ?? (usage?.type == "duration" ? usage?.seconds : nil))
    }
}
