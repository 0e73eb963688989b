import CallAuditCore
import Foundation
import Realtime

/// The JSON events a live session sends its client (README: Live calls).
enum LiveEvent {
    /// The session is open: the call's id, the format understood, and whether the transcript comes live or at the end.
    case started(callID: UUID, format: LiveAudioFormat, live: Bool)
    /// What the realtime transcription heard.
    case update(RealtimeUpdate)
    /// Something the client should know: `code` and a message; `fatal` ones end the session.
    case error(code: String, message: String)
    /// The call is stored and queued for analysis.
    case queued(callID: UUID, audioSeconds: Double, liveTranscript: Bool)

    /// The event as one JSON text message.
    var text: String { JSONValue.object(fields).jsonText }

    var fields: [String: JSONValue] {
        switch self {
        case .started(let id, let format, let live):
            return ["type": "session.started", "call_id": .string(id.uuidString.lowercased()), "format": .string(format.name),
                    "sample_rate": .number(Double(format.sampleRate)), "transcription": live ? "realtime" : "at_end"]
        case .update(.delta(let turnID, let text)):
            return ["type": "transcript.delta", "turn_id": .string(turnID), "text": .string(text)]
        case .update(.turn(let turn)):
            return ["type": "transcript.turn", "turn_id": .string(turn.id), "text": .string(turn.text),
                    "start": turn.start.map(JSONValue.number) ?? .null, "end": turn.end.map(JSONValue.number) ?? .null,
                    "role": "unknown"]
        case .update(.speechStarted(let at)):
            return ["type": "speech.started", "at": .number(at)]
        case .update(.speechStopped(let at)):
            return ["type": "speech.stopped", "at": .number(at)]
        case .update(.providerError(let message)):
            return ["type": "error", "code": "provider_error", "message": .string(message)]
        case .update(.reconnecting(let attempt)):
            return ["type": "transcription.reconnecting", "attempt": .number(Double(attempt)),
                    "message": "the realtime connection dropped; reopening it, the audio since the last turn is kept"]
        case .update(.interrupted(let reason)):
            return ["type": "transcription.interrupted",
                    "message": .string("\(reason); the call will be transcribed when it ends")]
        case .error(let code, let message):
            return ["type": "error", "code": .string(code), "message": .string(message)]
        case .queued(let id, let seconds, let live):
            return ["type": "call.queued", "call_id": .string(id.uuidString.lowercased()),
                    "audio_seconds": .number((seconds * 100).rounded() / 100),
                    "transcript": live ? "live" : "batch", "status_url": .string("/v1/calls/\(id.uuidString.lowercased())")]
        }
    }
}
