import Foundation

/// An event of the realtime server, with the fields CallAudit reads: transcription deltas and completed turns, the
/// VAD's turn boundaries, commits, failures and errors.
struct RealtimeServerEvent: Decodable, Sendable {
    /// `session.created`, `conversation.item.input_audio_transcription.delta`, `error`, …
    let type: String
    let itemID: String?
    let previousItemID: String?
    /// A piece of a turn's transcript (`….delta`).
    let delta: String?
    /// A turn's whole transcript (`….completed`).
    let transcript: String?
    /// Where speech started, in ms of the audio sent on this connection (`input_audio_buffer.speech_started`).
    let audioStartMilliseconds: Int?
    /// Where speech stopped (`input_audio_buffer.speech_stopped`).
    let audioEndMilliseconds: Int?
    /// What went wrong (`error`, `….failed`).
    let error: ErrorDetail?
    /// What a completed transcription was billed (`….completed`).
    let usage: Usage?

    struct ErrorDetail: Decodable, Sendable {
        let type: String?
        let code: String?
        let message: String?
    }

    /// Tokens (`type: tokens`) or seconds of audio (`type: duration`).
    struct Usage: Decodable, Sendable {
        let inputTokens: Int?
        let outputTokens: Int?
        let seconds: Double?

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case seconds
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, delta, transcript, error, usage
        case itemID = "item_id"
        case previousItemID = "previous_item_id"
        case audioStartMilliseconds = "audio_start_ms"
        case audioEndMilliseconds = "audio_end_ms"
    }

    /// The event `text` holds, or `nil` when it is not JSON with a `type`.
    static func decode(_ text: String) -> RealtimeServerEvent? {
        try? JSONDecoder().decode(RealtimeServerEvent.self, from: Data(text.utf8))
    }
}
